import { LOGIN_THROTTLE } from '../constants/auth-limits.constant';

export interface ThrottleState {
  failedCount: number;
  lastFailedAt: Date | null;
  blockedUntil: Date | null;
  locked: boolean;
}

export interface ThrottleLimits {
  FREE_FAILURES: number;
  BASE_DELAY_SECONDS: number;
  LOCK_AFTER_FAILURES: number;
  LOCK_SECONDS: number;
  FAILURE_WINDOW_SECONDS: number;
}

/** Seconds the caller must still wait before an attempt is even checked, or 0. */
export function secondsBlocked(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil || state.blockedUntil <= now) return 0;
  return Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
}

/** The state after one more failed attempt at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date, limits: ThrottleLimits = LOGIN_THROTTLE): ThrottleState {
  const stale = !state?.lastFailedAt || now.getTime() - state.lastFailedAt.getTime() > limits.FAILURE_WINDOW_SECONDS * 1000;
  // A lock that has run out starts a fresh count: the lock was the penalty.
  const lockOver = state?.locked === true && secondsBlocked(state, now) === 0;
  const failedCount = (stale || lockOver ? 0 : (state?.failedCount ?? 0)) + 1;
  if (failedCount >= limits.LOCK_AFTER_FAILURES) {
    return { failedCount, lastFailedAt: now, blockedUntil: plusSeconds(now, limits.LOCK_SECONDS), locked: true };
  }
  const excess = failedCount - limits.FREE_FAILURES;
  const blockedUntil = excess > 0 ? plusSeconds(now, limits.BASE_DELAY_SECONDS * 2 ** (excess - 1)) : null;
  return { failedCount, lastFailedAt: now, blockedUntil, locked: false };
}

function plusSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}
