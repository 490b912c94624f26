import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JurisdictionProfile } from '@app/profiles';
import type { AuthUser } from '../auth-user';
import { CurrentUser } from '../decorators/auth.decorators';
import { PeopleQueryDto, PEOPLE_ROLES, PersonView } from '../dtos/directory.dto';
import { can, Capability } from '../policy/access.policy';
import { DirectoryRepository } from '../repositories/directory.repository';
import { JurisdictionProfileService } from '../services/jurisdiction-profile.service';

/** Reference data of the caller's jurisdiction: sessions, delegations, deputies, units, people by role, the profile. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Congress sessions, newest first' })
  sessions(@CurrentUser() user: AuthUser) {
    return this.directory.listSessions(user);
  }

  @Get('delegations')
  delegations(@CurrentUser() user: AuthUser) {
    return this.directory.listDelegations(user);
  }

  @Get('deputies')
  @ApiOperation({ summary: "Deputies, with whether each is still in office; phone numbers only for READ_DEPUTY_CONTACTS" })
  async deputies(@CurrentUser() user: AuthUser) {
    const deputies = await this.directory.listDeputies(user);
    const seesContacts = can(user, Capability.READ_DEPUTY_CONTACTS);
    return deputies.map((deputy) => (seesContacts ? deputy : { ...deputy, phone: null }));
  }

  @Get('units')
  units(@CurrentUser() user: AuthUser) {
    return this.directory.listUnits(user);
  }

  @Get('people')
  @ApiOperation({ summary: 'People forms choose by name (leaders, council and committee members, deputies), filtered by role; active accounts only' })
  async people(@CurrentUser() user: AuthUser, @Query() query: PeopleQueryDto): Promise<PersonView[]> {
    const users = await this.directory.listUsersWithRoles(user, query.role);
    const listed = (role: string) => (PEOPLE_ROLES as readonly string[]).includes(role);
    return users.map((person) => ({ id: person.id, name: person.displayName, roles: person.roles.filter(listed) as PersonView['roles'] }));
  }

  @Get('profile')
  @ApiOperation({ summary: "The jurisdiction's profile: deadlines, labels, classifications (read-only)" })
  profile(@CurrentUser() user: AuthUser): Promise<JurisdictionProfile> {
    return this.profiles.getProfile(user.jurisdictionId);
  }
}
