import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { Clock, loadConfig } from '@app/persistence';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import type { AuthSessionRepository } from '../repositories/auth-session.repository';
import type { DirectoryRepository } from '../repositories/directory.repository';
import type { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import type { AccountAuditService } from './account-audit.service';
import { AuthService } from './auth.service';
import type { PasswordHasher } from './password-hasher.service';
import { accessTokenJwtOptions, TokenService } from './token.service';

function serviceWith({ demoMode = false, directory = {}, sessions = {} }: { demoMode?: boolean; directory?: object; sessions?: object } = {}) {
  const config = loadConfig({ DEMO_MODE: String(demoMode) });
  const unused = new Proxy({}, { get: (_target, name) => { throw new Error(`unexpected call: ${String(name)}`); } });
  return new AuthService(
    unused as DataSource,
    directory as DirectoryRepository,
    sessions as AuthSessionRepository,
    unused as LoginThrottleRepository,
    new TokenService(new JwtService(accessTokenJwtOptions(config)), config),
    unused as PasswordHasher,
    unused as AccountAuditService,
    new Clock(),
    config,
  );
}

describe(AuthService.name, () => {
  describe('demoLogin', () => {
    it('is refused outside demo mode, before any lookup', async () => {
      const directory = { findJurisdictionByCode: jest.fn() };
      await expect(serviceWith({ directory }).demoLogin({ jurisdictionCode: 'x', username: 'office' })).rejects.toEqual(
        new AccountsException(AccountsExceptionCode.DEMO_LOGIN_FORBIDDEN, 'Demo login is only available in demo mode'),
      );
      expect(directory.findJurisdictionByCode).not.toHaveBeenCalled();
    });
  });

  describe('authenticate', () => {
    it('refuses a token signed with another secret, before any lookup', async () => {
      const sessions = { findLiveUser: jest.fn() };
      const forged = await new JwtService().signAsync({ sub: 'u', jur: 'j', sid: 's' }, { secret: 'another-secret-another-secret-1234567' });
      await expect(serviceWith({ sessions }).authenticate(forged)).rejects.toMatchObject({ code: AccountsExceptionCode.AUTH_UNAUTHORIZED });
      expect(sessions.findLiveUser).not.toHaveBeenCalled();
    });

    it('refuses a well-signed token whose session is no longer live', async () => {
      const sessions = { findLiveUser: jest.fn().mockResolvedValue(null) };
      const config = loadConfig({});
      const token = await new JwtService().signAsync({ sub: 'u', jur: 'j', sid: 's' }, { secret: config.JWT_SECRET });
      await expect(serviceWith({ sessions }).authenticate(token)).rejects.toMatchObject({ code: AccountsExceptionCode.AUTH_UNAUTHORIZED });
      expect(sessions.findLiveUser).toHaveBeenCalledWith({ jurisdictionId: 'j' }, expect.objectContaining({ sessionId: 's', userId: 'u' }));
    });

    it('refuses a token without a session claim (issued before sessions existed)', async () => {
      const sessions = { findLiveUser: jest.fn() };
      const token = await new JwtService().signAsync({ sub: 'u', jur: 'j' }, { secret: loadConfig({}).JWT_SECRET });
      await expect(serviceWith({ sessions }).authenticate(token)).rejects.toMatchObject({ code: AccountsExceptionCode.AUTH_UNAUTHORIZED });
      expect(sessions.findLiveUser).not.toHaveBeenCalled();
    });
  });
});
