import fc from 'fast-check';
import { Client } from 'pg';
import { createFileDatabase } from '../../test/test-database';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { PolicyDocument } from '../policy/policy.types';
import { SANCTION_KINDS } from '../sanctions/sanction.entity';
import { FlagCode } from './codes';
import { addDays } from './dates';
import { buildFlagsQuery } from './flags.sql';

/**
 * SANCTION_IN_EFFECT two ways: the flag evaluated on the fly on a date (under the version in force on it) and
 * the flag read from its spans (sanctionSpanSql, installed by the rules installer and kept by the triggers on
 * sanction and policy_version: per record and version, clipped to the version's in-force range) must be the same
 * rows — message, facts, source and days left — on generated records (revoked, lifted by 容错 before, on or after
 * their effective date, some lifted after they were written) across a second policy version with other periods
 * or without the rule.
 */

const BASE = '2015-01-01';
const LATER: PolicyDocument = {
  ...DEFAULT_POLICY,
  rules: {
    ...DEFAULT_POLICY.rules,
    SANCTION_PERIODS: {
      ...DEFAULT_POLICY.rules.SANCTION_PERIODS,
      params: {
        periods: {
          ...DEFAULT_POLICY.rules.SANCTION_PERIODS.params.periods,
          WARNING: { months: 2, source: '本地规定' },
          DEMERIT: { months: 20, source: '本地规定' },
        },
      },
    },
  },
};
const { SANCTION_PERIODS: _p, PROMO_NO_SANCTION_IN_EFFECT: _r, ...rulesBefore } = DEFAULT_POLICY.rules;
const BEFORE = { ...DEFAULT_POLICY, rules: rulesBefore } as PolicyDocument;

const record = fc.record({
  kind: fc.constantFrom(...SANCTION_KINDS),
  at: fc.integer({ min: 0, max: 2500 }),
  lag: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
  revoke: fc.option(fc.integer({ min: 0, max: 700 })),
  tolerance: fc.option(fc.integer({ min: 0, max: 700 })),
});

interface Found {
  cadre_id: string;
  facts: Record<string, unknown>;
}

describe('SANCTION_IN_EFFECT: the flag on a date and the spans agree', () => {
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
      codes: [FlagCode.SANCTION_IN_EFFECT],
      fromSpans,
    });
    const { rows } = await client.query<Found & { severity: string; message: string }>(
      `${withSql} SELECT cadre_id, severity, rule_id, source, message, facts, over_by FROM flags`,
      params.values,
    );
    for (const r of rows) {
      expect(r.severity).toBe('WARNING');
      expect(r.message).toMatch(/影响期至 \d{4}-\d\d-\d\d，不得晋升职务、职级；\w+ in effect until/);
    }
    return rows;
  };
  const onTheFly = (ids: string[], asOf: string, policy: PolicyDocument): Promise<Found[]> =>
    flags(ids, asOf, policy);
  const fromSpans = (ids: string[], asOf: string, policy: PolicyDocument): Promise<Found[]> =>
    flags(ids, asOf, policy, true);

  const sorted = (rows: Found[]) =>
    [...rows].sort((a, b) => String(a.facts.sanctionId).localeCompare(String(b.facts.sanctionId)));

  it('on generated records, dates and a second version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(record, { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 200, max: 2600 }),
        fc.constantFrom(LATER, BEFORE),
        fc.uniqueArray(fc.integer({ min: 0, max: 3400 }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 900 })),
        async (cadres, versionAt, second, days, liftLater) => {
          await client.query('BEGIN');
          try {
            const secondFrom = addDays(BASE, versionAt);
            await client.query(
              `INSERT INTO policy_version (version, effective_from, document) VALUES (2, $1, $2)`,
              [secondFrom, JSON.stringify(second)],
            );
            const ids: string[] = [];
            for (const [i, records] of cadres.entries()) {
              const { rows } = await client.query<{ id: string }>(
                `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
                 VALUES ($1, $1, 'MALE', '1980-01-01', '2000-01-01', 'BACHELOR') RETURNING id`,
                [`SP-${i}`],
              );
              ids.push(rows[0].id);
              for (const r of records) {
                const decision = addDays(BASE, r.at);
                await client.query(
                  `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body, document_number,
                                         revoked_on, revocation_reason, tolerance_basis, tolerance_decided_on)
                   VALUES ($1, $2, $3, $4, '县纪委监委', '县纪发〔2020〕1号', $5,
                           CASE WHEN $5::date IS NOT NULL THEN '申诉' END,
                           CASE WHEN $6::date IS NOT NULL THEN '三个区分开来' END, $6)`,
                  [
                    rows[0].id,
                    r.kind,
                    decision,
                    addDays(decision, r.lag),
                    r.revoke === null ? null : addDays(decision, r.revoke),
                    r.tolerance === null ? null : addDays(decision, r.tolerance),
                  ],
                );
              }
            }
            if (liftLater !== null) {
              // A 容错 decision recorded afterwards, for the records without one: the triggers refresh the spans.
              await client.query(
                `UPDATE sanction SET tolerance_basis = '三个区分开来',
                        tolerance_decided_on = greatest(decision_date, $2::date)
                  WHERE cadre_id = ANY($1) AND tolerance_decided_on IS NULL`,
                [ids, addDays(BASE, liftLater * 3)],
              );
            }
            for (const day of days) {
              const asOf = addDays(BASE, day);
              const policy = asOf >= secondFrom ? second : DEFAULT_POLICY;
              expect({ asOf, found: sorted(await fromSpans(ids, asOf, policy)) }).toEqual({
                asOf,
                found: sorted(await onTheFly(ids, asOf, policy)),
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

  it('flags a demerit from its effective date to its last day, with its facts', async () => {
    await client.query('BEGIN');
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
         VALUES ('SP-D', '岳明川', 'MALE', '1984-04-18', '2007-08-01', 'BACHELOR') RETURNING id`,
      );
      const id = rows[0].id;
      await client.query(
        `INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body, document_number)
         VALUES ($1, 'DEMERIT', '2026-03-12', '2026-03-16', '白马县纪委监委', '白纪发〔2026〕5号')`,
        [id],
      );
      const on = async (asOf: string) => onTheFly([id], asOf, DEFAULT_POLICY);
      expect(await on('2026-03-15')).toEqual([]);
      expect(await on('2026-03-16')).toHaveLength(1);
      expect(await on('2027-03-16')).toEqual([]);
      const [flag] = await on('2027-03-15');
      expect(flag.facts).toMatchObject({
        kind: 'DEMERIT',
        decisionDate: '2026-03-12',
        effectiveDate: '2026-03-16',
        months: 12,
        endsOn: '2027-03-15',
        effectEndsOn: '2027-03-15',
        documentNumber: '白纪发〔2026〕5号',
        source: '公务员法 (2018) art. 64; 公职人员政务处分法 (2020) art. 8',
        revokedOn: null,
        toleranceDecidedOn: null,
      });
      // Under a version without the rules: nothing.
      expect(await onTheFly([id], '2026-11-27', BEFORE)).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
