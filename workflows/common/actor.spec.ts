import { hasRole, Role, SYSTEM_ACTOR } from './actor';

describe('hasRole', () => {
  it('matches any of the given roles', () => {
    expect(hasRole(SYSTEM_ACTOR, Role.OFFICE, Role.SYSTEM)).toBe(true);
  });
  it('refuses roles the actor does not hold', () => {
    expect(hasRole(SYSTEM_ACTOR, Role.OFFICE)).toBe(false);
  });
});
