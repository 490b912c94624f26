import { diffDeadlines } from './deadline-diff.util';

const reply = { kind: 'REPLY', dueAt: '2026-06-30T15:59:59.999Z', unitId: 'u1' };

describe('diffDeadlines', () => {
  it.each([
    ['nothing to nothing', undefined, undefined, [], []],
    ['opens a new key', {}, { REPLY_u1: reply }, ['REPLY_u1'], []],
    ['closes a removed key', { REPLY_u1: reply }, {}, [], ['REPLY_u1']],
    ['keeps an unchanged key', { REPLY_u1: reply }, { REPLY_u1: reply }, [], []],
    ['reopens a moved key', { REPLY_u1: reply }, { REPLY_u1: { ...reply, dueAt: '2026-08-31T15:59:59.999Z' } }, ['REPLY_u1'], ['REPLY_u1']],
  ])('%s', (_name, before, after, opened, closed) => {
    const diff = diffDeadlines(before, after);
    expect(diff.opened.map((deadline) => deadline.key)).toEqual(opened);
    expect(diff.closed).toEqual(closed);
  });
});
