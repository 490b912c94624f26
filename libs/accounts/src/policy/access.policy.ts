/**
 * THE access policy: every decision about who may see or do what is made from this file.
 *
 * - Capabilities: which roles may call which operation (admin, rosters, filing, batch assignment, the unit inbox…).
 *   Routes declare the capability they need with @RequireCapability and the global guard asks `can`.
 * - Suggestion reads: `suggestionReadGrants` says which suggestions an actor sees, as data. Single reads and lists
 *   both compile these grants into one SQL condition (libs/suggestions/src/utils/suggestion-read-policy.util.ts),
 *   and `maySeeSuggestion` evaluates the same grants in memory (tests, future non-SQL callers).
 * - Suggestion events: `maySendSuggestionEvent` — by role and relationship to the suggestion. Its rule table lives
 *   in workflows/suggestion/suggestion-permissions.ts, because the pure machine tests need it without Nest; this
 *   module is its only entry point for the server.
 *
 * Tenancy is not a grant: every query is scoped to the caller's jurisdiction before any grant applies, and what
 * lies outside it answers 404.
 */
import { hasRole, Role, type Actor } from '@app/workflows/common/actor';
import { eventTypes, mayActorSend, type SuggestionContext, type SuggestionEventType } from '@app/workflows/suggestion';

export enum Capability {
  /** Create users, change their roles, reset passwords, (de)activate and unlock accounts. */
  MANAGE_USERS = 'MANAGE_USERS',
  /** Read the account audit trail (sign-ins, role changes, resets, imports). */
  READ_ACCOUNT_AUDIT = 'READ_ACCOUNT_AUDIT',
  /** Import and export deputies and units; deactivate and reactivate deputies. */
  MANAGE_ROSTERS = 'MANAGE_ROSTERS',
  /** See deputies' phone numbers. */
  READ_DEPUTY_CONTACTS = 'READ_DEPUTY_CONTACTS',
  /** File a suggestion as its lead deputy. */
  FILE_SUGGESTION = 'FILE_SUGGESTION',
  /** Assign many suggestions at one assignment meeting. */
  BATCH_ASSIGN = 'BATCH_ASSIGN',
  /** A handling unit's open work. */
  READ_UNIT_INBOX = 'READ_UNIT_INBOX',
  /** Create a year's livelihood-project vote, add candidates, read and adopt the public's proposals. */
  MANAGE_LIVELIHOOD_CANDIDATES = 'MANAGE_LIVELIHOOD_CANDIDATES',
  /** The year's livelihood-project figures. */
  READ_LIVELIHOOD_FIGURES = 'READ_LIVELIHOOD_FIGURES',
}

type Requirement = (actor: Actor) => boolean;

const anyOf =
  (...roles: Role[]): Requirement =>
  (actor) =>
    hasRole(actor, ...roles);

const ROLE_CAPABILITIES: Record<Capability, Requirement> = {
  [Capability.MANAGE_USERS]: anyOf(Role.ADMIN),
  [Capability.READ_ACCOUNT_AUDIT]: anyOf(Role.ADMIN),
  [Capability.MANAGE_ROSTERS]: anyOf(Role.OFFICE, Role.ADMIN),
  [Capability.READ_DEPUTY_CONTACTS]: anyOf(Role.OFFICE, Role.ADMIN),
  // A deputy files in their own name, so the account must be linked to a deputy record.
  [Capability.FILE_SUGGESTION]: (actor) => hasRole(actor, Role.DEPUTY) && actor.deputyId !== null,
  // Mirrors who may send ASSIGN (suggestion-permissions.ts); the engine still checks each suggestion.
  [Capability.BATCH_ASSIGN]: anyOf(Role.OFFICE, Role.GOV_OFFICE),
  [Capability.READ_UNIT_INBOX]: (actor) => hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD) && actor.unitId !== null,
  // Mirrors who may send ADD_CANDIDATE (livelihood-vote-permissions.ts): the government collects, the office may too.
  [Capability.MANAGE_LIVELIHOOD_CANDIDATES]: anyOf(Role.OFFICE, Role.GOV_OFFICE),
  [Capability.READ_LIVELIHOOD_FIGURES]: anyOf(Role.OFFICE, Role.ADMIN, Role.GOV_OFFICE, Role.GOV_LEADER, Role.SC_LEADER, Role.COUNCIL_MEMBER, Role.SC_MEMBER),
};

/** Whether the actor holds the capability. Anonymous callers hold none. */
export function can(actor: Actor | null, capability: Capability): boolean {
  return actor !== null && ROLE_CAPABILITIES[capability](actor);
}

export const capabilities: readonly Capability[] = Object.freeze(Object.values(Capability));

// ------------------------------------------------------------------ suggestion reads

export enum ReadGrantKind {
  /** Everything in the jurisdiction (deputy-affairs office, government office, the system). */
  JURISDICTION = 'JURISDICTION',
  /** Suggestions the deputy leads, co-signs or was invited to co-sign. */
  PROPOSER = 'PROPOSER',
  /** Suggestions assigned to the unit, as lead, co-unit or separate handler, in any round. */
  ASSIGNED_UNIT = 'ASSIGNED_UNIT',
  /** Key suggestions the user leads (government leader) or supervises (standing-committee leader). */
  KEY_LEADER = 'KEY_LEADER',
  /** Key suggestions: what the council of chairpersons hears and the standing committee scores. */
  KEY_ITEMS = 'KEY_ITEMS',
  /** Whatever has been disclosed: the anonymous public's only grant. */
  DISCLOSED = 'DISCLOSED',
}

export type ReadGrant =
  | { kind: ReadGrantKind.JURISDICTION }
  | { kind: ReadGrantKind.PROPOSER; deputyId: string }
  | { kind: ReadGrantKind.ASSIGNED_UNIT; unitId: string }
  | { kind: ReadGrantKind.KEY_LEADER; userId: string }
  | { kind: ReadGrantKind.KEY_ITEMS }
  | { kind: ReadGrantKind.DISCLOSED };

/**
 * Which suggestions the actor (null: the anonymous public) may see in full, as a union of grants.
 * Disclosed suggestions reach everyone, signed in or not, through the public portal in their redacted form; that is
 * not a grant on the full record (which keeps contact details, ID numbers and unredacted replies), so signed-in
 * users get DISCLOSED only through what their roles already give.
 */
export function suggestionReadGrants(actor: Actor | null): ReadGrant[] {
  if (actor === null) return [{ kind: ReadGrantKind.DISCLOSED }];
  const grants: ReadGrant[] = [];
  if (hasRole(actor, Role.OFFICE, Role.GOV_OFFICE, Role.SYSTEM)) grants.push({ kind: ReadGrantKind.JURISDICTION });
  if (actor.deputyId && hasRole(actor, Role.DEPUTY)) grants.push({ kind: ReadGrantKind.PROPOSER, deputyId: actor.deputyId });
  if (actor.unitId && hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD)) grants.push({ kind: ReadGrantKind.ASSIGNED_UNIT, unitId: actor.unitId });
  if (hasRole(actor, Role.GOV_LEADER, Role.SC_LEADER)) grants.push({ kind: ReadGrantKind.KEY_LEADER, userId: actor.userId });
  if (hasRole(actor, Role.COUNCIL_MEMBER, Role.SC_MEMBER)) grants.push({ kind: ReadGrantKind.KEY_ITEMS });
  return grants;
}

/** What a read decision needs to know about one suggestion (already known to be in the actor's jurisdiction). */
export interface SuggestionReadFacts {
  proposerDeputyIds: string[];
  /** Units assigned in any round. */
  unitIds: string[];
  isKey: boolean;
  leadingLeaderId: string | null;
  supervisingLeaderId: string | null;
  disclosureState: string | null;
}

const GRANT_MATCHES: { [K in ReadGrantKind]: (grant: Extract<ReadGrant, { kind: K }>, facts: SuggestionReadFacts) => boolean } = {
  [ReadGrantKind.JURISDICTION]: () => true,
  [ReadGrantKind.PROPOSER]: (grant, facts) => facts.proposerDeputyIds.includes(grant.deputyId),
  [ReadGrantKind.ASSIGNED_UNIT]: (grant, facts) => facts.unitIds.includes(grant.unitId),
  [ReadGrantKind.KEY_LEADER]: (grant, facts) =>
    facts.isKey && (facts.leadingLeaderId === grant.userId || facts.supervisingLeaderId === grant.userId),
  [ReadGrantKind.KEY_ITEMS]: (_grant, facts) => facts.isKey,
  [ReadGrantKind.DISCLOSED]: (_grant, facts) => facts.disclosureState === DISCLOSED_STATE,
};

/** The disclosure region's state once a suggestion is published on the public site. */
export const DISCLOSED_STATE = 'published';

/** The in-memory twin of the SQL read condition: the same grants, evaluated on one suggestion's facts. */
export function maySeeSuggestion(actor: Actor | null, facts: SuggestionReadFacts): boolean {
  return suggestionReadGrants(actor).some((grant) => (GRANT_MATCHES[grant.kind] as (g: ReadGrant, f: SuggestionReadFacts) => boolean)(grant, facts));
}

// ------------------------------------------------------------------ suggestion events

/** Every event type a suggestion takes. */
export const suggestionEventTypes: readonly SuggestionEventType[] = eventTypes;

/** Whether the actor may send this event to this suggestion, whatever its state (the machine decides the state part). */
export function maySendSuggestionEvent(eventType: SuggestionEventType, actor: Actor, context: SuggestionContext): boolean {
  return mayActorSend(eventType, actor, context);
}
