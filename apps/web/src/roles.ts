import type { AuthUser } from './api/types';

/** Which screens a role sees; the API still decides every action (a hidden button is no permission). */
const AREAS = {
  review: ['OFFICE', 'GOV_OFFICE', 'ADMIN'],
  disclose: ['OFFICE'],
  key: ['OFFICE', 'COUNCIL_MEMBER', 'SC_LEADER', 'GOV_LEADER', 'GOV_OFFICE'],
  meetings: ['OFFICE', 'COUNCIL_MEMBER', 'SC_LEADER'],
  vote: ['OFFICE', 'SC_LEADER', 'SC_MEMBER', 'COUNCIL_MEMBER'],
  figures: ['OFFICE', 'GOV_OFFICE', 'SC_LEADER', 'GOV_LEADER', 'COUNCIL_MEMBER', 'ADMIN'],
  proposeKey: ['OFFICE'],
  decideKey: ['COUNCIL_MEMBER'],
} as const;

export type Area = keyof typeof AREAS;

export function can(user: AuthUser, area: Area): boolean {
  return user.roles.some((role) => (AREAS[area] as readonly string[]).includes(role));
}
