import type { Actor } from '@app/workflows/common/actor';

/** The signed-in user as every handler sees it: an actor for the workflows plus the tenant it belongs to. */
export interface AuthUser extends Actor {
  jurisdictionId: string;
  displayName: string;
  /** The session the access token belongs to; absent for users built in-process (jobs, test fixtures). */
  sessionId?: string;
  /** After an administrator's reset, nothing but changing the password (and signing out) is allowed. */
  mustChangePassword?: boolean;
}
