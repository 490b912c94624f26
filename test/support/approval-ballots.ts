/**
 * Each voter's approvals (candidate indexes) giving every candidate exactly its target, laid round the electorate in
 * turn: voters' counts then differ by one at most, so none approves more than K when the targets add up to K × voters.
 */
export function arrangeApprovals(targets: number[], voters: number): number[][] {
  const sets: number[][] = Array.from({ length: voters }, () => []);
  let next = 0;
  targets.forEach((target, candidate) => {
    for (let k = 0; k < target; k++) sets[(next + k) % voters].push(candidate);
    next = (next + target) % voters;
  });
  return sets;
}
