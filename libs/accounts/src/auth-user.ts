import type { Actor } from '@app/workflows/common/actor';

/** The signed-in user as every handler sees it: an actor for the workflows plus the tenant it belongs to. */
export interface AuthUser extends Actor {
  jurisdictionId: string;
  displayName: string;
}
