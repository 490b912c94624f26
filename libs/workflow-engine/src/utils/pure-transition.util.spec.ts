import { AnyMachineSnapshot, assign, createMachine, ExecutableActionObject, initialTransition, transition } from 'xstate';
import { pureTransition } from './pure-transition.util';

const machine = createMachine({
  id: 'counter',
  initial: 'open',
  context: { count: 0 },
  states: {
    open: {
      on: {
        ADD: { actions: [assign({ count: ({ context }) => context.count + 1 }), { type: 'notify', params: { template: 'ADDED' } }] },
        BOOM: { guard: () => { throw new Error('guard failed'); }, target: 'closed' },
        CLOSE: { target: 'closed', actions: { type: 'notify', params: { template: 'CLOSED' } } },
      },
    },
    closed: { on: { REOPEN: 'open' } },
  },
});

const plain = ([next, actions]: [AnyMachineSnapshot, ExecutableActionObject[]]) => ({
  value: next.value, context: next.context, actions: actions.map((a) => ({ type: a.type, params: a.params })),
});

describe('pureTransition', () => {
  it.each(['ADD', 'CLOSE', 'REOPEN', 'UNKNOWN'])('gives what xstate transition gives for %s', (type) => {
    const [start] = initialTransition(machine);
    expect(plain(pureTransition(machine, start, { type }))).toEqual(plain(transition(machine, start, { type }) as [AnyMachineSnapshot, ExecutableActionObject[]]));
  });

  it('keeps each call to its own actions', () => {
    const [start] = initialTransition(machine);
    const [afterAdd, addActions] = pureTransition(machine, start, { type: 'ADD' });
    const [, closeActions] = pureTransition(machine, afterAdd, { type: 'CLOSE' });
    expect(addActions.map((a) => a.params)).toEqual([{ template: 'ADDED' }]);
    expect(closeActions.map((a) => a.params)).toEqual([{ template: 'CLOSED' }]);
    expect(afterAdd.context).toEqual({ count: 1 });
  });

  it('leaves nothing behind when a transition throws', () => {
    const [start] = initialTransition(machine);
    expect(() => pureTransition(machine, start, { type: 'BOOM' })).toThrow();
    const [, actions] = pureTransition(machine, start, { type: 'CLOSE' });
    expect(actions.map((a) => a.params)).toEqual([{ template: 'CLOSED' }]);
  });
});
