import { minimumApprovals, selectProjects } from './livelihood-selection.util';

const tallies = (...approvals: number[]) => approvals.map((n, i) => ({ candidateId: `c${String(i + 1).padStart(2, '0')}`, approvals: n }));

describe('selectProjects', () => {
  it.each<[string, number[], number, string[], string[], number]>([
    ['chooses the top places that pass', [150, 140, 130, 120], 3, ['c01', 'c02', 'c03'], [], 0],
    ['leaves places empty when too few pass', [150, 90, 80], 2, ['c01'], [], 0],
    ['sends a tie across the last place to a run-off', [150, 140, 130, 130, 130, 20], 3, ['c01', 'c02'], ['c03', 'c04', 'c05'], 1],
    ['chooses a tie that fits exactly', [150, 130, 130, 110], 3, ['c01', 'c02', 'c03'], [], 0],
    ['ignores a tie below the last place', [150, 140, 120, 120], 2, ['c01', 'c02'], [], 0],
    ['needs more than half of all deputies, not of those present', [101, 100, 100], 3, ['c01'], [], 0],
  ])('%s', (_name, approvals, places, chosen, runoff, runoffPlaces) => {
    const result = selectProjects(tallies(...approvals), { places, electorate: 200, approvalShare: 0.5 });
    expect(result.chosen).toEqual(chosen);
    expect(result.runoff).toEqual(runoff);
    expect(result.runoffPlaces).toBe(runoffPlaces);
  });

  it('reports who failed the threshold and who was outranked', () => {
    const result = selectProjects(tallies(150, 140, 120, 50), { places: 2, electorate: 200, approvalShare: 0.5 });
    expect(result).toMatchObject({ outranked: ['c03'], failed: ['c04'], minimumApprovals: 101 });
  });

  it.each([
    [200, 0.5, 101],
    [201, 0.5, 101],
    [30, 2 / 3, 21],
    [10, 0, 1],
  ])('of %i deputies at share %d, %i approvals pass', (electorate, share, minimum) => expect(minimumApprovals(electorate, share)).toBe(minimum));
});
