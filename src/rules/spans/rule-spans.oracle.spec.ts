import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createFileDatabase } from '../../../test/test-database';
import { dataSourceOptions } from '../../database/data-source-options';
import { DEFAULT_POLICY } from '../../policy/default-policy';
import { PolicyDocument } from '../../policy/policy.types';
import { seedSynthetic } from '../../seed/synthetic';
import { FlagCode } from '../codes';
import { addDays } from '../dates';
import { buildFlagsQuery } from '../flags.sql';

/**
 * ORACLE for rule_span: the flags read from spans (kept current by triggers on every write; the posting limits and
 * induction training so far) are the flags the rule files evaluate on the fly, which stay as the oracle until the
 * spans are proven. Generated leadership careers (adjacent and separate stints, transfers, returns to a level,
 * open and ended postings, trainings of every kind, long enough or not, completed or not) are written, then
 * changed (end dates moved, postings deleted, made secondments, moved to another unit, trainings added and
 * removed), a second policy version with other limits may be published from a generated date; on generated
 * dates before, across and after it, both must give the same flags, to the message, facts and days past.
 */

const BASE = '1990-01-01';
const LEVELS = ['TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF', 'COUNTY_DEPUTY', 'CLERK_1'];
const CODES = [
  FlagCode.POSTING_LIMIT_EXCEEDED,
  FlagCode.POSTING_LIMIT_APPROACHING,
  FlagCode.INDUCTION_TRAINING_DUE,
  FlagCode.TRAINING_SHORTFALL,
  FlagCode.SPECIALIST_STRENGTH,
];
const DOMAINS = ['RURAL_REVITALIZATION', 'URBAN_GOVERNANCE'];

interface Posting {
  unit: number;
  level: string;
  start: string;
  end: string | null;
}

const stint = fc.record({
  gap: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 1500 })),
  days: fc.integer({ min: 30, max: 5500 }),
  level: fc.constantFrom(...LEVELS),
  unit: fc.integer({ min: 0, max: 2 }),
});

interface Training {
  kind: string;
  start: string;
  end: string;
  completed: boolean;
  hours: number;
}

interface Achievement {
  on: string;
  /** Days from the achievement to its verification, and the UTC hour it was recorded (20: the next day in Beijing). */
  checked: number;
  hour: number;
  domain: string;
  recognition: string;
  status: string;
  impact: [number, number, string] | null;
}

const achievement = fc.record({
  at: fc.integer({ min: -500, max: 9000 }),
  domain: fc.constantFrom(...DOMAINS),
  recognition: fc.constantFrom('UNIT', 'COUNTY', 'PROVINCE', 'NATIONAL'),
  status: fc.constantFrom('CLAIMED', 'VERIFIED', 'VERIFIED', 'REJECTED'),
  checked: fc.constantFrom(0, 1, 45, 400),
  hour: fc.constantFrom(2, 20),
  impact: fc.option(
    fc.tuple(
      fc.constantFrom(0, 10, 100),
      fc.constantFrom(5, 12, 100, 180),
      fc.constantFrom('HIGHER', 'LOWER'),
    ),
    { nil: null },
  ),
});

const training = fc.record({
  at: fc.integer({ min: -200, max: 6000 }),
  days: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(14, 15, 29, 30)),
  kind: fc.constantFrom('PARTY_SCHOOL', 'ADMINISTRATION_INSTITUTE', 'UNIVERSITY', 'ONLINE', 'OTHER'),
  completed: fc.boolean(),
  hours: fc.constantFrom(8, 40, 60, 300),
});

const career: fc.Arbitrary<{ postings: Posting[]; trainings: Training[]; achievements: Achievement[] }> = fc
  .record({
    start: fc.integer({ min: 0, max: 8000 }),
    stints: fc.array(stint, { minLength: 1, maxLength: 5 }),
    open: fc.boolean(),
    trainings: fc.array(training, { maxLength: 6 }),
    achievements: fc.array(achievement, { maxLength: 4 }),
  })
  .map((g) => {
    let at = addDays(BASE, g.start);
    const postings = g.stints.map((s, i) => {
      const start = addDays(at, i > 0 ? s.gap : 0);
      const end = addDays(start, s.days - 1);
      at = addDays(end, 1);
      return { unit: s.unit, level: s.level, start, end: g.open && i === g.stints.length - 1 ? null : end };
    });
    const trainings = g.trainings.map((t) => {
      const start = addDays(BASE, g.start + t.at);
      return { kind: t.kind, start, end: addDays(start, t.days - 1), completed: t.completed, hours: t.hours };
    });
    const achievements = g.achievements.map((a) => ({ ...a, on: addDays(BASE, g.start + a.at) }));
    return { postings, trainings, achievements };
  });

/** A change to one posting of one cadre (indexes are taken modulo what exists). */
const change = fc.record({
  cadre: fc.nat(),
  posting: fc.nat(),
  what: fc.constantFrom(
    'end',
    'open',
    'delete',
    'secondment',
    'unit',
    'training',
    'untrain',
    'verify',
    'reject',
    'claim',
    'impact',
    'unimpact',
    'unachieve',
  ),
  days: fc.integer({ min: -2000, max: 2000 }),
});

const version2 = fc.option(
  fc.record({
    from: fc.integer({ min: 5000, max: 14000 }).map((n) => addDays(BASE, n)),
    post: fc.constantFrom(3, 6.5, 10, 12),
    total: fc.constantFrom(4, 15, 20),
    months: fc.constantFrom(0, 3, 6, 18),
    withinMonths: fc.constantFrom(6, 12, 24),
    days: fc.constantFrom(10, 15, 30),
    annualHours: fc.constantFrom(40, 90, 120),
    fiveYearHours: fc.constantFrom(80, 550),
    trainingYears: fc.constantFrom(2, 5, 2.5),
    specialistCount: fc.constantFrom(1, 2, 3),
    specialistYears: fc.constantFrom(1, 5, 1.5),
    recognition: fc.constantFrom('COUNTY', 'PROVINCE', 'NATIONAL'),
    improvement: fc.constantFrom(20, 50, 90),
    /** undefined: the param left out (a version published before it existed: no window). */
    recognitionYears: fc.constantFrom(undefined, 1, 5),
    improvementYears: fc.constantFrom(undefined, 2.5, 5),
  }),
  { nil: undefined },
);

const asOfDate = fc.integer({ min: 2000, max: 16000 }).map((n) => addDays(BASE, n));

interface FlagOut {
  cadre_id: string;
  code: string;
  rule_id: string;
  severity: string;
  over_by: number;
  facts: Record<string, unknown>;
}

/**
 * What a light statement (a list's match, count and order) keeps of each flag: who holds which code, with which
 * severity and days past. The light read from spans takes them from rule_span's columns (over_from, not the facts).
 */
const held = (rows: readonly FlagOut[]): string[] =>
  rows.map((f) => `${f.cadre_id} ${f.rule_id} ${f.code} ${f.severity} ${f.over_by}`).sort();

describe('rule_span: flags from spans equal the on-the-fly evaluation (oracle)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: Client;
  const units: string[] = [];

  beforeAll(async () => {
    db = await createFileDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    for (const code of ['SPAN-A', 'SPAN-B', 'SPAN-C']) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO unit (code, name, level, kind) VALUES ($1, $1, 'TOWNSHIP', 'GOVERNMENT') RETURNING id`,
        [code],
      );
      units.push(rows[0].id);
    }
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  /** The policy versions stored, by effective date (the one in force on d: the last from ≤ d). */
  async function storedVersions(): Promise<{ from: string; doc: PolicyDocument }[]> {
    const { rows } = await client.query<{ from: string; doc: PolicyDocument }>(
      `SELECT to_char(effective_from, 'YYYY-MM-DD') AS "from", document AS doc FROM policy_version ORDER BY effective_from`,
    );
    return rows;
  }

  async function flags(
    ids: string[],
    asOf: string,
    policy: PolicyDocument,
    fromSpans: boolean,
    light = false,
  ) {
    const { withSql, params } = buildFlagsQuery({
      asOf,
      policy,
      scope: { cadreIds: ids },
      codes: CODES,
      fromSpans,
      light,
    });
    const { rows } = await client.query<FlagOut>(
      `${withSql} SELECT * FROM flags ORDER BY cadre_id, rule_id, code, facts::text`,
      params.values,
    );
    return rows;
  }

  it('on generated careers, changes, policy versions and dates', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(career, { minLength: 1, maxLength: 8 }),
        fc.array(change, { maxLength: 6 }),
        version2,
        fc.uniqueArray(asOfDate, { minLength: 1, maxLength: 6 }),
        async (careers, changes, v2, dates) => {
          await client.query('BEGIN');
          try {
            const ids: string[] = [];
            const postings: string[][] = [];
            const achievementIds: string[][] = [];
            for (const [i, { postings: c, trainings, achievements }] of careers.entries()) {
              const { rows } = await client.query<{ id: string }>(
                `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
                 VALUES ($1, $1, 'MALE', '1960-01-01', '1985-01-01', 'BACHELOR') RETURNING id`,
                [`SPAN-${i}`],
              );
              ids.push(rows[0].id);
              // Several postings of a cadre in one statement, as a sync batch writes them.
              const inserted = await client.query<{ id: string }>(
                `INSERT INTO posting (cadre_id, unit_id, title, level, start_date, end_date)
                 SELECT $1, u, 'Post', l, s, e
                   FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) AS x(u, l, s, e) RETURNING id`,
                [
                  rows[0].id,
                  c.map((p) => units[p.unit]),
                  c.map((p) => p.level),
                  c.map((p) => p.start),
                  c.map((p) => p.end),
                ],
              );
              postings.push(inserted.rows.map((r) => r.id));
              await client.query(
                `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours, completed)
                 SELECT $1, 'Course', k, s, e, h, c
                   FROM unnest($2::text[], $3::date[], $4::date[], $5::bool[], $6::numeric[]) AS x(k, s, e, c, h)`,
                [
                  rows[0].id,
                  trainings.map((t) => t.kind),
                  trainings.map((t) => t.start),
                  trainings.map((t) => t.end),
                  trainings.map((t) => t.completed),
                  trainings.map((t) => t.hours),
                ],
              );
              // A cadre's achievements in one statement, as a sync batch writes them; then their impacts.
              const added = await client.query<{ id: string }>(
                `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level, verification_status,
                                         verified_by, verified_at)
                 SELECT $1, 'Work', o, d, r, s, CASE WHEN s <> 'CLAIMED' THEN 'Checker' END,
                        CASE WHEN s <> 'CLAIMED' THEN ((o + k) + h * interval '1 hour') AT TIME ZONE 'UTC' END
                   FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])
                        WITH ORDINALITY AS x(o, d, r, s, k, h, n)
                  ORDER BY n RETURNING id`,
                [
                  rows[0].id,
                  achievements.map((a) => a.on),
                  achievements.map((a) => a.domain),
                  achievements.map((a) => a.recognition),
                  achievements.map((a) => a.status),
                  achievements.map((a) => a.checked),
                  achievements.map((a) => a.hour),
                ],
              );
              achievementIds.push(added.rows.map((r) => r.id));
              for (const [n, a] of achievements.entries()) {
                if (!a.impact) continue;
                await client.query(
                  `INSERT INTO achievement_impact (achievement_id, position, indicator, baseline, result, unit, better_when)
                   VALUES ($1, 1, 'Income', $2, $3, 'yuan', $4)`,
                  [added.rows[n].id, ...a.impact],
                );
              }
            }
            for (const ch of changes) {
              const cadreId = ids[ch.cadre % ids.length];
              if (ch.what === 'training') {
                // A qualifying course of ch.days mod 40 days, ending some time after the change's posting began.
                await client.query(
                  `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
                   SELECT $1, 'Induction', 'PARTY_SCHOOL', s, s + ($2::int % 40), 60
                     FROM (SELECT min(start_date) + abs($3::int) AS s FROM posting WHERE cadre_id = $1) x
                    WHERE s IS NOT NULL`,
                  [cadreId, Math.abs(ch.days), ch.days],
                );
                continue;
              }
              const mine = achievementIds[ch.cadre % achievementIds.length];
              const achievementId = mine.length ? mine[ch.posting % mine.length] : undefined;
              if (['verify', 'reject', 'claim', 'impact', 'unimpact', 'unachieve'].includes(ch.what)) {
                if (!achievementId) continue;
                if (ch.what === 'verify' || ch.what === 'reject') {
                  await client.query(
                    `UPDATE achievement SET verification_status = $2, verified_by = 'Checker',
                            verified_at = (achieved_on + $3::int % 400 + interval '10 hours') AT TIME ZONE 'UTC'
                      WHERE id = $1`,
                    [achievementId, ch.what === 'verify' ? 'VERIFIED' : 'REJECTED', Math.abs(ch.days)],
                  );
                } else if (ch.what === 'claim') {
                  await client.query(
                    `UPDATE achievement SET verification_status = 'CLAIMED', verified_by = NULL, verified_at = NULL
                      WHERE id = $1`,
                    [achievementId],
                  );
                } else if (ch.what === 'impact') {
                  await client.query(
                    `INSERT INTO achievement_impact (achievement_id, position, indicator, baseline, result, unit, better_when)
                     SELECT $1, coalesce(max(position), 0) + 1, 'Yield', 100, 100 + $2::int / 10, 't', 'HIGHER'
                       FROM achievement_impact WHERE achievement_id = $1`,
                    [achievementId, ch.days],
                  );
                } else if (ch.what === 'unimpact') {
                  await client.query(`DELETE FROM achievement_impact WHERE achievement_id = $1`, [
                    achievementId,
                  ]);
                } else {
                  await client.query(`DELETE FROM achievement WHERE id = $1`, [achievementId]);
                  mine.splice(mine.indexOf(achievementId), 1);
                }
                continue;
              }
              if (ch.what === 'untrain') {
                await client.query(
                  `DELETE FROM training WHERE id = (SELECT id FROM training WHERE cadre_id = $1 ORDER BY start_date LIMIT 1)`,
                  [cadreId],
                );
                continue;
              }
              const list = postings[ch.cadre % postings.length];
              if (!list.length) continue;
              const id = list[ch.posting % list.length];
              // A change that would overlap another regular posting is refused by the database: skip it.
              await client.query('SAVEPOINT change');
              try {
                if (ch.what === 'end') {
                  await client.query(
                    `UPDATE posting SET end_date = greatest(start_date, coalesce(end_date, start_date + 3000) + $2::int)
                      WHERE id = $1`,
                    [id, ch.days],
                  );
                } else if (ch.what === 'open') {
                  await client.query(`UPDATE posting SET end_date = NULL WHERE id = $1`, [id]);
                } else if (ch.what === 'delete') {
                  await client.query(`DELETE FROM posting WHERE id = $1`, [id]);
                  list.splice(list.indexOf(id), 1);
                } else if (ch.what === 'secondment') {
                  await client.query(`UPDATE posting SET kind = 'SECONDMENT' WHERE id = $1`, [id]);
                } else {
                  await client.query(`UPDATE posting SET unit_id = $2 WHERE id = $1`, [
                    id,
                    units[Math.abs(ch.days) % units.length],
                  ]);
                }
                await client.query('RELEASE SAVEPOINT change');
              } catch {
                await client.query('ROLLBACK TO SAVEPOINT change');
              }
            }
            // The versions the database holds (the code's default, and any a migration published after it).
            const versions = await storedVersions();
            if (v2) {
              const doc = structuredClone(DEFAULT_POLICY);
              doc.rules.POST_LIMIT_SAME_POST.params.years = v2.post;
              doc.rules.LEVEL_TOTAL_LIMIT.params.years = v2.total;
              doc.rules.WARNING_WINDOW.params.months = v2.months;
              doc.rules.INDUCTION_TRAINING.params.withinMonths = v2.withinMonths;
              doc.rules.INDUCTION_TRAINING.params.daysByLevel.TOWNSHIP_CHIEF = v2.days;
              doc.rules.TRAINING_ANNUAL.params.hours = v2.annualHours;
              doc.rules.TRAINING_5Y.params.hours = v2.fiveYearHours;
              doc.rules.TRAINING_5Y.params.windowYears = v2.trainingYears;
              doc.rules.SPECIALIST.params.minCount = v2.specialistCount;
              doc.rules.SPECIALIST.params.windowYears = v2.specialistYears;
              doc.rules.SPECIALIST.params.recognitionAtLeast = v2.recognition;
              doc.rules.SPECIALIST.params.minImprovementPercent = v2.improvement;
              doc.rules.SPECIALIST.params.recognitionWindowYears = v2.recognitionYears;
              doc.rules.SPECIALIST.params.improvementWindowYears = v2.improvementYears;
              await client.query(
                `INSERT INTO policy_version (version, effective_from, document)
                 SELECT max(version) + 1, $1, $2::jsonb FROM policy_version`,
                [v2.from, JSON.stringify(doc)],
              );
              versions.push({ from: v2.from, doc });
              versions.sort((a, b) => a.from.localeCompare(b.from));
            }
            const mismatches: object[] = [];
            // Also the dates where a training or an achievement enters and leaves a window, and years' edges.
            const edges = careers.flatMap((c) => [
              ...c.trainings.slice(0, 1).map((x) => x.end),
              ...c.achievements.slice(0, 1).map((x) => x.on),
            ]);
            // The first achievement's verification day in Beijing, and the day before.
            const verified = careers.flatMap((c) =>
              c.achievements.slice(0, 1).flatMap((x) => {
                const day = addDays(x.on, x.checked + (x.hour >= 16 ? 1 : 0));
                return [day, addDays(day, -1)];
              }),
            );
            const around = edges.flatMap((d) => {
              const later = (n: number) =>
                d.slice(5) === '02-29' ? d : `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;
              return [
                d,
                addDays(d, -1),
                later(5),
                addDays(later(5), 1),
                later(1),
                addDays(later(1), 1),
                `${d.slice(0, 4)}-12-31`,
                `${Number(d.slice(0, 4)) + 1}-01-01`,
              ];
            });
            const all = [...new Set([...dates, ...around.slice(0, 16), ...verified.slice(0, 4)])];
            for (const asOf of v2 ? [...all, v2.from, addDays(v2.from, -1)] : all) {
              const policy = versions.filter((v) => v.from <= asOf).at(-1)?.doc ?? DEFAULT_POLICY;
              const oracle = await flags(ids, asOf, policy, false);
              const spans = await flags(ids, asOf, policy, true);
              const light = held(await flags(ids, asOf, policy, true, true));
              for (const f of oracle) seen.add(`${f.rule_id} ${f.code}`);
              if (JSON.stringify(spans) !== JSON.stringify(oracle)) mismatches.push({ asOf, oracle, spans });
              if (JSON.stringify(light) !== JSON.stringify(held(oracle)))
                mismatches.push({ asOf, oracle, light });
            }
            expect(mismatches).toEqual([]);
          } finally {
            await client.query('ROLLBACK');
          }
        },
      ),
      { numRuns: 60 },
    );
    // Every rule held here was met by the generated careers, not only its absence. (LEVEL_LIMIT_SAME_AREA and
    // TERM_LIMIT are evaluated from their spans only, so here they are seen, not compared: their boundaries are in
    // posting-limit-rules.spans.spec.ts.)
    expect([...seen].sort()).toEqual([
      'INDUCTION_TRAINING INDUCTION_TRAINING_DUE',
      'LEVEL_LIMIT_SAME_AREA POSTING_LIMIT_APPROACHING',
      'LEVEL_LIMIT_SAME_AREA POSTING_LIMIT_EXCEEDED',
      'LEVEL_TOTAL_LIMIT POSTING_LIMIT_APPROACHING',
      'LEVEL_TOTAL_LIMIT POSTING_LIMIT_EXCEEDED',
      'POST_LIMIT_SAME_POST POSTING_LIMIT_APPROACHING',
      'POST_LIMIT_SAME_POST POSTING_LIMIT_EXCEEDED',
      'SPECIALIST SPECIALIST_STRENGTH',
      'TERM_LIMIT POSTING_LIMIT_APPROACHING',
      'TERM_LIMIT POSTING_LIMIT_EXCEEDED',
      'TRAINING_5Y TRAINING_SHORTFALL',
      'TRAINING_ANNUAL TRAINING_SHORTFALL',
    ]);
    // Sixty generated histories against every rule: minutes on a loaded 2-core machine, not the default minute.
  }, 300_000);

  it('stays right when two transactions add postings of one cadre at the same time', async () => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
       VALUES ('SPAN-CONCURRENT', 'Concurrent', 'MALE', '1960-01-01', '1985-01-01', 'BACHELOR') RETURNING id`,
    );
    const cadreId = rows[0].id;
    const insert = `INSERT INTO posting (cadre_id, unit_id, title, level, start_date, end_date)
                    VALUES ($1, $2, 'Township head', 'TOWNSHIP_CHIEF', $3, $4)`;
    const first = new Client({ connectionString: db.url });
    const second = new Client({ connectionString: db.url });
    await first.connect();
    await second.connect();
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      // Alone, the second would see a run from 2015 (its limit in 2025); together they are one run from 2010,
      // past its 10-year limit since 2020.
      await first.query(insert, [cadreId, units[0], '2010-01-01', '2014-12-31']);
      const later = second.query(insert, [cadreId, units[0], '2015-01-01', null]);
      await new Promise((r) => setTimeout(r, 200)); // the second now waits for the first's lock on the cadre
      await first.query('COMMIT');
      await later;
      await second.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
    const fromSpans = await flags([cadreId], '2022-06-01', DEFAULT_POLICY, true);
    expect(fromSpans).toEqual(await flags([cadreId], '2022-06-01', DEFAULT_POLICY, false));
    // The same run from 2010 in one township's leadership: its 10 years, and two terms, also passed in 2020.
    expect(fromSpans.map((f) => [f.rule_id, f.code])).toEqual([
      ['INDUCTION_TRAINING', 'INDUCTION_TRAINING_DUE'],
      ['LEVEL_LIMIT_SAME_AREA', 'POSTING_LIMIT_EXCEEDED'],
      ['POST_LIMIT_SAME_POST', 'POSTING_LIMIT_EXCEEDED'],
      ['TERM_LIMIT', 'POSTING_LIMIT_EXCEEDED'],
      ['TRAINING_ANNUAL', 'TRAINING_SHORTFALL'],
    ]);
    expect(
      fromSpans.filter((f) => f.rule_id !== 'INDUCTION_TRAINING' && f.code !== 'TRAINING_SHORTFALL'),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ facts: expect.objectContaining({ since: '2010-01-01' }) }),
      ]),
    );
  });

  it('stays right when two transactions verify achievements of one cadre at the same time', async () => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
       VALUES ('SPAN-CONCURRENT-2', 'Concurrent', 'MALE', '1960-01-01', '1985-01-01', 'BACHELOR') RETURNING id`,
    );
    const cadreId = rows[0].id;
    const { rows: claimed } = await client.query<{ id: string }>(
      `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level)
       VALUES ($1, 'Co-op', '2020-03-01', 'RURAL_REVITALIZATION', 'COUNTY'),
              ($1, 'Market', '2021-05-01', 'RURAL_REVITALIZATION', 'UNIT') RETURNING id`,
      [cadreId],
    );
    const verify = `UPDATE achievement SET verification_status = 'VERIFIED', verified_by = 'Checker',
                           verified_at = '2021-06-01T10:00:00+08:00' WHERE id = $1`;
    const first = new Client({ connectionString: db.url });
    const second = new Client({ connectionString: db.url });
    await first.connect();
    await second.connect();
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      // Alone, each makes one verified achievement in five years (two are needed); together they make two.
      await first.query(verify, [claimed[0].id]);
      const later = second.query(verify, [claimed[1].id]);
      await new Promise((r) => setTimeout(r, 200)); // the second now waits for the first's lock on the cadre
      await first.query('COMMIT');
      await later;
      await second.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
    const fromSpans = await flags([cadreId], '2022-06-01', DEFAULT_POLICY, true);
    expect(fromSpans).toEqual(await flags([cadreId], '2022-06-01', DEFAULT_POLICY, false));
    expect(fromSpans.map((f) => [f.rule_id, f.code, f.facts])).toEqual([
      ['SPECIALIST', 'SPECIALIST_STRENGTH', expect.objectContaining({ criteria: ['COUNT'], recentCount: 2 })],
    ]);
  });

  it('on a seeded synthetic province of 2,000 cadres, on five dates, for everyone and for the posted', async () => {
    const ds = await new DataSource(dataSourceOptions(db.url, 4)).initialize();
    try {
      await seedSynthetic(ds, { cadres: 2000, seed: 14 });
    } finally {
      await ds.destroy();
    }
    // Appraisals and sanctions whose flags count days past from a fact + 1 (over_from), on 2026-11-27 and before.
    await client.query(
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM cadre ORDER BY id LIMIT 40)
       INSERT INTO appraisal (cadre_id, year, grade) SELECT id, 2025, 'INCOMPETENT' FROM c WHERE k <= 20
       ON CONFLICT (cadre_id, year) DO UPDATE SET grade = excluded.grade`,
    );
    await client.query(
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM cadre ORDER BY id LIMIT 40)
       INSERT INTO sanction (cadre_id, kind, decision_date, effective_date, issuing_body)
       SELECT id, 'DEMERIT', DATE '2026-01-01' + k::int, DATE '2026-01-01' + k::int, 'test' FROM c WHERE k > 20`,
    );
    let seen = 0;
    const otherCodes = new Set<string>();
    const versions = await storedVersions();
    for (const asOf of ['2012-02-29', '2019-06-30', '2024-12-31', '2026-11-27', '2031-01-01']) {
      const policy = versions.filter((v) => v.from <= asOf).at(-1)?.doc ?? DEFAULT_POLICY;
      for (const scope of [{}, { posted: true }]) {
        const run = async (fromSpans: boolean, light = false, codes: FlagCode[] = CODES) => {
          const q = buildFlagsQuery({ asOf, policy, scope, codes, fromSpans, light });
          const { rows } = await client.query<FlagOut>(
            `${q.withSql} SELECT * FROM flags ORDER BY cadre_id, rule_id, code, facts::text`,
            q.params.values,
          );
          return rows;
        };
        const oracle = await run(false);
        seen += oracle.length;
        expect(await run(true)).toEqual(oracle);
        // A list's light read over everyone active (posted: the anti-join on the inactive) holds the same.
        expect(held(await run(true, true))).toEqual(held(oracle));
        // Every span rule's (the appraisals' and sanctions' too): light as read in full.
        const every = await run(true, false, []);
        for (const f of every) otherCodes.add(f.code);
        expect(held(await run(true, true, []))).toEqual(held(every));
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...otherCodes]).toEqual(
      expect.arrayContaining([FlagCode.APPRAISAL_INCOMPETENT, FlagCode.SANCTION_IN_EFFECT]),
    );
  });
});
