import type { RoundResult } from '@app/workflows/livelihood-vote';
import { progressView, resultView } from './livelihood-view.util';

const candidates = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, position: i + 1, title: `项目${id}`, unitId: i === 0 ? 'u1' : null }));
const round1: RoundResult = {
  round: 1, candidateIds: ['a', 'b', 'c', 'd'], places: 2, electorate: 10, votersPresent: 10, ballotsReturned: 9,
  approvals: { a: 9, b: 7, c: 7, d: 3 }, minimumApprovals: 6, chosen: ['a'], runoff: ['b', 'c'], runoffPlaces: 1,
};

describe(resultView.name, () => {
  it('lists every closed round most approvals first, reports the tie at the last place and what was chosen', () => {
    const view = resultView({ places: 2, rounds: [round1], chosen: ['a'], runoff: { candidateIds: ['b', 'c'], places: 1 } }, candidates);
    expect(view.rounds[0].counts).toEqual([
      { candidateId: 'a', title: '项目a', approvals: 9, outcome: 'CHOSEN' },
      { candidateId: 'b', title: '项目b', approvals: 7, outcome: 'RUNOFF' },
      { candidateId: 'c', title: '项目c', approvals: 7, outcome: 'RUNOFF' },
      { candidateId: 'd', title: '项目d', approvals: 3, outcome: 'FAILED' },
    ]);
    expect(view).toMatchObject({ chosen: [{ candidateId: 'a', title: '项目a' }], tie: { candidateIds: ['b', 'c'], places: 1, titles: ['项目b', '项目c'] } });
    expect(view.rounds[0]).toMatchObject({ ballotsIssued: 10, ballotsReturned: 9, minimumApprovals: 6, tied: ['b', 'c'], tiedPlaces: 1 });
  });
});

describe(progressView.name, () => {
  it('shows each project with its unit, milestones, reports (with the milestones each marked done) and completion', () => {
    const milestone = { id: 'm1', title: '竣工验收', dueAt: '2026-09-30T15:59:59.999Z', doneAt: '2026-09-10T02:00:00.000Z', overdue: false };
    const projects = [{ id: 'a', unitId: 'u1', milestones: [milestone], progress: 100, reportCount: 1, lastReportAt: null, score: null }];
    const reports = [
      { projectId: 'a', percent: 100, text: '竣工', milestoneIds: ['m1'], reportedAt: new Date('2026-09-10T02:00:00Z') },
      { projectId: 'b', percent: 5, text: 'x', milestoneIds: [], reportedAt: new Date() },
    ];
    expect(progressView({ projects }, candidates, reports, (id) => (id === 'u1' ? '县发改局' : null))).toEqual([
      {
        projectId: 'a', title: '项目a', unit: '县发改局', progress: 100, completed: true, milestones: [milestone],
        reports: [{ percent: 100, text: '竣工', milestoneIds: ['m1'], reportedAt: reports[0].reportedAt }], score: null,
      },
    ]);
  });
});
