import { Client } from 'pg';
import { RuleId } from '../../policy/policy.types';
import { RULES } from '../registry';
import { FlagRule } from '../rule';

/**
 * For span specs: recompute one rule's spans of one cadre by its spanSql, as the installer runs it (one statement
 * in a plpgsql function over `ids`).
 */
export async function recomputeSpans(c: Client, rule: RuleId, cadreId: string): Promise<void> {
  const r = RULES[rule] as FlagRule;
  await c.query(`CREATE OR REPLACE FUNCTION pg_temp.spans(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
                 BEGIN ${r.spanSql}; END $$`);
  await c.query(`DELETE FROM rule_span WHERE rule_id = $1 AND cadre_id = $2`, [rule, cadreId]);
  await c.query(`SELECT pg_temp.spans(ARRAY[$1::uuid])`, [cadreId]);
}
