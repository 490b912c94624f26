import { Role } from '@app/workflows/common/actor';
import type { EntitledVoter } from '@app/workflows/vote-session';
import type { DirectoryRepository, TenantScope } from '@app/accounts';
import { invalidInput } from '@app/persistence';

/**
 * The voters a satisfaction vote opens with: members present must be standing-committee members, invited deputies
 * must be deputies, and nobody both; a 400 naming them otherwise. Shared by every vote that runs the vote-session machine.
 */
export async function resolveEntitledVoters(
  directory: DirectoryRepository,
  scope: TenantScope,
  dto: { memberIds: string[]; deputyUserIds: string[] },
): Promise<EntitledVoter[]> {
  const users = await directory.findLeaderUsers(scope, [...dto.memberIds, ...dto.deputyUserIds]);
  const withRole = (ids: string[], role: Role) => ids.filter((uid) => !users.some((u) => u.id === uid && u.roles.includes(role)));
  const notMembers = withRole(dto.memberIds, Role.SC_MEMBER);
  if (notMembers.length > 0) throw invalidInput([{ field: 'memberIds', reason: `not standing-committee members: ${notMembers.join(', ')}` }]);
  const notDeputies = withRole(dto.deputyUserIds, Role.DEPUTY);
  if (notDeputies.length > 0) throw invalidInput([{ field: 'deputyUserIds', reason: `not deputies: ${notDeputies.join(', ')}` }]);
  const both = dto.deputyUserIds.filter((uid) => dto.memberIds.includes(uid));
  if (both.length > 0) throw invalidInput([{ field: 'deputyUserIds', reason: `already listed as members: ${both.join(', ')}` }]);
  return [...dto.memberIds.map((userId) => ({ userId, kind: 'MEMBER' as const })), ...dto.deputyUserIds.map((userId) => ({ userId, kind: 'DEPUTY' as const }))];
}
