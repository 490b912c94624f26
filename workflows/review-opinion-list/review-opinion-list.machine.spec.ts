import { initialTransition, transition } from 'xstate';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { reviewOpinionListMachineV1 } from './review-opinion-list.machine.v1';
import { mayActorSendReviewEvent } from './review-opinion-list-permissions';
import { explainReviewRefusal } from './review-opinion-list-rules';
import { persistReviewListSnapshot, restoreReviewListSnapshot } from './review-opinion-list-snapshot.util';
import type { ReviewListEvent, ReviewListEventPayload } from './review-opinion-list.types';

const machine = reviewOpinionListMachineV1;
const DUE = { REVIEW_ITEM: '2026-06-01T00:00:00.000Z', REVIEW_REPORT: '2026-06-10T00:00:00.000Z', REVIEW_REWORK: '2026-07-01T00:00:00.000Z', REPORT_AGAIN: '2026-09-01T00:00:00.000Z' };
const office: Actor = { userId: 'o', roles: [Role.OFFICE], deputyId: null, unitId: null };
const unitA: Actor = { userId: 'a', roles: [Role.UNIT_STAFF], deputyId: null, unitId: 'unit-a' };
const gov: Actor = { userId: 'g', roles: [Role.UNIT_HEAD], deputyId: null, unitId: 'gov' };

function run(steps: Array<[ReviewListEventPayload, Actor, string?]>) {
  let [s] = initialTransition(machine, { reportingUnitId: 'gov', items: [{ id: 'i1', unitId: 'unit-a' }, { id: 'i2', unitId: 'unit-a' }] });
  let actions: Array<{ type: string; params?: unknown }> = [];
  for (const [payload, actor, at = '2026-04-01T00:00:00.000Z'] of steps) {
    const event = { ...payload, actor, at, due: DUE } as ReviewListEvent;
    [s, actions] = transition(machine, s, event);
  }
  return { s, actions };
}

const assign: [ReviewListEventPayload, Actor] = [{ type: 'ASSIGN' }, office];
const report = (itemId: string): [ReviewListEventPayload, Actor] => [{ type: 'REPORT_ITEM', itemId, text: '已办。' }, unitA];
const close = (itemId: string, at?: string): [ReviewListEventPayload, Actor, string?] => [{ type: 'CLOSE_ITEM', itemId }, office, at];

describe('review-opinion list machine v1', () => {
  it('opens an item deadline per opinion and one for the written report at assignment', () => {
    const { s } = run([assign]);
    expect(s.value).toBe('handling');
    expect(s.context.deadlines).toEqual({
      report: { kind: 'REVIEW_REPORT', dueAt: DUE.REVIEW_REPORT, unitId: 'gov' },
      item_i1: { kind: 'REVIEW_ITEM', dueAt: DUE.REVIEW_ITEM, unitId: 'unit-a' },
      item_i2: { kind: 'REVIEW_ITEM', dueAt: DUE.REVIEW_ITEM, unitId: 'unit-a' },
    });
  });

  it('closes items one by one, on time or late against the first deadline', () => {
    const { s } = run([assign, report('i1'), close('i1'), report('i2'), close('i2', '2026-08-01T00:00:00.000Z')]);
    expect(s.context.items.map((i) => [i.status, i.closedOnTime])).toEqual([['CLOSED', true], ['CLOSED', false]]);
    expect(Object.keys(s.context.deadlines)).toEqual(['report']);
  });

  it('sends an item back with a rework deadline and takes a new report', () => {
    const { s } = run([assign, report('i1'), [{ type: 'SEND_BACK_ITEM', itemId: 'i1', reason: '不到位。' }, office], report('i1')]);
    expect(s.context.items[0]).toMatchObject({ status: 'REPORTED', sentBackCount: 1, reportCount: 2, dueAt: DUE.REVIEW_REWORK, firstDueAt: DUE.REVIEW_ITEM });
    expect(s.context.deadlines.item_i1).toEqual({ kind: 'REVIEW_REWORK', dueAt: DUE.REVIEW_REWORK, unitId: 'unit-a' });
  });

  it('takes the written report only once every item is closed', () => {
    const event = { type: 'SUBMIT_REPORT', text: '报告。', actor: gov, at: '2026-05-01T00:00:00.000Z', due: DUE } as ReviewListEvent;
    expect(explainReviewRefusal(run([assign]).s.context, event)).toBe('every item must be closed first; still open: 1, 2');
    const { s } = run([assign, report('i1'), close('i1'), report('i2'), close('i2'), [{ type: 'SUBMIT_REPORT', text: '报告。' }, gov]]);
    expect(s.value).toBe('reported');
    expect(s.context.deadlines).toEqual({});
  });

  it('asks for the report again after a failed score, and ends after a passed one', () => {
    const reported: Array<[ReviewListEventPayload, Actor, string?]> = [assign, report('i1'), close('i1'), report('i2'), close('i2'), [{ type: 'SUBMIT_REPORT', text: '报告。' }, gov]];
    const failed = run([...reported, [{ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v1', passed: false }, SYSTEM_ACTOR]]);
    expect(failed.s.value).toBe('handling');
    expect(failed.s.context).toMatchObject({ reportRound: 2, deadlines: { report: { kind: 'REPORT_AGAIN', dueAt: DUE.REPORT_AGAIN, unitId: 'gov' } } });
    const passed = run([...reported, [{ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v1', passed: true }, SYSTEM_ACTOR]]);
    expect(passed.s.value).toBe('done');
    expect(passed.s.context.scores).toEqual([{ voteSessionId: 'v1', passed: true }]);
  });

  it('marks an overdue item and escalates to the office and the unit', () => {
    const { s, actions } = run([assign, [{ type: 'DEADLINE_PASSED', deadlineKey: 'item_i1' }, SYSTEM_ACTOR]]);
    expect(s.context.items[0].overdue).toBe(true);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'notify', params: { template: 'OVERDUE', to: [{ kind: 'OFFICE' }, { kind: 'UNIT', unitId: 'unit-a' }] } }));
  });

  it('survives persisting and restoring', () => {
    const { s } = run([assign, report('i1')]);
    const restored = restoreReviewListSnapshot(machine, persistReviewListSnapshot(s));
    expect(transition(machine, restored, { type: 'CLOSE_ITEM', itemId: 'i1', actor: office, at: '2026-04-02T00:00:00.000Z', due: DUE } as ReviewListEvent)[0].context.items[0].status).toBe('CLOSED');
  });

  it.each<[string, ReviewListEventPayload, Actor, boolean]>([
    ['the office assigns', { type: 'ASSIGN' }, office, true],
    ['a unit does not assign', { type: 'ASSIGN' }, unitA, false],
    ['a unit of the list reports', { type: 'REPORT_ITEM', itemId: 'i1', text: 'x' }, unitA, true],
    ['a unit off the list does not', { type: 'REPORT_ITEM', itemId: 'i1', text: 'x' }, { ...unitA, unitId: 'other' }, false],
    ['the reporting body submits the report', { type: 'SUBMIT_REPORT', text: 'x' }, gov, true],
    ['only the system records a vote result', { type: 'RECORD_VOTE_RESULT', voteSessionId: 'v', passed: true }, office, false],
  ])('%s', (_name, payload, actor, allowed) => {
    const { s } = run([]);
    expect(mayActorSendReviewEvent(payload.type, actor, s.context)).toBe(allowed);
  });
});
