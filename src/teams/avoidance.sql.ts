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

/** Proposed postings of many cadres to one post on one date: a slate's candidates. */
export interface ProposedPostings extends Omit<ProposedPosting, 'cadreId'> {
  cadreIds: readonly string[];
}

export interface AvoidanceResults {
  /** As AvoidanceResult.policyVersion. */
  policyVersion: number | null;
  /** The breaches by cadre id; a cadre without any is not in the map. */
  breaches: Map<string, AvoidanceBreach[]>;
}

/**
 * checkAvoidanceMany: the breaches of the avoidance rules (AVOIDANCE) if each cadre of `proposed` took the post,
 * against the postings on its date, under the policy version in force then: one statement for any number of
 * cadres. The same SQL as the AVOIDANCE_CONFLICT spans (avoidanceBreachesSql), over proposed postings.
 */
export async function checkAvoidanceMany(
  em: EntityManager,
  proposed: ProposedPostings,
): Promise<AvoidanceResults> {
  const p = new SqlParams();
  const asOf = p.add(proposed.asOf, 'date');
  const postings = `(SELECT NULL::uuid AS posting_id, c.id AS cadre_id,
      ${p.add(proposed.unitId, 'uuid')} AS unit_id, ${p.add(proposed.title, 'text')} AS title,
      ${p.add(proposed.level, 'text')} AS level, daterange(${asOf}, ${asOf}, '[]') AS period
      FROM unnest(${p.add(proposed.cadreIds, 'uuid[]')}) AS c(id))`;
  const versions = `(SELECT * FROM ${avoidanceVersions} av WHERE av.in_force @> ${asOf})`;
  const sql = `
    SELECT (SELECT max(v.version) FROM ${versions} v)::int AS version,
           coalesce((SELECT jsonb_object_agg(g.cadre_id, g.breaches) FROM (
             SELECT b.cadre_id, jsonb_agg(jsonb_build_object('code', b.code, 'params', b.facts - 'postingId' - 'since')
                                          ORDER BY b.code, b.facts ->> 'relativeCadreId') AS breaches
               FROM (${avoidanceBreachesSql(postings, versions)}) b GROUP BY b.cadre_id) g), '{}'::jsonb) AS breaches`;
  const [row]: { version: number | null; breaches: Record<string, AvoidanceBreach[]> }[] = await em.query(
    sql,
    p.values,
  );
  return { policyVersion: row.version, breaches: new Map(Object.entries(row.breaches)) };
}

/** checkAvoidanceMany for one proposed posting: for recorded appointments as well as avoidanceCheck. */
export async function checkAvoidance(em: EntityManager, proposed: ProposedPosting): Promise<AvoidanceResult> {
  const { cadreId, ...post } = proposed;
  const result = await checkAvoidanceMany(em, { ...post, cadreIds: [cadreId] });
  return { policyVersion: result.policyVersion, breaches: result.breaches.get(cadreId) ?? [] };
}
