import { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params';
import { AvoidanceBreachCode, avoidanceBreachesSql, avoidanceVersions } from '../rules/avoidance.rule';

/** A posting that is proposed, not recorded: who, where, which post and level, from when. */
export interface ProposedPosting {
  cadreId: string;
  unitId: string;
  title: string;
  level: string;
  asOf: string;
}

export interface AvoidanceBreach {
  code: AvoidanceBreachCode;
  /** The facts of the breach (relative, relation, unit, area …): codes and values. */
  params: Record<string, unknown>;
}

export interface AvoidanceResult {
  /** The policy version in force on asOf that defines AVOIDANCE; null when none does (nothing is checked). */
  policyVersion: number | null;
  breaches: AvoidanceBreach[];
}

/**
 * checkAvoidance: the breaches of the avoidance rules (AVOIDANCE) if `proposed` were recorded, against the
 * postings on its date, under the policy version in force then. The same SQL as the AVOIDANCE_CONFLICT spans
 * (avoidanceBreachesSql), over one proposed posting: for slates and appointments as well as avoidanceCheck.
 */
export async function checkAvoidance(em: EntityManager, proposed: ProposedPosting): Promise<AvoidanceResult> {
  const p = new SqlParams();
  const asOf = p.add(proposed.asOf, 'date');
  const posting = `(SELECT NULL::uuid AS posting_id, ${p.add(proposed.cadreId, 'uuid')} AS cadre_id,
      ${p.add(proposed.unitId, 'uuid')} AS unit_id, ${p.add(proposed.title, 'text')} AS title,
      ${p.add(proposed.level, 'text')} AS level, daterange(${asOf}, ${asOf}, '[]') AS period)`;
  const versions = `(SELECT * FROM ${avoidanceVersions} av WHERE av.in_force @> ${asOf})`;
  const sql = `
    SELECT (SELECT max(v.version) FROM ${versions} v)::int AS version,
           coalesce((SELECT jsonb_agg(jsonb_build_object('code', b.code, 'params', b.facts - 'postingId' - 'since')
                                      ORDER BY b.code, b.facts ->> 'relativeCadreId')
                       FROM (${avoidanceBreachesSql(posting, versions)}) b), '[]'::jsonb) AS breaches`;
  const [row]: { version: number | null; breaches: AvoidanceBreach[] }[] = await em.query(sql, p.values);
  return { policyVersion: row.version, breaches: row.breaches };
}
