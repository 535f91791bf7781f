import fc from 'fast-check';
import { Client } from 'pg';
import { createFileDatabase } from '../../test/test-database';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { FlagCode } from './codes';
import { addDays } from './dates';
import { withParams } from './facts/facts.fixture';
import { buildFlagsQuery } from './flags.sql';

/**
 * APPRAISAL_INCOMPETENT two ways: the flag evaluated on the fly on a date (under the version in force on it) and the
 * flag read from its spans (appraisalIncompetentSpanSql, kept by the triggers on appraisal and policy_version) must be
 * the same rows — message, facts, source and days left — on generated appraisals (some changed or deleted after they
 * were written) across a second policy version that flags for longer, flags other grades, or lacks the rule.
 */

const BASE = '2015-01-01';
const LONGER = withParams('APPRAISAL_INCOMPETENT', {
  grades: ['INCOMPETENT', 'BASICALLY_COMPETENT'],
  followingYears: 2,
});
const { APPRAISAL_INCOMPETENT: _r, ...rulesBefore } = DEFAULT_POLICY.rules;
const BEFORE = { ...DEFAULT_POLICY, rules: rulesBefore } as PolicyDocument;
const GRADES = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT', 'UNGRADED'];

interface Found {
  cadre_id: string;
  severity: string;
  rule_id: string;
  source: string;
  message: string;
  facts: Record<string, unknown>;
  over_by: number;
}

describe('APPRAISAL_INCOMPETENT: the flag on a date and the spans agree', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: Client;

  beforeAll(async () => {
    db = await createFileDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const flags = async (ids: string[], asOf: string, policy: PolicyDocument, fromSpans = false) => {
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy,
      scope: { cadreIds: ids },
      codes: [FlagCode.APPRAISAL_INCOMPETENT],
      fromSpans,
    });
    const { rows } = await client.query<Found>(
      `${withSql} SELECT cadre_id, severity, rule_id, source, message, facts, over_by FROM flags
        ORDER BY cadre_id, facts ->> 'year'`,
      params.values,
    );
    return rows;
  };

  const cadre = async (name: string): Promise<string> => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
       VALUES ($1, $1, 'MALE', '1980-01-01', '2000-01-01', 'BACHELOR') RETURNING id`,
      [name],
    );
    return rows[0].id;
  };

  it('on generated appraisals, dates and a second version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.uniqueArray(
            fc.record({ year: fc.integer({ min: 2015, max: 2026 }), grade: fc.constantFrom(...GRADES) }),
            { selector: (a) => a.year, maxLength: 5 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 200, max: 4000 }),
        fc.constantFrom(LONGER, BEFORE),
        // Up to 2026-11-27: a later stored version (published by a migration) is not the one compared here.
        fc.uniqueArray(fc.integer({ min: 0, max: 4348 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (cadres, versionAt, second, days, changeLater) => {
          await client.query('BEGIN');
          try {
            const secondFrom = addDays(BASE, versionAt);
            await client.query(
              `INSERT INTO policy_version (version, effective_from, document)
               SELECT max(version) + 1, $1, $2 FROM policy_version`,
              [secondFrom, JSON.stringify(second)],
            );
            const ids: string[] = [];
            for (const [i, years] of cadres.entries()) {
              const id = await cadre(`AI-${i}`);
              ids.push(id);
              for (const a of years) {
                await client.query(`INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, $2, $3)`, [
                  id,
                  a.year,
                  a.grade,
                ]);
              }
            }
            if (changeLater) {
              // Corrections after the fact: the triggers refresh the spans.
              await client.query(
                `UPDATE appraisal SET grade = CASE grade WHEN 'INCOMPETENT' THEN 'COMPETENT' ELSE 'INCOMPETENT' END
                  WHERE cadre_id = ANY($1) AND year % 2 = 0`,
                [ids],
              );
              await client.query(`DELETE FROM appraisal WHERE cadre_id = ANY($1) AND year % 3 = 0`, [ids]);
            }
            for (const day of days) {
              const asOf = addDays(BASE, day);
              const policy = asOf >= secondFrom ? second : DEFAULT_POLICY;
              expect({ asOf, found: await flags(ids, asOf, policy, true) }).toEqual({
                asOf,
                found: await flags(ids, asOf, policy),
              });
            }
          } finally {
            await client.query('ROLLBACK');
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('flags the year after an INCOMPETENT year, from 1 January to 31 December, with its facts', async () => {
    await client.query('BEGIN');
    try {
      const id = await cadre('AI-D');
      await client.query(
        `INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2023, 'INCOMPETENT'), ($1, 2024, 'BASICALLY_COMPETENT')`,
        [id],
      );
      const on = (asOf: string, policy = DEFAULT_POLICY) => flags([id], asOf, policy);
      expect(await on('2023-12-31')).toEqual([]);
      expect(await on('2025-01-01')).toEqual([]);
      // 29 February of the flagged year, and its last day.
      expect(await on('2024-02-29')).toHaveLength(1);
      const [flag] = await on('2024-12-31');
      expect(flag).toMatchObject({
        severity: 'WARNING',
        rule_id: 'APPRAISAL_INCOMPETENT',
        source: DEFAULT_POLICY.rules.APPRAISAL_INCOMPETENT.source,
        over_by: -1,
        facts: {
          year: 2023,
          grade: 'INCOMPETENT',
          flaggedFrom: '2024-01-01',
          flaggedUntil: '2024-12-31',
          source: DEFAULT_POLICY.rules.APPRAISAL_INCOMPETENT.source,
        },
      });
      expect(flag.message).toBe(
        '2023 年度考核不称职，关注至 2024-12-31；appraised INCOMPETENT for 2023, flagged until 2024-12-31',
      );
      // The policy's years and grades: two years, and BASICALLY_COMPETENT flagged too.
      expect((await on('2025-06-30', LONGER)).map((f) => f.facts.year)).toEqual([2023, 2024]);
      // Under a version without the rule: nothing.
      expect(await on('2024-06-30', BEFORE)).toEqual([]);
      expect(await flags([id], '2024-06-30', BEFORE, true)).toHaveLength(1); // spans follow the stored versions
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
