import { Brackets, SelectQueryBuilder } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import type { AuthUser } from '@app/accounts';

/**
 * Who may see which suggestions, as one SQL condition used by single reads and lists alike:
 * the office sees its whole jurisdiction; a deputy what they lead or co-sign; a unit what is assigned to it;
 * a leader the key items they lead or supervise; council and committee members the key items.
 * Anything else is invisible, and a read of it answers 404.
 */
export function applyReadPolicy<T extends object>(query: SelectQueryBuilder<T>, user: AuthUser): SelectQueryBuilder<T> {
  query.andWhere('s.jurisdiction_id = :policyJurisdictionId', { policyJurisdictionId: user.jurisdictionId });
  if (hasRole(user, Role.OFFICE, Role.ADMIN, Role.GOV_OFFICE)) return query;
  return query.andWhere(
    new Brackets((visible) => {
      visible.where('false');
      if (user.deputyId) {
        visible.orWhere(
          'EXISTS (SELECT 1 FROM suggestion_proposers pp WHERE pp.suggestion_id = s.id AND pp.deputy_id = :policyDeputyId)',
          { policyDeputyId: user.deputyId },
        );
      }
      if (user.unitId && hasRole(user, Role.UNIT_STAFF, Role.UNIT_HEAD)) {
        visible.orWhere('EXISTS (SELECT 1 FROM assignments pa WHERE pa.suggestion_id = s.id AND pa.unit_id = :policyUnitId)', {
          policyUnitId: user.unitId,
        });
      }
      if (hasRole(user, Role.GOV_LEADER, Role.SC_LEADER)) {
        visible.orWhere(
          `(s.is_key AND EXISTS (SELECT 1 FROM workflow_instances wi WHERE wi.id = s.id
              AND (wi.snapshot #>> '{context,key,leadingLeaderId}' = :policyUserId
                   OR wi.snapshot #>> '{context,key,supervisingLeaderId}' = :policyUserId)))`,
          { policyUserId: user.userId },
        );
      }
      if (hasRole(user, Role.COUNCIL_MEMBER, Role.SC_MEMBER)) visible.orWhere('s.is_key');
    }),
  );
}
