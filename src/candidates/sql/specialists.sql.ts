import { FlagCode } from '../../rules/codes';
import { PolicyDocument } from '../../policy/policy.types';
import { EVIDENCE_FACTORS, EvidenceFactor, RECOGNITION_POINTS, weightOf } from '../ranking-factors';
import { ListSpec } from './ranking-query';
import { scopeSql } from '../../rules/sql/scope.sql';
import { SqlParams } from '../../common/sql/sql-params';
import { stepRows } from '../../rules/steps';

export interface SpecialistsSqlInput {
  asOf: string;
  policy: PolicyDocument;
  /** `$n::text`, the same placeholder the flag SQL limits SPECIALIST_STRENGTH with. */
  domain: string;
  /** The path of the jurisdiction's root unit; none: everyone. */
  rootPath?: string;
}

/**
 * Specialists in a domain: cadres with SPECIALIST_STRENGTH there (the flag SQL), ranked by the evidence factors
 * of ranking-factors.ts. Only cadres holding a SPECIALIST span in the domain on asOf are evaluated at all.
 */
export function specialistList(i: SpecialistsSqlInput, p: SqlParams): ListSpec {
  const { asOf, policy, domain } = i;
  const sp = policy.rules.SPECIALIST.params;
  const weights = (Object.keys(EVIDENCE_FACTORS) as EvidenceFactor[]).map((factor) => ({
    factor,
    weight: weightOf(policy.rankingWeights, factor, EVIDENCE_FACTORS[factor]),
  }));
  const [wr, wi, wc, wn] = weights.map((x) => p.add(x.weight, 'numeric'));
  const windowYears = p.add(sp.windowYears, 'numeric');
  const verified = `a.verification_status = 'VERIFIED' AND a.domain = ${domain} AND a.achieved_on <= ${asOf}`;
  const values = `
      SELECT c.cadre_id, c.unit_id, c.level, fl.facts, la.latest,
             round((${p.add(JSON.stringify(RECOGNITION_POINTS), 'jsonb')} ->> (fl.facts ->> 'highestRecognition'))::numeric, 4)
               AS v_recognition,
             round(least(1, greatest(0, coalesce((fl.facts ->> 'bestImprovementPercent')::numeric, 0)) / 100), 4) AS v_impact,
             round(greatest(0, 1 - (${asOf} - la.latest) / 365.25 / ${windowYears}), 4) AS v_recency,
             round(least(1, (fl.facts ->> 'recentCount')::numeric / (2 * ${p.add(sp.minCount, 'numeric')})), 4) AS v_count
        FROM candidates c
        JOIN flags fl ON fl.cadre_id = c.cadre_id
        CROSS JOIN LATERAL (SELECT max(a.achieved_on) AS latest FROM achievement a
                             WHERE a.cadre_id = c.cadre_id AND ${verified}) la`;
  return {
    weights,
    scope: scopeSql(
      p,
      { rootPath: i.rootPath },
      {
        asOf,
        posting: 'regular',
        active: true,
        // Who has SPECIALIST_STRENGTH in the domain on asOf, from the spans the flag reads (a few hundred cadres
        // in a province), not everyone with a verified achievement there: readiness is worked out for each.
        where: `EXISTS (SELECT 1 FROM rule_span sp WHERE sp.cadre_id = p.cadre_id AND sp.rule_id = 'SPECIALIST'
                          AND sp.domain = ${domain} AND sp.valid @> ${asOf})`,
      },
    ),
    flagCodes: [FlagCode.SPECIALIST_STRENGTH],
    readinessFor: 'all',
    steps: stepRows(policy),
    // details.reasons: the flag's reason as data (src/i18n/reasons.ts), code <ruleId>.<flag code> over its facts.
    scored: `
      SELECT v.cadre_id, v.unit_id, v.level,
             round(${wr} * v.v_recognition + ${wi} * v.v_impact + ${wc} * v.v_recency + ${wn} * v.v_count, 4) AS score,
             jsonb_build_object('evidenceRecognition', v.v_recognition, 'evidenceImpact', v.v_impact,
                                'evidenceRecency', v.v_recency, 'evidenceCount', v.v_count) AS factor_values,
             v.facts || jsonb_build_object('latest', v.latest,
               'reasons', jsonb_build_array(jsonb_build_object('code', 'SPECIALIST.SPECIALIST_STRENGTH', 'params', v.facts)))
               AS details,
             ARRAY[]::text[] AS needs
        FROM (${values}) v`,
    filter: 'true',
  };
}
