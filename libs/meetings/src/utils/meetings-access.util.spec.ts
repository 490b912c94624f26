import { Role, type Actor } from '@app/workflows/common/actor';
import { MEETING_ROLES, requireRole } from './meetings-access.util';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', roles, deputyId: null, unitId: null });

describe('requireRole', () => {
  it.each<[string, Actor, Role[], boolean]>([
    ['the office prepares', actor(Role.OFFICE), MEETING_ROLES.prepare, true],
    ['a council member does not prepare', actor(Role.COUNCIL_MEMBER), MEETING_ROLES.prepare, false],
    ['a council member records hearings', actor(Role.COUNCIL_MEMBER), MEETING_ROLES.council, true],
    ['a deputy reads no meeting', actor(Role.DEPUTY), MEETING_ROLES.read, false],
    ['a member does not watch the live count', actor(Role.SC_MEMBER), MEETING_ROLES.watchCount, false],
    ['a leader watches the live count', actor(Role.SC_LEADER), MEETING_ROLES.watchCount, true],
  ])('%s', (_name, who, roles, allowed) => {
    if (allowed) expect(() => requireRole(who, roles, 'do it')).not.toThrow();
    else expect(() => requireRole(who, roles, 'do it')).toThrow('You may not do it');
  });
});
