import { createMachine, initialTransition } from 'xstate';
import { MachineFamily, MachineWorkflowDefinition } from './machine-workflow-definition';

const machine = createMachine({ id: 'sample', initial: 'draft', states: { draft: { on: { SUBMIT: 'review' } }, review: {} } });
const family: MachineFamily = {
  machines: { 1: machine },
  currentVersion: 1,
  eventTypes: ['SUBMIT'],
  restore: (m, persisted) => m.resolveState(persisted as never),
  persist: (snapshot) => ({ value: snapshot.value, context: snapshot.context }),
  mayActorSend: (type) => type === 'SUBMIT',
  explainRefusal: () => 'no reason',
};

class SampleDefinition extends MachineWorkflowDefinition {
  readonly name = 'sample';
  constructor() {
    super(family);
  }
}

describe(MachineWorkflowDefinition.name, () => {
  const definition = new SampleDefinition();

  it('finds the machine of a stored version and names the workflow for an unknown one', () => {
    expect(definition.machine(1)).toBe(machine);
    expect(() => definition.machine(99)).toThrow('No sample machine version 99');
  });

  it('persists and restores through the family, with the current version and event types', () => {
    const [snapshot] = initialTransition(machine);
    expect(definition.restore(1, definition.persist(snapshot)).value).toBe('draft');
    expect([definition.currentVersion, definition.eventTypes]).toEqual([1, ['SUBMIT']]);
    expect([definition.mayActorSend('SUBMIT', { userId: 'u', roles: [], deputyId: null, unitId: null }, {}), definition.explainRefusal({}, {} as never)]).toEqual([true, 'no reason']);
  });

  it.each([
    ['draft', 'draft'],
    [{ active: { handling: 'inProgress' }, key: 'none' }, 'active'],
  ])('names the headline state of %j as %s', (value, headline) => expect(definition.headlineState(value)).toBe(headline));
});
