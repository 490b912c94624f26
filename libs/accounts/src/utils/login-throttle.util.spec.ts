import { afterFailure, secondsBlocked, ThrottleState } from './login-throttle.util';

const limits = { FREE_FAILURES: 3, BASE_DELAY_SECONDS: 2, LOCK_AFTER_FAILURES: 6, LOCK_SECONDS: 900, FAILURE_WINDOW_SECONDS: 3600 };
const t0 = new Date('2026-03-10T02:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function failTimes(count: number, everySeconds = 100): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let index = 0; index < count; index++) state = afterFailure(state, at(index * everySeconds), limits);
  return state;
}

describe('login throttle', () => {
  it.each([
    [1, null],
    [3, null],
    [4, 2],
    [5, 4],
  ])('after %i failures the next attempt waits %p seconds', (count, delay) => {
    const state = failTimes(count) as ThrottleState;
    expect(state.failedCount).toBe(count);
    expect(state.locked).toBe(false);
    expect(state.blockedUntil ? (state.blockedUntil.getTime() - at((count - 1) * 100).getTime()) / 1000 : null).toBe(delay);
  });

  it('locks the name for the lock period at the limit', () => {
    const state = failTimes(6) as ThrottleState;
    expect(state.locked).toBe(true);
    expect(secondsBlocked(state, at(500))).toBe(900);
    expect(secondsBlocked(state, at(500 + 900))).toBe(0);
  });

  it('starts a fresh count once a lock has run out', () => {
    const state = afterFailure(failTimes(6), at(500 + 901), limits);
    expect(state).toMatchObject({ failedCount: 1, locked: false, blockedUntil: null });
  });

  it('forgets failures older than the window', () => {
    const state = afterFailure(failTimes(5), at(400 + 3601), limits);
    expect(state.failedCount).toBe(1);
  });

  it('does not block a name that never failed', () => {
    expect(secondsBlocked(null, t0)).toBe(0);
  });
});
