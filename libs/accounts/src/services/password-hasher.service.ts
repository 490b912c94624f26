import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ARGON2_OPTIONS } from '../constants/auth-limits.constant';

/** argon2id behind an adapter, so a test can swap the class without touching the auth flow. */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...ARGON2_OPTIONS });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash must refuse the sign-in, not crash it.
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown name cannot be told from a wrong password by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('jianyi-no-such-user-placeholder');
    await this.verify(await this.dummy, password);
    return false;
  }
}
