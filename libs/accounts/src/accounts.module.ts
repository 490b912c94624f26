import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/persistence';
import { AuditChainHeadEntity } from './entities/audit-chain-head.entity';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { CongressSessionEntity } from './entities/congress-session.entity';
import { DelegationEntity } from './entities/delegation.entity';
import { DeputyEntity } from './entities/deputy.entity';
import { HandlingUnitEntity } from './entities/handling-unit.entity';
import { JurisdictionEntity } from './entities/jurisdiction.entity';
import { LoginThrottleEntity } from './entities/login-throttle.entity';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { AccountAuditRepository } from './repositories/account-audit.repository';
import { AuthSessionRepository } from './repositories/auth-session.repository';
import { DirectoryRepository } from './repositories/directory.repository';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { RosterRepository } from './repositories/roster.repository';
import { UserRepository } from './repositories/user.repository';
import { AccountAuditService } from './services/account-audit.service';
import { AuthService } from './services/auth.service';
import { DeputyAdminService } from './services/deputy-admin.service';
import { JurisdictionProfileService } from './services/jurisdiction-profile.service';
import { AsOfService } from './services/jurisdiction-calendar.service';
import { PasswordHasher } from './services/password-hasher.service';
import { PasswordService } from './services/password.service';
import { RosterService } from './services/roster.service';
import { accessTokenJwtOptions, TokenService } from './services/token.service';
import { UserAdminService } from './services/user-admin.service';

const ENTITIES = [
  JurisdictionEntity, CongressSessionEntity, DelegationEntity, DeputyEntity, HandlingUnitEntity, UserEntity,
  AuthSessionEntity, LoginThrottleEntity, AuditChainHeadEntity,
];

const PROVIDERS = [
  DirectoryRepository, UserRepository, AuthSessionRepository, LoginThrottleRepository, AccountAuditRepository, RosterRepository,
  AuthService, TokenService, PasswordHasher, PasswordService, AccountAuditService, UserAdminService, DeputyAdminService,
  RosterService, AuthGuard, JurisdictionProfileService, AsOfService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(ENTITIES),
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => accessTokenJwtOptions(config) }),
  ],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class AccountsModule {}
