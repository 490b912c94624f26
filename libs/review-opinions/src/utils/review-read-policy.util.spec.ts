import { Role } from '@app/workflows/common/actor';
import type { AuthUser } from '@app/accounts';
import { readableUnitScope, unitSeesList } from './review-read-policy.util';

const user = (roles: Role[], unitId: string | null = null): AuthUser => ({ userId: 'u', roles, unitId, deputyId: null, jurisdictionId: 'j', displayName: 'x' });

describe('review-opinion read policy', () => {
  it('lets the office and the standing committee read every list, units their own, deputies none', () => {
    expect(readableUnitScope(user([Role.OFFICE]))).toEqual({ all: true });
    expect(readableUnitScope(user([Role.SC_MEMBER]))).toEqual({ all: true });
    expect(readableUnitScope(user([Role.UNIT_STAFF], 'unit-a'))).toEqual({ unitId: 'unit-a' });
    expect(readableUnitScope(user([Role.DEPUTY]))).toBeNull();
  });

  it('shows a unit a list it has an item on or reports for, and no other', () => {
    expect(unitSeesList('a', { reportingUnitId: 'gov' }, ['a', 'b'])).toBe(true);
    expect(unitSeesList('gov', { reportingUnitId: 'gov' }, ['a'])).toBe(true);
    expect(unitSeesList('c', { reportingUnitId: 'gov' }, ['a', 'b'])).toBe(false);
  });
});
