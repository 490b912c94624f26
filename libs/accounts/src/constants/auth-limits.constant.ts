/** How long a refresh token (and so a session) lives without use; each refresh starts the period again. */
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

/** A session ends after this long whatever the refreshes, so a stolen refresh token cannot live for ever. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Failed sign-ins for one (jurisdiction, username): the first few are free; then every attempt must wait a doubling
 * delay; at LOCK_AFTER_FAILURES the name is locked for LOCK_SECONDS. Failures older than FAILURE_WINDOW_SECONDS
 * are forgotten.
 */
export const LOGIN_THROTTLE = Object.freeze({
  FREE_FAILURES: 3,
  BASE_DELAY_SECONDS: 2,
  LOCK_AFTER_FAILURES: 8,
  LOCK_SECONDS: 15 * 60,
  FAILURE_WINDOW_SECONDS: 60 * 60,
});

/** argon2id parameters: OWASP's minimum (19 MiB, 2 passes), about 30 ms here. */
export const ARGON2_OPTIONS = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
