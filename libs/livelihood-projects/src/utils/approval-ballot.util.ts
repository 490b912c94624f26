import type { FieldError } from '@app/persistence';
import type { BallotRound } from '@app/workflows/livelihood-vote';

/**
 * Why an approval ballot is invalid for the open round, or null: only candidates on this round's ballot, each once,
 * at most K of them. Ids are compared in lower case, as PostgreSQL compares uuids.
 */
export function checkApprovals(candidateIds: string[], ballot: Pick<BallotRound, 'candidateIds' | 'places' | 'round'>): FieldError | null {
  const ids = candidateIds.map((id) => id.toLowerCase());
  const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeated >= 0) return { field: `candidateIds[${repeated}]`, reason: 'a candidate appears twice on the ballot' };
  const unknown = ids.findIndex((id) => !ballot.candidateIds.includes(id));
  if (unknown >= 0) return { field: `candidateIds[${unknown}]`, reason: `not a candidate on the ballot of round ${ballot.round}` };
  if (candidateIds.length > ballot.places) {
    return { field: 'candidateIds', reason: `approves ${candidateIds.length} candidates; a ballot may approve at most ${ballot.places}` };
  }
  return null;
}
