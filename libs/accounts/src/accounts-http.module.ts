import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts.module';
import { AuthController } from './controllers/auth.controller';
import { DirectoryController } from './controllers/directory.controller';
import { RosterController } from './controllers/roster.controller';
import { UserAdminController } from './controllers/user-admin.controller';

/** The accounts module's HTTP surface, imported by the api only (the worker has no controllers). */
@Module({ imports: [AccountsModule], controllers: [AuthController, DirectoryController, UserAdminController, RosterController] })
export class AccountsHttpModule {}
