/**
 * A snapshot stored by an earlier run of machine v1 must resume. The fixture is a stored artifact:
 * do not regenerate it when the machine changes; a change that breaks it needs a new machine version.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createActor, transition, type Snapshot } from 'xstate';
import { suggestionMachineV1 } from './suggestion-handling.machine.v1';
import { CURRENT_SUGGESTION_MACHINE_VERSION, suggestionMachines } from './index';
import { persistSnapshot, restoreSnapshot, type PersistedSuggestionSnapshot } from './snapshot.util';
import { actors, CO1, Driver, event, input, LEAD, replyPayload, SUPERVISOR, T0, UNIT_A, UNIT_B } from './testing/suggestion-test-kit';

const fixturePath = join(__dirname, 'fixtures', 'v1-in-handling.snapshot.json');
const stored = (): PersistedSuggestionSnapshot => JSON.parse(readFileSync(fixturePath, 'utf8'));

describe('stored v1 snapshot', () => {
  it('is resumed by the machine version registered as 1', () => {
    expect(CURRENT_SUGGESTION_MACHINE_VERSION).toBe(1);
    expect(suggestionMachines[1]).toBe(suggestionMachineV1);
  });

  it('restores to the state and context it was stored with', () => {
    const persisted = stored();
    const snapshot = restoreSnapshot(suggestionMachineV1, persisted);
    expect(snapshot.status).toBe('active');
    expect(snapshot.value).toEqual({ active: { handling: 'inProgress', key: 'selected', disclosure: 'notDue' } });
    expect(snapshot.context).toEqual(persisted.context);
    expect(snapshot.context.proposers.map((p) => p.deputyId)).toEqual([LEAD, CO1]);
    // Persisting the restored snapshot gives back the same JSON.
    expect(persistSnapshot(snapshot)).toEqual(persisted);
  });

  it('continues from the middle of handling to the end', () => {
    const at = '2026-03-01T02:00:00.000Z';
    const d = Driver.from(restoreSnapshot(suggestionMachineV1, stored()), at);

    // The co-unit already sent its opinion and the lead unit contacted the deputy: it may reply.
    d.send({ type: 'DEADLINE_PASSED', deadlineKey: `ADJUSTMENT_${UNIT_B}` }, actors.system)
      .send(replyPayload('B'), actors.headA)
      .send({ type: 'RECORD_HEARING', meetingId: 'council-2026-03', opinion: 'Good progress.' }, actors.council)
      .send({ type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'BASICALLY_SATISFIED' }, actors.lead)
      .send({ type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' }, actors.co1);
    expect(d.snapshot.value).toEqual({ active: { handling: 'followUp', key: 'heard', disclosure: 'pending' } });

    // Persist and restore in the middle again, as the engine does after every event.
    const again = restoreSnapshot(suggestionMachineV1, persistSnapshot(d.snapshot));
    const e = Driver.from(again, d.at);
    e.send({ type: 'DECIDE_DISCLOSURE', mode: 'SUMMARY', summary: 'Road repair planned for 2026.' }, actors.office)
      .send({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'sc-2026-06', passed: true }, actors.system)
      .send({ type: 'FOLLOW_UP_REPLY', classification: 'A', text: 'The road was repaired in May.' }, actors.unitA)
      .send({ type: 'CLOSE' }, actors.office);

    expect(e.snapshot.value).toEqual({ active: { handling: 'closed', key: 'passed', disclosure: 'published' } });
    expect(e.context.classification).toBe('A');
    expect(e.context.key).toMatchObject({ supervisingLeaderId: SUPERVISOR, hearings: 1, votes: 1, lastVotePassed: true });
    expect(e.context.deadlines).toEqual({});
    expect(e.effects()).toEqual([{ type: 'notify', params: { template: 'CLOSED', to: [{ kind: 'DEPUTY', deputyId: LEAD }, { kind: 'DEPUTY', deputyId: CO1 }] } }]);
  });

  it('refuses a state the machine does not have (a snapshot from another version)', () => {
    const persisted = { ...stored(), value: { active: { handling: 'somethingNew', key: 'none', disclosure: 'notDue' } } };
    expect(() => restoreSnapshot(suggestionMachineV1, persisted)).toThrow();
  });
});

describe('persistSnapshot / restoreSnapshot', () => {
  it('persist the same JSON for a transition() snapshot and a running actor’s getPersistedSnapshot()', () => {
    const d = new Driver().assignedToA();
    // createActor restores stored JSON itself (machine.restoreSnapshot); the engine may run either way.
    const actor = createActor(suggestionMachineV1, { snapshot: persistSnapshot(d.snapshot) as unknown as Snapshot<unknown>, input: input() }).start();
    const e = event(replyPayload('A'), actors.headA, '2026-02-01T00:00:00.000Z');
    actor.send(e);
    const [pure] = transition(suggestionMachineV1, d.snapshot, e);
    expect(JSON.parse(JSON.stringify(actor.getPersistedSnapshot()))).toEqual(persistSnapshot(pure));
    actor.stop();
  });

  it('round-trip a final snapshot as done', () => {
    const d = new Driver().send({ type: 'WITHDRAW', reason: 'No longer needed' }, actors.lead);
    const restored = restoreSnapshot(suggestionMachineV1, persistSnapshot(d.snapshot));
    expect(restored.status).toBe('done');
    expect(restored.value).toBe('withdrawn');
    expect(restored.can(event({ type: 'SUBMIT' }, actors.lead, T0))).toBe(false);
  });

  it('never share objects with the stored JSON', () => {
    const persisted = stored();
    const restored = restoreSnapshot(suggestionMachineV1, persisted);
    restored.context.assignments[0].contacts = 99;
    expect(persisted.context.assignments.find((a) => a.unitId === UNIT_A)!.contacts).toBe(1);
  });
});
