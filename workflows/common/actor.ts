/** Roles a user may hold; one person may hold several. SYSTEM is the worker acting on deadlines. */
export enum Role {
  DEPUTY = 'DEPUTY',
  UNIT_STAFF = 'UNIT_STAFF',
  UNIT_HEAD = 'UNIT_HEAD',
  OFFICE = 'OFFICE',
  GOV_OFFICE = 'GOV_OFFICE',
  GOV_LEADER = 'GOV_LEADER',
  SC_LEADER = 'SC_LEADER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  SC_MEMBER = 'SC_MEMBER',
  ADMIN = 'ADMIN',
  SYSTEM = 'SYSTEM',
}

/** Who sends an event, as the engine resolved it from the auth context. */
export interface Actor {
  userId: string;
  roles: Role[];
  /** Set when the user is a deputy. */
  deputyId: string | null;
  /** Set when the user is staff or head of a handling unit. */
  unitId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', roles: [Role.SYSTEM], deputyId: null, unitId: null };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}
