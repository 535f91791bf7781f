import { RuleId } from '../../policy/policy.types';
import { SpanDependency } from '../rule';

/** A param of `rule` in the policy version `v` (jsonb text), for span SQL. */
export const versionParam = (rule: RuleId, name: string): string =>
  `(v.document #>> '{rules,${rule},params,${name}}')`;

/** The same as jsonb (objects and lists). */
export const versionParamJson = (rule: RuleId, name: string): string =>
  `(v.document #> '{rules,${rule},params,${name}}')`;

/**
 * The policy versions that define `rule`, for a rule's spanSql: `version`, `in_force` (from its effective date to
 * the next version's, whether or not that one defines the rule) and `columns`, expressions over the version `v`
 * (versionParam). A version lacking the rule yields no row, so the rule has no spans while it is in force.
 */
export const spanVersions = (rule: RuleId, columns: string): string => `
      SELECT v.version, v.in_force, ${columns}
        FROM (SELECT p.*, daterange(p.effective_from, lead(p.effective_from) OVER (ORDER BY p.effective_from))
                            AS in_force
                FROM policy_version p) v
       WHERE v.document -> 'rules' ? '${rule}'`;

/** A dependency on a table with a cadre_id column: the cadres of its changed rows. */
export const cadreRows = (table: string): SpanDependency => ({
  table,
  cadreIds: 'SELECT cadre_id FROM changed',
});

/** A span rule's overFrom: the date fact `key` of its spans' facts, `plusDays` later. */
export const factDate =
  (key: string, plusDays = 0) =>
  (facts: string): string =>
    `(${facts} ->> '${key}')::date${plusDays ? ` + ${plusDays}` : ''}`;
