import { Brackets, SelectQueryBuilder } from 'typeorm';
import { DISCLOSED_STATE, ReadGrant, ReadGrantKind, suggestionReadGrants, type AuthUser } from '@app/accounts';

type GrantCondition = { sql: string; params?: Record<string, unknown> };
type GrantSql = { [K in ReadGrantKind]: (grant: Extract<ReadGrant, { kind: K }>) => GrantCondition };

/** The SQL form of each read grant of the access policy (libs/accounts/src/policy/access.policy.ts); no rule is decided here. */
const GRANT_SQL: GrantSql = {
  [ReadGrantKind.JURISDICTION]: () => ({ sql: 'true' }),
  [ReadGrantKind.PROPOSER]: (grant) => ({
    sql: 'EXISTS (SELECT 1 FROM suggestion_proposers pp WHERE pp.suggestion_id = s.id AND pp.deputy_id = :policyDeputyId)',
    params: { policyDeputyId: grant.deputyId },
  }),
  [ReadGrantKind.ASSIGNED_UNIT]: (grant) => ({
    sql: 'EXISTS (SELECT 1 FROM assignments pa WHERE pa.suggestion_id = s.id AND pa.unit_id = :policyUnitId)',
    params: { policyUnitId: grant.unitId },
  }),
  [ReadGrantKind.KEY_LEADER]: (grant) => ({
    sql: `(s.is_key AND EXISTS (SELECT 1 FROM workflow_instances wi WHERE wi.id = s.id
            AND (wi.snapshot #>> '{context,key,leadingLeaderId}' = :policyUserId
                 OR wi.snapshot #>> '{context,key,supervisingLeaderId}' = :policyUserId)))`,
    params: { policyUserId: grant.userId },
  }),
  [ReadGrantKind.KEY_ITEMS]: () => ({ sql: 's.is_key' }),
  [ReadGrantKind.DISCLOSED]: () => ({ sql: 's.disclosure_state = :policyDisclosedState', params: { policyDisclosedState: DISCLOSED_STATE } }),
};

const conditionOf = (grant: ReadGrant): GrantCondition => (GRANT_SQL[grant.kind] as (g: ReadGrant) => GrantCondition)(grant);

/**
 * Restricts a query over suggestions (alias `s`) to what the user may see: their jurisdiction, then the union of
 * the policy's grants. Single reads and lists both go through here, so a list never shows what a read would refuse.
 */
export function applyReadPolicy<T extends object>(query: SelectQueryBuilder<T>, user: AuthUser): SelectQueryBuilder<T> {
  query.andWhere('s.jurisdiction_id = :policyJurisdictionId', { policyJurisdictionId: user.jurisdictionId });
  const grants = suggestionReadGrants(user);
  if (grants.some((grant) => grant.kind === ReadGrantKind.JURISDICTION)) return query;
  return query.andWhere(
    new Brackets((visible) => {
      visible.where('false');
      for (const grant of grants) {
        const { sql, params } = conditionOf(grant);
        visible.orWhere(sql, params);
      }
    }),
  );
}

/**
 * The same restriction as a plain SQL condition on `s`, its values appended to `params` as positional parameters:
 * for the check before every event, where building a query cost more than running it.
 */
export function readPolicySql(user: AuthUser, params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const tenant = `s.jurisdiction_id = ${bind(user.jurisdictionId)}`;
  const grants = suggestionReadGrants(user);
  if (grants.some((grant) => grant.kind === ReadGrantKind.JURISDICTION)) return tenant;
  const visible = grants.map((grant) => {
    const { sql, params: named = {} } = conditionOf(grant);
    return `(${sql.replace(/(?<!:):(\w+)/g, (whole, name: string) => (name in named ? bind(named[name]) : whole))})`;
  });
  return `${tenant} AND (${visible.length > 0 ? visible.join(' OR ') : 'false'})`;
}
