import { Client } from 'pg';
import { SqlParams } from '../../src/common/sql/sql-params';
import { PolicyDocument } from '../../src/policy/policy.types';
import { addYears } from '../../src/rules/dates';
import { subtreeScope } from '../../src/rules/flags.sql';
import { STUCK } from '../../src/stuck-talent/stuck-talent.service';
import { stuckByUnitSql } from '../../src/stuck-talent/stuck-talent.sql';
import { list, text } from '../json';
import { matchRows, matchSql } from './flagged';
import { LIST_P95_MS, Scenario, ScenarioContext } from './scenario';

const QUERY = `
query Stuck($unitId: ID) {
  stuckTalent(unitId: $unitId) {
    unitId dates
    total { count countOneYearEarlier countTwoYearsEarlier }
    units { unitId own count countOneYearEarlier countTwoYearsEarlier unit { id code name } }
  }
}`;

/**
 * `stuckTalent` over the province as its department: per unit directly beneath it, the cadres past a posting limit
 * and ready for promotion on asOf, one and two years earlier. The raw SQL: for each date, with the policy in force
 * then, the cadres found (matchSql, matchRows: the limit spans, then the holders' readiness), then the
 * service's own per-unit count (stuckByUnitSql).
 */
export function stuckTalentScenario({ fixtures, tokens }: ScenarioContext): Scenario {
  const unit = fixtures.province;
  const token = tokens.orgDept(unit.id);
  const dates = [fixtures.asOf, addYears(fixtures.asOf, -1), addYears(fixtures.asOf, -2)];
  const scope = subtreeScope(unit.id, unit.unitIds, true);
  let policies: PolicyDocument[] | undefined;
  const policiesOn = async (client: Client): Promise<PolicyDocument[]> => {
    if (policies) return policies;
    const docs: PolicyDocument[] = [];
    for (const d of dates) {
      const { rows } = await client.query<{ document: PolicyDocument }>(
        `SELECT document FROM policy_version WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
        [d],
      );
      docs.push(rows[0]?.document ?? (fixtures.policyDocument as PolicyDocument));
    }
    policies = docs;
    return policies;
  };
  const counts = (x: unknown) =>
    `${text(x, 'count')} ${text(x, 'countOneYearEarlier')} ${text(x, 'countTwoYearsEarlier')}`;
  return {
    name: 'stuck-talent-province',
    label: '`stuckTalent` (past a limit and ready, now, −1 and −2 years) per unit, province',
    targets: { p95Ms: LIST_P95_MS },
    requests: [{ query: QUERY, variables: { unitId: unit.id }, token }],
    keys: (data) => [
      `total ${counts((data as { stuckTalent?: { total?: unknown } })?.stuckTalent?.total)}`,
      ...list(data, 'stuckTalent', 'units').map((u) => `${text(u, 'unitId')} ${text(u, 'own')} ${counts(u)}`),
    ],
    sql: {
      description:
        "per date: the limit spans (light), then the holders' pathway facts and readiness (READY_NOW); then the per-unit count of the service (stuckByUnitSql)",
      run: async (client) => {
        const docs = await policiesOn(client);
        const sets: string[][] = [];
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        try {
          for (const [k, d] of dates.entries()) {
            const rows = await matchRows(client, matchSql(d, docs[k], scope, STUCK));
            sets.push(rows.map((r) => r.cadre_id));
          }
        } finally {
          await client.query('COMMIT');
        }
        const p = new SqlParams();
        const { rows } = await client.query<{
          unit_id: string | null;
          own: boolean;
          n0: number;
          n1: number;
          n2: number;
        }>(stuckByUnitSql(p, unit.id, dates, sets), p.values);
        const total = rows.find((r) => r.unit_id === null);
        const n = (r?: { n0: number; n1: number; n2: number }) => `${r?.n0 ?? 0} ${r?.n1 ?? 0} ${r?.n2 ?? 0}`;
        return [
          `total ${n(total)}`,
          ...rows.filter((r) => r.unit_id !== null).map((r) => `${r.unit_id} ${r.own} ${n(r)}`),
        ];
      },
    },
  };
}
