import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { UserEntity } from '../entities/user.entity';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { DirectoryRepository } from '../repositories/directory.repository';

interface AccessTokenClaims {
  sub: string;
  jur: string;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthUser;
}

/** Signed access tokens. The demo login exists only in demo mode; real password login arrives with accounts. */
@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly directory: DirectoryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async demoLogin({ jurisdictionCode, username }: { jurisdictionCode: string; username: string }): Promise<IssuedToken> {
    if (!this.config.DEMO_MODE) {
      throw new AccountsException(AccountsExceptionCode.DEMO_LOGIN_FORBIDDEN, 'Demo login is only available in demo mode');
    }
    const jurisdiction = await this.directory.findJurisdictionByCode(jurisdictionCode);
    const user = jurisdiction && (await this.directory.findUserByUsername({ jurisdictionId: jurisdiction.id }, username));
    if (!user) throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Unknown jurisdiction or user');
    return this.issue(user);
  }

  async issue(user: UserEntity): Promise<IssuedToken> {
    const claims: AccessTokenClaims = { sub: user.id, jur: user.jurisdictionId };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.JWT_SECRET,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, user: toAuthUser(user) };
  }

  /** Verifies a bearer token and reloads the user, so a deactivated user or changed role takes effect at once. */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: this.config.JWT_SECRET, algorithms: ['HS256'] });
    } catch {
      throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Invalid or expired token');
    }
    const user = await this.directory.findUser({ jurisdictionId: claims.jur }, claims.sub);
    if (!user) throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'User no longer active');
    return toAuthUser(user);
  }
}

export function toAuthUser(user: UserEntity): AuthUser {
  return {
    userId: user.id,
    jurisdictionId: user.jurisdictionId,
    displayName: user.displayName,
    roles: user.roles,
    deputyId: user.deputyId,
    unitId: user.unitId,
  };
}
