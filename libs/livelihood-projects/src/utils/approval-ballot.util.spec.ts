import { checkApprovals } from './approval-ballot.util';

const ballot = { round: 2, places: 2, candidateIds: ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'] };
const [a, b, c] = ballot.candidateIds;

describe(checkApprovals.name, () => {
  it.each([
    ['a blank ballot', [], null],
    ['K approvals', [a, b], null],
    ['an upper-case id of a candidate', [a.toUpperCase()], null],
  ])('accepts %s', (_name, ids, expected) => expect(checkApprovals(ids, ballot)).toBe(expected));

  it('refuses more than K approvals, naming K', () => {
    expect(checkApprovals([a, b, c], ballot)).toEqual({ field: 'candidateIds', reason: 'approves 3 candidates; a ballot may approve at most 2' });
  });

  it('refuses a candidate twice, in any case', () => {
    expect(checkApprovals([a, a.toUpperCase()], ballot)).toEqual({ field: 'candidateIds[1]', reason: 'a candidate appears twice on the ballot' });
  });

  it('refuses a candidate not on this round’s ballot, naming its place', () => {
    expect(checkApprovals([a, 'b0000000-0000-4000-8000-000000000009'], ballot)).toEqual({ field: 'candidateIds[1]', reason: 'not a candidate on the ballot of round 2' });
  });
});
