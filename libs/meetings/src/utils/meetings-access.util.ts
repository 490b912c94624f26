import { hasRole, Role, type Actor } from '@app/workflows/common/actor';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';

/** Who works with key suggestions, hearings and votes, by role; the machines check the finer rules. */
export const MEETING_ROLES = {
  /** Propose key items, prepare meetings and vote sessions. */
  prepare: [Role.OFFICE],
  /** Decide key items; record hearings. */
  council: [Role.OFFICE, Role.COUNCIL_MEMBER],
  /** See key items, meetings and sessions. */
  read: [Role.OFFICE, Role.ADMIN, Role.COUNCIL_MEMBER, Role.SC_LEADER, Role.SC_MEMBER, Role.GOV_LEADER, Role.GOV_OFFICE],
  /** Watch the live count of ballots returned. */
  watchCount: [Role.OFFICE, Role.SC_LEADER],
  /** Have a view of their own key items. */
  leader: [Role.GOV_LEADER, Role.SC_LEADER],
} satisfies Record<string, Role[]>;

export function requireRole(actor: Actor, roles: Role[], what: string): void {
  if (!hasRole(actor, ...roles)) throw new MeetingsException(MeetingsExceptionCode.MEETINGS_FORBIDDEN, `You may not ${what}`);
}
