import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CongressSessionEntity } from './entities/congress-session.entity';
import { DelegationEntity } from './entities/delegation.entity';
import { DeputyEntity } from './entities/deputy.entity';
import { HandlingUnitEntity } from './entities/handling-unit.entity';
import { JurisdictionEntity } from './entities/jurisdiction.entity';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { DirectoryRepository } from './repositories/directory.repository';
import { AuthService } from './services/auth.service';
import { JurisdictionProfileService } from './services/jurisdiction-profile.service';

const ENTITIES = [JurisdictionEntity, CongressSessionEntity, DelegationEntity, DeputyEntity, HandlingUnitEntity, UserEntity];

@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES), JwtModule.register({})],
  providers: [DirectoryRepository, AuthService, AuthGuard, JurisdictionProfileService],
  exports: [DirectoryRepository, AuthService, AuthGuard, JurisdictionProfileService],
})
export class AccountsModule {}
