import { PolicyDocument } from '../../src/policy/policy.types';
import { buildFlagsQuery } from '../../src/rules/flags.sql';
import { PATHWAY_FACTS_COLUMNS, pathwayFactsCtes } from '../../src/rules/facts/pathway-facts.sql';
import { list, text } from '../json';
import { pick, Scenario, ScenarioContext } from './scenario';

const QUERY = `
query Me {
  me {
    id externalId name gender birthDate ethnicity nativePlace partyJoinDate workStartDate
    educationLevel educationMajor educationInService professionalTitle status
    postings { id title level kind startDate endDate unit { id code name level } }
    trainings { id title provider kind startDate endDate classHours completed }
    achievements {
      id title description achievedOn domain recognitionLevel verificationStatus
      impacts { indicator baseline result unit betterWhen improvementPercent }
    }
    appraisals { id year grade note }
    flags { code severity message ruleId source facts overBy }
    pathway {
      currentLevel ladder nextLevel eligible estimatedEligibleDate policyVersion
      requirements { code met current required remaining unit source dateMet }
    }
  }
}`;

/** The full record in one statement: the cadre with each list as a json_agg. */
const RECORD_SQL = `
SELECT c.*,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', p.id, 'title', p.title, 'level', p.level, 'kind', p.kind, 'startDate', p.start_date,
                 'endDate', p.end_date,
                 'unit', json_build_object('id', u.id, 'code', u.code, 'name', u.name, 'level', u.level))
               ORDER BY p.start_date, p.id), '[]')
          FROM posting p JOIN unit u ON u.id = p.unit_id WHERE p.cadre_id = c.id) AS postings,
       (SELECT coalesce(json_agg(t ORDER BY t.start_date, t.id), '[]') FROM training t WHERE t.cadre_id = c.id)
         AS trainings,
       (SELECT coalesce(json_agg(json_build_object('achievement', a, 'impacts',
                 (SELECT coalesce(json_agg(i ORDER BY i.position), '[]') FROM achievement_impact i
                   WHERE i.achievement_id = a.id)) ORDER BY a.achieved_on, a.id), '[]')
          FROM achievement a WHERE a.cadre_id = c.id) AS achievements,
       (SELECT coalesce(json_agg(ap ORDER BY ap.year), '[]') FROM appraisal ap WHERE ap.cadre_id = c.id)
         AS appraisals
  FROM cadre c WHERE c.id = $1`;

/** The facts the pathway rules read, for one cadre (the statement the service builds). */
const FACTS_SQL = `
WITH target AS (SELECT c.id AS cadre_id FROM cadre c WHERE c.id = ANY($3::uuid[])),
${pathwayFactsCtes({ asOf: '$1::date', levelOrder: '$2::text[]' })}
SELECT ${PATHWAY_FACTS_COLUMNS} FROM pathway_facts f`;

interface RecordRow {
  id: string;
  postings: { id: string }[];
  trainings: { id: string }[];
  achievements: { achievement: { id: string } }[];
  appraisals: { id: string }[];
}

const sorted = (xs: string[]): string => [...xs].sort().join(',');

/** `me` as a CADRE: every field of the record, every list, flags and pathway; cycling over cadres. */
export function meScenario({ fixtures, tokens }: ScenarioContext): Scenario {
  const flagSql = (cadreId: string) => {
    const { withSql, params } = buildFlagsQuery({
      asOf: fixtures.asOf,
      policy: fixtures.policyDocument as PolicyDocument,
      scope: { cadreIds: [cadreId] },
      fromSpans: true,
    });
    return { sql: `${withSql} SELECT * FROM flags`, values: params.values };
  };
  return {
    name: 'me',
    label: '`me` (CADRE): full record, flags, pathway',
    targets: { p95Ms: 25 },
    requests: fixtures.cadreIds.map((id) => ({ query: QUERY, token: tokens.cadre(id) })),
    keys: (data) => [
      text(data, 'me', 'id'),
      `postings ${sorted(list(data, 'me', 'postings').map((p) => text(p, 'id')))}`,
      `trainings ${sorted(list(data, 'me', 'trainings').map((t) => text(t, 'id')))}`,
      `achievements ${sorted(list(data, 'me', 'achievements').map((a) => text(a, 'id')))}`,
      `appraisals ${sorted(list(data, 'me', 'appraisals').map((a) => text(a, 'id')))}`,
      `flags ${sorted(
        list(data, 'me', 'flags')
          .filter((f) => text(f, 'code') !== 'PROMOTION_ELIGIBLE')
          .map((f) => `${text(f, 'ruleId')}/${text(f, 'code')}`),
      )}`,
      `level ${text(data, 'me', 'pathway', 'currentLevel')}`,
    ],
    sql: {
      description:
        'three prepared statements with generic plans, as the service runs the last two: the record with its lists as json_agg, the flag rules (src/flags/sql) and the pathway facts (src/pathway)',
      prepare: 'SET jit = off; SET plan_cache_mode = force_generic_plan',
      run: async (client, i) => {
        const id = pick(fixtures.cadreIds, i);
        const { rows } = await client.query<RecordRow>({ name: 'me-record', text: RECORD_SQL, values: [id] });
        const flags = flagSql(id);
        const { rows: flagRows } = await client.query<{ rule_id: string; code: string }>({
          name: 'me-flags',
          text: flags.sql,
          values: flags.values,
        });
        const { rows: facts } = await client.query<{ currentLevel: string | null }>({
          name: 'me-facts',
          text: FACTS_SQL,
          values: [fixtures.asOf, fixtures.levelOrder, [id]],
        });
        const r = rows[0];
        return [
          r.id,
          `postings ${sorted(r.postings.map((p) => p.id))}`,
          `trainings ${sorted(r.trainings.map((t) => t.id))}`,
          `achievements ${sorted(r.achievements.map((a) => a.achievement.id))}`,
          `appraisals ${sorted(r.appraisals.map((a) => a.id))}`,
          `flags ${sorted(flagRows.map((f) => `${f.rule_id}/${f.code}`))}`,
          `level ${facts[0]?.currentLevel ?? ''}`,
        ];
      },
    },
  };
}
