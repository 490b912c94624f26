import { hasRole, Role } from '@app/workflows/common/actor';
import type { AuthUser } from '@app/accounts';
import { REVIEW_READER_ROLES } from '../constants/review-opinions.constant';

/** Null: the user reads every list of the jurisdiction. A unit id: only lists that unit has an item on or reports for. */
export function readableUnitScope(user: AuthUser): { all: true } | { unitId: string } | null {
  if (hasRole(user, ...(REVIEW_READER_ROLES as readonly Role[]))) return { all: true };
  if (user.unitId && hasRole(user, Role.UNIT_STAFF, Role.UNIT_HEAD)) return { unitId: user.unitId };
  return null;
}

/** Whether a unit user may see a list: it has an item on it or submits the written report. */
export function unitSeesList(unitId: string, list: { reportingUnitId: string }, itemUnitIds: string[]): boolean {
  return list.reportingUnitId === unitId || itemUnitIds.includes(unitId);
}
