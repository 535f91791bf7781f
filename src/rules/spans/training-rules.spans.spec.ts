import { Client } from 'pg';
import { createFileDatabase, FileDatabase } from '../../../test/test-database';
import { DEFAULT_POLICY } from '../../policy/default-policy';
import { RuleId } from '../../policy/policy.types';
import { addDays } from '../dates';
import { recomputeSpans } from './span-spec-helpers';

/**
 * The span SQL of TRAINING_ANNUAL and TRAINING_5Y (training-shortfall.sql.ts) at their boundaries: 1 January,
 * 31 December, 29 February, the day of entry to the band, the day the band has lasted windowYears, and a
 * re-appointment gap of tolerance − 1, tolerance and tolerance + 1 days. Each spanSql runs as the installer runs
 * it: one statement in a plpgsql function over `ids`. The postings end before 2026-12-05, where a version from a
 * migration (without the new params) takes over. The flags evaluated on the fly equal these spans on generated
 * careers and dates (rule-spans.oracle.spec.ts).
 */

interface Span {
  severity: string;
  from: string;
  to: string | null;
}

const TOLERANCE = DEFAULT_POLICY.rules.REAPPOINTMENT_GAP.params.days;

describe('training span rules', () => {
  let db: FileDatabase;
  let c: Client;
  let unitId: string;

  const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await c.query(sql, params)).rows as T[];

  let n = 0;
  async function cadre(postings: [string, string, string | null][]): Promise<string> {
    n += 1;
    const [{ id }] = await q<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
       VALUES ($1, $1, 'MALE', '1970-01-01', '1992-07-01', 'BACHELOR') RETURNING id`,
      [`SPAN-TRAINING-${n}`],
    );
    for (const [level, start, end] of postings) {
      await q(
        `INSERT INTO posting (cadre_id, unit_id, title, level, start_date, end_date)
         VALUES ($1, $2, 'post', $3, $4, $5)`,
        [id, unitId, level, start, end],
      );
    }
    return id;
  }

  async function course(cadreId: string, start: string, end: string, hours: number, kind = 'PARTY_SCHOOL') {
    await q(
      `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
       VALUES ($1, 'course', $2, $3, $4, $5)`,
      [cadreId, kind, start, end, hours],
    );
  }

  /** The rule's spans for one cadre, computed by its spanSql now. */
  async function spans(rule: RuleId, cadreId: string): Promise<[string, string, string | null][]> {
    await recomputeSpans(c, rule, cadreId);
    const rows = await q<Span>(
      `SELECT severity, to_char(valid_from, 'YYYY-MM-DD') AS "from", to_char(valid_to, 'YYYY-MM-DD') AS "to"
         FROM rule_span WHERE rule_id = $1 AND cadre_id = $2 ORDER BY valid_from`,
      [rule, cadreId],
    );
    return rows.map((s) => [s.severity, s.from, s.to]);
  }

  beforeAll(async () => {
    db = await createFileDatabase();
    c = new Client({ connectionString: db.url });
    await c.connect();
    [{ id: unitId }] = await q<{ id: string }>(
      `INSERT INTO unit (code, name, level, kind) VALUES ('TR-T', 'TR-T', 'TOWNSHIP', 'GOVERNMENT') RETURNING id`,
    );
  });
  afterAll(async () => {
    await c.end();
    await db.drop();
  });

  describe('TRAINING_ANNUAL', () => {
    it('current year INFO from the day after entry or 1 January; a short completed year WARNING the year after', async () => {
      const id = await cadre([['TOWNSHIP_DEPUTY', '2020-01-01', '2026-06-30']]);
      await course(id, '2025-06-01', '2025-06-01', 90); // 2025 met
      expect(await spans('TRAINING_ANNUAL', id)).toEqual([
        // 2020, the year of entry: nothing due on the day of entry
        ['INFO', '2020-01-02', '2021-01-01'],
        // 2020 … 2024 had no training: each following year is a WARNING, 1 January included
        ['WARNING', '2021-01-01', '2026-01-01'],
        // 2025 met: 2026 is judged as it runs, nothing due on 1 January; to the posting's end
        ['INFO', '2026-01-02', '2026-07-01'],
      ]);
    });

    it('29 February: 14.5 hours are enough on 28 February (58 / 366 × 90 = 14.26), not on the 29th (14.51)', async () => {
      const id = await cadre([['TOWNSHIP_CHIEF', '2020-01-01', '2025-06-30']]);
      await course(id, '2023-06-01', '2023-06-01', 90);
      await course(id, '2024-02-28', '2024-02-28', 14.5);
      expect(await spans('TRAINING_ANNUAL', id)).toEqual([
        ['INFO', '2020-01-02', '2021-01-01'],
        ['WARNING', '2021-01-01', '2024-01-01'],
        ['INFO', '2024-01-02', '2024-02-28'],
        ['INFO', '2024-02-29', '2025-01-01'],
        ['WARNING', '2025-01-01', '2025-07-01'],
      ]);
    });

    it('31 December and the year of entry pro-rated: 37.8 hours meet 153 days of 2025 (37.73), 37.7 do not', async () => {
      const met = await cadre([['CLERK_1', '2025-08-01', '2026-03-31']]);
      await course(met, '2025-12-31', '2025-12-31', 37.8);
      const short = await cadre([['CLERK_1', '2025-08-01', '2026-03-31']]);
      await course(short, '2025-12-31', '2025-12-31', 37.7);
      // by 30 December 151 days are due (37.23 hours): short until the course ends on 31 December
      expect(await spans('TRAINING_ANNUAL', met)).toEqual([
        ['INFO', '2025-08-02', '2025-12-31'],
        ['INFO', '2026-01-02', '2026-04-01'],
      ]);
      expect(await spans('TRAINING_ANNUAL', short)).toEqual([
        ['INFO', '2025-08-02', '2025-12-31'],
        ['WARNING', '2026-01-01', '2026-04-01'],
      ]);
    });

    it('12 days of centralised training meet a year; online and on-the-job hours never count', async () => {
      const id = await cadre([['TOWNSHIP_DEPUTY', '2024-01-01', '2025-12-31']]);
      await course(id, '2024-03-01', '2024-03-12', 20, 'FULL_TIME_CLASS');
      await course(id, '2025-03-01', '2025-03-31', 300, 'ONLINE');
      await course(id, '2025-04-01', '2025-04-30', 300, 'ON_THE_JOB');
      expect(await spans('TRAINING_ANNUAL', id)).toEqual([
        // 2024: short from 2 January until the class ends on 12 March (20 hours ≥ 90 × 71 / 366 then); its 12 days
        // meet the whole year, so 2025 is judged as it runs
        ['INFO', '2024-01-02', '2024-03-12'],
        ['INFO', '2025-01-02', '2026-01-01'],
      ]);
    });
  });

  describe('TRAINING_5Y', () => {
    it('pro-rated (INFO) from the day after entry to the band, in full (WARNING) once it has lasted 5 years', async () => {
      const id = await cadre([
        ['TOWNSHIP_CHIEF', '2015-01-01', '2021-02-28'],
        ['COUNTY_DEPUTY', '2021-03-01', '2026-06-30'],
      ]);
      await course(id, '2021-02-20', '2021-02-28', 550); // before entry: does not count
      expect(await spans('TRAINING_5Y', id)).toEqual([
        ['INFO', '2021-03-02', '2026-03-01'],
        ['WARNING', '2026-03-01', '2026-07-01'],
      ]);
    });

    it('a course on the day of entry counts until it leaves the window', async () => {
      const id = await cadre([['COUNTY_DEPUTY', '2020-03-01', '2026-06-30']]);
      await course(id, '2020-03-01', '2020-03-01', 550);
      expect(await spans('TRAINING_5Y', id)).toEqual([['WARNING', '2025-03-01', '2026-07-01']]);
    });

    it.each([
      [TOLERANCE - 1, false],
      [TOLERANCE, false],
      [TOLERANCE + 1, true],
    ])('a re-appointment after %i days keeps the band (or starts a new one: %s)', async (gap, fresh) => {
      const end = '2020-12-31';
      const again = addDays(end, gap + 1);
      const id = await cadre([
        ['COUNTY_DEPUTY', '2015-01-01', end],
        ['COUNTY_DEPUTY', again, '2022-06-30'],
      ]);
      expect(await spans('TRAINING_5Y', id)).toEqual([
        ['INFO', '2015-01-02', '2020-01-01'],
        ['WARNING', '2020-01-01', '2021-01-01'],
        fresh ? ['INFO', addDays(again, 1), '2022-07-01'] : ['WARNING', again, '2022-07-01'],
      ]);
    });
  });
});
