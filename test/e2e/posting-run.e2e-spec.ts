import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { flagsOf } from './flags-helpers';

/**
 * posting_run holds each regular posting's runs (same post, same level, earlier days at the level, when the
 * level was entered), kept by triggers on posting; the posting-limit and induction flags and the pathway facts
 * read it. These tests check that every way of
 * changing postings leaves it equal to an independent definition of the runs, and that the flags follow.
 */

/**
 * The runs by definition, written independently of the migration's window functions: walk back from each
 * regular posting through postings that end at most REAPPOINTMENT_GAP days (+ 1) before the next one starts (same unit and level
 * for the post run, same level for the level run), then add up the days at the level before the level run.
 */
/** The tolerance of the only policy version here (version 1, the defaults). */
const GAP = DEFAULT_POLICY.rules.REAPPOINTMENT_GAP.params.days;

const REFERENCE = `
  WITH RECURSIVE reg AS (SELECT * FROM posting WHERE kind = 'REGULAR'),
  post_chain(posting_id, id, start_date) AS (
    SELECT r.id, r.id, r.start_date FROM reg r
    UNION ALL
    SELECT c.posting_id, prev.id, prev.start_date
      FROM post_chain c JOIN reg cur ON cur.id = c.id
      JOIN reg prev ON prev.cadre_id = cur.cadre_id AND prev.unit_id = cur.unit_id AND prev.level = cur.level
                   AND prev.start_date < cur.start_date AND prev.end_date + 1 + ${GAP} >= cur.start_date),
  level_chain(posting_id, id, start_date) AS (
    SELECT r.id, r.id, r.start_date FROM reg r
    UNION ALL
    SELECT c.posting_id, prev.id, prev.start_date
      FROM level_chain c JOIN reg cur ON cur.id = c.id
      JOIN reg prev ON prev.cadre_id = cur.cadre_id AND prev.level = cur.level
                   AND prev.start_date < cur.start_date AND prev.end_date + 1 + ${GAP} >= cur.start_date),
  runs AS (
    SELECT r.id, r.cadre_id, r.unit_id, r.level, r.start_date, r.end_date,
           (SELECT min(start_date) FROM post_chain c WHERE c.posting_id = r.id) AS post_run_start,
           (SELECT array_agg(id ORDER BY start_date) FROM post_chain c WHERE c.posting_id = r.id) AS post_run_posting_ids,
           (SELECT min(start_date) FROM level_chain c WHERE c.posting_id = r.id) AS level_run_start
      FROM reg r)
  SELECT id::text AS posting_id, cadre_id::text, unit_id::text, level, start_date::text, end_date::text,
         post_run_start::text, post_run_posting_ids::text, level_run_start::text,
         (SELECT coalesce(sum(e.end_date + 1 - e.start_date), 0)::int FROM reg e
           WHERE e.cadre_id = runs.cadre_id AND e.level = runs.level AND e.start_date < runs.level_run_start)
           AS earlier_level_days,
         -- the latest posting at the level whose previous regular posting was at another level, or had none
         (SELECT max(y.start_date)::text FROM reg y
           WHERE y.cadre_id = runs.cadre_id AND y.level = runs.level AND y.start_date <= runs.start_date
             AND (SELECT prev.level FROM reg prev WHERE prev.cadre_id = y.cadre_id AND prev.start_date < y.start_date
                   ORDER BY prev.start_date DESC LIMIT 1) IS DISTINCT FROM y.level) AS level_entered_on
    FROM runs ORDER BY 1`;

const STORED = `
  SELECT posting_id::text, cadre_id::text, unit_id::text, level, start_date::text, end_date::text,
         post_run_start::text, post_run_posting_ids::text, level_run_start::text, earlier_level_days,
         level_entered_on::text
    FROM posting_run ORDER BY 1`;

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('posting_run: precomputed runs', () => {
  let t: TestApp;
  let units: string[];
  beforeAll(async () => {
    t = await createTestApp();
    units = [(await makeUnit(t.ds)).id, (await makeUnit(t.ds)).id];
  });
  afterAll(() => t.close());

  const expectConsistent = async () => {
    const [reference, stored] = await Promise.all([t.ds.query(REFERENCE), t.ds.query(STORED)]);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(reference);
  };

  it('follows inserts, updates, deletes and kind changes made by any SQL statement, bulk or single', async () => {
    const next = random(20261127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const cadres: string[] = [];
    for (let i = 0; i < 12; i++) cadres.push((await makeCadre(t.ds)).id);
    const levels = ['TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF', 'CLERK_1'];

    // Careers of postings with gaps of 0–2 days or around the re-appointment tolerance, in two units at up to
    // three levels.
    for (const cadreId of cadres) {
      let start = addDays('2004-01-01', Math.floor(next() * 400));
      for (let k = 0; k < 5; k++) {
        const end = addDays(start, 200 + Math.floor(next() * 900));
        await makePosting(t.ds, cadreId, pick(units), {
          level: pick(levels),
          kind: next() < 0.15 ? 'TEMPORARY_ASSIGNMENT' : 'REGULAR',
          startDate: start,
          endDate: k === 4 ? null : end,
        });
        start = addDays(end, 1 + Math.floor(next() * 3) + (next() < 0.4 ? GAP - 1 : 0));
      }
    }
    await expectConsistent();

    for (let round = 0; round < 8; round++) {
      const rows: { id: string; cadre_id: string }[] = await t.ds.query(
        `SELECT id, cadre_id FROM posting WHERE cadre_id = ANY($1) ORDER BY id`,
        [cadres],
      );
      const some = rows.filter(() => next() < 0.3).map((r) => r.id);
      switch (round % 4) {
        case 0: // move boundaries: a gap opens or closes (the constraint check waits for the statement's end)
          await t.ds.query(
            `UPDATE posting SET start_date = start_date + (CASE WHEN random() < 0.5 THEN 1 ELSE -1 END)
              WHERE id = ANY($1) AND NOT EXISTS (
                SELECT 1 FROM posting o WHERE o.cadre_id = posting.cadre_id AND o.id <> posting.id
                   AND o.kind = 'REGULAR' AND o.end_date >= posting.start_date - 2 AND o.start_date < posting.start_date)`,
            [some],
          );
          break;
        case 1: // a level or a unit changes, in bulk
          await t.ds.query(
            `UPDATE posting SET level = CASE WHEN level = 'TOWNSHIP_CHIEF' THEN 'TOWNSHIP_DEPUTY' ELSE 'TOWNSHIP_CHIEF' END,
                                unit_id = CASE WHEN random() < 0.5 THEN $2::uuid ELSE unit_id END
              WHERE id = ANY($1)`,
            [some, units[1]],
          );
          break;
        case 2: // postings deleted, and a regular posting turned into a temporary assignment
          await t.ds.query(`DELETE FROM posting WHERE id = ANY($1)`, [some.slice(0, 3)]);
          await t.ds.query(`UPDATE posting SET kind = 'TEMPORARY_ASSIGNMENT' WHERE id = ANY($1)`, [
            some.slice(3, 5),
          ]);
          break;
        default: // a title edit touches no run; a cadre removed takes its postings with it
          await t.ds.query(`UPDATE posting SET title = title || ' (renamed)' WHERE id = ANY($1)`, [some]);
          await t.ds.query(`DELETE FROM cadre WHERE id = $1`, [cadres.pop()]);
      }
      await expectConsistent();
    }
  });

  it('stays right when two transactions add postings of one cadre at the same time', async () => {
    const { id: cadreId } = await makeCadre(t.ds);
    const insert = `INSERT INTO posting (cadre_id, unit_id, title, level, start_date, end_date)
                    VALUES ($1, $2, 'Township head', 'TOWNSHIP_CHIEF', $3, $4) RETURNING id`;
    const first = t.ds.createQueryRunner();
    const second = t.ds.createQueryRunner();
    try {
      await first.startTransaction();
      await second.startTransaction();
      // Each alone would compute the runs without the other's posting; together they are one run from 2010.
      await first.query(insert, [cadreId, units[0], '2010-01-01', '2014-12-31']);
      const later = second.query(insert, [cadreId, units[0], '2015-01-01', null]);
      await new Promise((r) => setTimeout(r, 200)); // the second now waits for the first's lock on the cadre
      await first.commitTransaction();
      await later;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    const rows: { post_run_start: string; n: number }[] = await t.ds.query(
      `SELECT post_run_start::text, cardinality(post_run_posting_ids) AS n FROM posting_run
        WHERE cadre_id = $1 ORDER BY start_date`,
      [cadreId],
    );
    expect(rows).toEqual([
      { post_run_start: '2010-01-01', n: 1 },
      { post_run_start: '2010-01-01', n: 2 },
    ]);
    await expectConsistent();
  });

  it('moves the POST_LIMIT_SAME_POST date when the API closes a gap, ends, deletes or adds a posting', async () => {
    const { id: cadreId } = await makeCadre(t.ds, { workStartDate: '2000-07-01', birthDate: '1978-01-01' });
    const record = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { id } }`;
    const posting = async (startDate: string, endDate: string | null): Promise<string> =>
      ok(
        await t.gql(record, {
          input: {
            cadreId,
            unitId: units[0],
            title: 'Township head',
            level: 'TOWNSHIP_CHIEF',
            startDate,
            endDate,
          },
        }),
      ).recordPosting.id as string;
    const since = async () => {
      const f = (await flagsOf(t, cadreId, '2026-11-27')).find((x) => x.ruleId === 'POST_LIMIT_SAME_POST');
      return f ? { code: f.code, since: f.facts.since, postingIds: f.facts.postingIds } : null;
    };

    const first = await posting('2012-01-01', '2015-12-31');
    // 2016-01-01 to 2016-03-31 without a posting: 91 days, one more than the re-appointment gap: a new run
    expect(GAP).toBe(90);
    const second = await posting('2016-04-01', null);
    expect(await since()).toEqual({
      code: 'POSTING_LIMIT_EXCEEDED',
      since: '2016-04-01',
      postingIds: [second],
    });

    // Narrowing the gap to the tolerance (90 days) joins the runs: in the same post since 2012.
    ok(
      await t.gql(`mutation($input: UpdatePostingInput!) { updatePosting(input: $input) { id } }`, {
        input: { id: second, startDate: '2016-03-31' },
      }),
    );
    expect(await since()).toEqual({
      code: 'POSTING_LIMIT_EXCEEDED',
      since: '2012-01-01',
      postingIds: [first, second],
    });

    // Ending the current posting before asOf: no current post, no flag.
    ok(await t.gql(`mutation { endPosting(id: "${second}", endDate: "2026-06-30") { id } }`));
    expect(await since()).toBeNull();

    // A new posting in the same post the day after continues the run.
    const third = await posting('2026-07-01', null);
    expect(await since()).toEqual({
      code: 'POSTING_LIMIT_EXCEEDED',
      since: '2012-01-01',
      postingIds: [first, second, third],
    });

    // Deleting the first posting (entered by mistake) starts the run in 2016.
    ok(await t.gql(`mutation { deletePosting(id: "${first}") }`));
    expect(await since()).toEqual({
      code: 'POSTING_LIMIT_EXCEEDED',
      since: '2016-03-31',
      postingIds: [second, third],
    });
    await expectConsistent();
  });
});
