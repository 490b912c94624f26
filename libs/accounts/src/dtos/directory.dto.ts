import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { Role } from '@app/workflows/common/actor';

/**
 * Roles whose holders forms pick by name: leaders who lead or supervise key suggestions, members of the council and
 * the standing committee who hear and vote, deputies invited to a vote. Staff and administrator accounts are not listed.
 */
export const PEOPLE_ROLES = [Role.GOV_LEADER, Role.SC_LEADER, Role.COUNCIL_MEMBER, Role.SC_MEMBER, Role.DEPUTY] as const;
export type PeopleRole = (typeof PEOPLE_ROLES)[number];

export class PeopleQueryDto {
  @ApiProperty({ enum: PEOPLE_ROLES, isArray: true, description: 'One or more roles, repeated (?role=A&role=B) or comma-separated; people holding any of them' })
  @Transform(({ value }) => (Array.isArray(value) ? value : String(value ?? '').split(',')).map((role: string) => role.trim()).filter(Boolean))
  @IsArray()
  @ArrayMinSize(1, { message: 'name at least one role' })
  @ArrayMaxSize(PEOPLE_ROLES.length)
  @IsIn(PEOPLE_ROLES, { each: true, message: `each role must be one of ${PEOPLE_ROLES.join(', ')}` })
  role: PeopleRole[];
}

export interface PersonView {
  /** The user account id that forms send (leadingLeaderId, memberIds, …). */
  id: string;
  name: string;
  /** Of the listed roles, those the person holds. */
  roles: PeopleRole[];
}
