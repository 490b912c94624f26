import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtModuleOptions, JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { REFRESH_TOKEN_TTL_SECONDS } from '../constants/auth-limits.constant';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';

export interface AccessTokenClaims {
  sub: string;
  jur: string;
  /** The session; the guard checks it is still live on every request. */
  sid: string;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: AuthUser;
}

/**
 * The JwtModule's options: the secret as a key object made once. Given the secret as a string, jsonwebtoken first
 * tries (and fails) to read it as a public key, then derives a secret key, on every check: most of a request's time.
 */
export function accessTokenJwtOptions(config: Pick<AppConfig, 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS'>): JwtModuleOptions {
  return {
    secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
    signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
    verifyOptions: { algorithms: ['HS256'] },
  };
}

/** Signs and checks access tokens; makes refresh tokens and the hashes stored in their place. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: AuthUser, sessionId: string, refreshToken: string): Promise<IssuedToken> {
    const claims: AccessTokenClaims = { sub: user.userId, jur: user.jurisdictionId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS, user: { ...user, sessionId },
    };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token);
      if (typeof claims.sub !== 'string' || typeof claims.jur !== 'string' || typeof claims.sid !== 'string') throw new Error('claims');
      return claims;
    } catch {
      throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Invalid or expired token');
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}

/** Refresh tokens are random, so a fast hash suffices: a leaked table cannot be replayed. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
