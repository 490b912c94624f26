import { Role } from '@app/workflows/common/actor';
import type { AuthUser } from '@app/accounts';
import { readPolicySql } from './suggestion-read-policy.util';

const user = (roles: Role[], link: { deputyId?: string; unitId?: string } = {}): AuthUser => ({
  userId: 'u-1', jurisdictionId: 'j-1', displayName: 'x', roles, deputyId: link.deputyId ?? null, unitId: link.unitId ?? null,
});

describe('readPolicySql', () => {
  it('numbers its parameters after the ones already bound', () => {
    const params: unknown[] = ['suggestion-id'];
    const sql = readPolicySql(user([Role.OFFICE]), params);
    expect(sql).toBe('s.jurisdiction_id = $2');
    expect(params).toEqual(['suggestion-id', 'j-1']);
  });

  it('binds each grant value in place of its named parameter, however often it appears', () => {
    const params: unknown[] = ['suggestion-id'];
    const sql = readPolicySql(user([Role.SC_LEADER, Role.DEPUTY], { deputyId: 'd-1' }), params);
    expect(params).toEqual(['suggestion-id', 'j-1', 'd-1', 'u-1', 'u-1']);
    expect(sql).toContain('pp.deputy_id = $3');
    expect(sql).toContain("'{context,key,leadingLeaderId}' = $4");
    expect(sql).toContain("'{context,key,supervisingLeaderId}' = $5");
    expect(sql).not.toMatch(/:policy/);
    expect(sql.startsWith('s.jurisdiction_id = $2 AND (')).toBe(true);
  });

  it('grants nothing to a user with no reading role', () => {
    const params: unknown[] = [];
    expect(readPolicySql(user([Role.ADMIN]), params)).toBe('s.jurisdiction_id = $1 AND (false)');
  });
});
