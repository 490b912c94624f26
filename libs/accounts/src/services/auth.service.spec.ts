import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@app/persistence';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { DirectoryRepository } from '../repositories/directory.repository';
import { AuthService } from './auth.service';

describe(AuthService.name, () => {
  describe('demoLogin', () => {
    it('is refused outside demo mode, before any lookup', async () => {
      const directory = { findJurisdictionByCode: jest.fn() } as unknown as DirectoryRepository;
      const service = new AuthService(new JwtService(), directory, loadConfig({ DEMO_MODE: 'false' }));
      await expect(service.demoLogin({ jurisdictionCode: 'x', username: 'office' })).rejects.toEqual(
        new AccountsException(AccountsExceptionCode.DEMO_LOGIN_FORBIDDEN, 'Demo login is only available in demo mode'),
      );
      expect(directory.findJurisdictionByCode).not.toHaveBeenCalled();
    });
  });

  describe('authenticate', () => {
    it('refuses a token signed with another secret', async () => {
      const config = loadConfig({});
      const forged = await new JwtService().signAsync({ sub: 'u', jur: 'j' }, { secret: 'another-secret-another-secret-1234567' });
      const service = new AuthService(new JwtService(), {} as DirectoryRepository, config);
      await expect(service.authenticate(forged)).rejects.toMatchObject({ code: AccountsExceptionCode.AUTH_UNAUTHORIZED });
    });
  });
});
