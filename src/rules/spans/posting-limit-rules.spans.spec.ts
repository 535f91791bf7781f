import { Client } from 'pg';
import { createFileDatabase, FileDatabase } from '../../../test/test-database';
import { DEFAULT_POLICY } from '../../policy/default-policy';
import { RuleId } from '../../policy/policy.types';
import { addDays } from '../dates';
import { recomputeSpans } from './span-spec-helpers';

/**
 * The span SQL of LEVEL_LIMIT_SAME_AREA, TERM_LIMIT and TOWNSHIP_MIN_SERVICE at their boundaries, and the
 * re-appointment gap tolerance of posting_run (REAPPOINTMENT_GAP) at tolerance − 1, tolerance and tolerance + 1
 * days. Each rule's spanSql runs as the installer runs it: one statement in a plpgsql function over `ids`.
 */

interface Span {
  code: string;
  severity: string;
  from: string;
  to: string | null;
  facts: Record<string, unknown>;
}

const VERSION_CUT = '2026-12-05';
const TOLERANCE = DEFAULT_POLICY.rules.REAPPOINTMENT_GAP.params.days;

describe('posting-limit span rules', () => {
  let db: FileDatabase;
  let c: Client;
  const unit: Record<string, string> = {};

  const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await c.query(sql, params)).rows as T[];

  async function addUnit(code: string, level: string, kind: string, parent?: string): Promise<void> {
    const [{ id }] = await q<{ id: string }>(
      `INSERT INTO unit (code, name, level, kind, parent_id) VALUES ($1, $1, $2, $3, $4) RETURNING id`,
      [code, level, kind, parent ? unit[parent] : null],
    );
    unit[code] = id;
  }

  let n = 0;
  async function cadre(
    postings: [string, string, string, string | null][],
    kind = 'REGULAR',
  ): Promise<string> {
    n += 1;
    const [{ id }] = await q<{ id: string }>(
      `INSERT INTO cadre (external_id, name, gender, birth_date, work_start_date, education_level)
       VALUES ($1, $1, 'MALE', '1970-01-01', '1992-07-01', 'BACHELOR') RETURNING id`,
      [`SPAN-RULE-${n}`],
    );
    for (const [u, level, start, end] of postings) {
      await q(
        `INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date, end_date)
         VALUES ($1, $2, 'post', $3, $4, $5, $6)`,
        [id, unit[u], level, kind, start, end],
      );
    }
    return id;
  }

  /** The rule's spans for one cadre, computed by its spanSql now. */
  async function spans(rule: RuleId, cadreId: string): Promise<Span[]> {
    await recomputeSpans(c, rule, cadreId);
    const rows = await q<Span>(
      `SELECT code, severity, to_char(valid_from, 'YYYY-MM-DD') AS "from", to_char(valid_to, 'YYYY-MM-DD') AS "to",
              facts FROM rule_span WHERE rule_id = $1 AND cadre_id = $2 ORDER BY valid_from, code`,
      [rule, cadreId],
    );
    // One span where a version boundary alone cuts it: from 2026-12-05 a migration may have published this
    // round's policy after the code's default (the same thresholds for these rules).
    return rows.reduce<Span[]>((out, x) => {
      const last = out.at(-1);
      const cut = last?.to === VERSION_CUT && x.from === VERSION_CUT;
      if (last && cut && last.code === x.code && last.severity === x.severity)
        out[out.length - 1] = { ...last, to: x.to };
      else out.push(x);
      return out;
    }, []);
  }
  const brief = (xs: Span[]) => xs.map((s) => [s.code, s.severity, s.from, s.to]);

  beforeAll(async () => {
    db = await createFileDatabase();
    c = new Client({ connectionString: db.url });
    await c.connect();
    await addUnit('SR-CITY', 'PREFECTURE', 'GOVERNMENT');
    await addUnit('SR-C', 'COUNTY', 'GOVERNMENT', 'SR-CITY');
    await addUnit('SR-CP', 'COUNTY', 'PARTY_COMMITTEE', 'SR-C');
    await addUnit('SR-CB', 'COUNTY', 'PUBLIC_INSTITUTION', 'SR-C');
    await addUnit('SR-T1', 'TOWNSHIP', 'GOVERNMENT', 'SR-C');
    await addUnit('SR-T1P', 'TOWNSHIP', 'PARTY_COMMITTEE', 'SR-T1');
    await addUnit('SR-T2', 'TOWNSHIP', 'GOVERNMENT', 'SR-C');
  });
  afterAll(async () => {
    await c.end();
    await db.drop();
  });

  describe('REAPPOINTMENT_GAP in posting_run', () => {
    const run = async (gap: number) => {
      const end = '2014-12-31';
      const id = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', end],
        ['SR-T1', 'TOWNSHIP_CHIEF', addDays(end, gap + 1), null],
      ]);
      const [r] = await q<{ post: string; level: string; ids: number }>(
        `SELECT to_char(post_run_start, 'YYYY-MM-DD') AS post, to_char(level_run_start, 'YYYY-MM-DD') AS level,
                cardinality(post_run_posting_ids) AS ids
           FROM posting_run WHERE cadre_id = $1 ORDER BY start_date DESC LIMIT 1`,
        [id],
      );
      return r;
    };

    it(`keeps the post and level runs across a gap of ${TOLERANCE - 1} and ${TOLERANCE} days`, async () => {
      expect(await run(TOLERANCE - 1)).toEqual({ post: '2010-01-01', level: '2010-01-01', ids: 2 });
      expect(await run(TOLERANCE)).toEqual({ post: '2010-01-01', level: '2010-01-01', ids: 2 });
    });

    it(`breaks them at ${TOLERANCE + 1} days`, async () => {
      const start = addDays('2014-12-31', TOLERANCE + 2);
      expect(await run(TOLERANCE + 1)).toEqual({ post: start, level: start, ids: 1 });
    });

    it('keeps the level run (time in level, induction) across a gap into another unit at the level', async () => {
      const id = await cadre([
        ['SR-T1', 'TOWNSHIP_DEPUTY', '2016-01-01', '2018-12-31'],
        ['SR-T2', 'TOWNSHIP_DEPUTY', addDays('2018-12-31', TOLERANCE + 1), null],
      ]);
      const [r] = await q<{ post: string; level: string }>(
        `SELECT to_char(post_run_start, 'YYYY-MM-DD') AS post, to_char(level_run_start, 'YYYY-MM-DD') AS level
           FROM posting_run WHERE cadre_id = $1 ORDER BY start_date DESC LIMIT 1`,
        [id],
      );
      expect(r).toEqual({ post: addDays('2018-12-31', TOLERANCE + 1), level: '2016-01-01' });
    });
  });

  describe('TERM_LIMIT', () => {
    it('one record: two five-year terms, then WARNING before and in a third', async () => {
      const id = await cadre([['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', null]]);
      const s = await spans('TERM_LIMIT', id);
      expect(brief(s)).toEqual([
        ['POSTING_LIMIT_APPROACHING', 'WARNING', '2019-07-01', '2020-01-01'],
        ['POSTING_LIMIT_EXCEEDED', 'WARNING', '2020-01-01', null],
      ]);
      expect(s[1].facts).toMatchObject({
        terms: 2,
        termStarts: ['2010-01-01', '2015-01-01'],
        limitDate: '2020-01-01',
      });
    });

    it('a re-appointment record starts a term: the third begins with the second re-election', async () => {
      const id = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', '2012-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', '2013-01-01', null],
      ]);
      expect(brief(await spans('TERM_LIMIT', id))).toEqual([
        ['POSTING_LIMIT_APPROACHING', 'WARNING', '2017-07-01', '2018-01-01'],
        ['POSTING_LIMIT_EXCEEDED', 'WARNING', '2018-01-01', null],
      ]);
    });

    it(`a gap of ${TOLERANCE} days keeps the terms consecutive; ${TOLERANCE + 1} days starts afresh`, async () => {
      const within = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', '2014-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', addDays('2014-12-31', TOLERANCE + 1), null],
      ]);
      const second = addDays('2014-12-31', TOLERANCE + 1);
      const third = `${Number(second.slice(0, 4)) + 5}${second.slice(4)}`;
      expect(brief(await spans('TERM_LIMIT', within)).at(-1)).toEqual([
        'POSTING_LIMIT_EXCEEDED',
        'WARNING',
        third,
        null,
      ]);
      const after = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', '2014-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', addDays('2014-12-31', TOLERANCE + 2), null],
      ]);
      const fresh = addDays('2014-12-31', TOLERANCE + 2);
      expect(brief(await spans('TERM_LIMIT', after)).at(-1)).toEqual([
        'POSTING_LIMIT_EXCEEDED',
        'WARNING',
        `${Number(fresh.slice(0, 4)) + 10}${fresh.slice(4)}`,
        null,
      ]);
    });

    it('a post left a day before the third term began raises nothing', async () => {
      const id = await cadre([['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', '2019-12-31']]);
      expect(await spans('TERM_LIMIT', id)).toEqual([]);
      const stays = await cadre([['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', '2020-01-01']]);
      expect(brief(await spans('TERM_LIMIT', stays))).toEqual([
        ['POSTING_LIMIT_APPROACHING', 'WARNING', '2019-07-01', '2020-01-01'],
        ['POSTING_LIMIT_EXCEEDED', 'WARNING', '2020-01-01', '2020-01-02'],
      ]);
    });

    it('non-leadership levels have no terms', async () => {
      const id = await cadre([['SR-T1', 'CLERK_1', '2000-01-01', null]]);
      expect(await spans('TERM_LIMIT', id)).toEqual([]);
    });
  });

  describe('LEVEL_LIMIT_SAME_AREA', () => {
    it("moving between the county Party committee and government keeps one area's clock", async () => {
      const id = await cadre([
        ['SR-CP', 'COUNTY_DEPUTY', '2012-01-01', '2016-12-31'],
        ['SR-C', 'COUNTY_DEPUTY', '2017-01-01', null],
      ]);
      const s = await spans('LEVEL_LIMIT_SAME_AREA', id);
      expect(brief(s)).toEqual([
        ['POSTING_LIMIT_APPROACHING', 'WARNING', '2021-07-01', '2022-01-01'],
        ['POSTING_LIMIT_EXCEEDED', 'WARNING', '2022-01-01', null],
      ]);
      expect(s[1].facts).toMatchObject({ areaUnitId: unit['SR-C'], since: '2012-01-01', limitYears: 10 });
    });

    it("a township's Party committee and government are the township's area, not the county's", async () => {
      const id = await cadre([
        ['SR-C', 'TOWNSHIP_CHIEF', '2008-01-01', '2011-12-31'],
        ['SR-T1P', 'TOWNSHIP_CHIEF', '2012-01-01', '2016-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', '2017-01-01', null],
      ]);
      const s = await spans('LEVEL_LIMIT_SAME_AREA', id);
      expect(s.map((x) => [x.code, x.from, x.facts.areaUnitId])).toEqual([
        ['POSTING_LIMIT_APPROACHING', '2021-07-01', unit['SR-T1']],
        ['POSTING_LIMIT_EXCEEDED', '2022-01-01', unit['SR-T1']],
      ]);
    });

    it('another township, another level or a unit kind outside the rule starts or stops the clock', async () => {
      const moved = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2008-01-01', '2013-12-31'],
        ['SR-T2', 'TOWNSHIP_CHIEF', '2014-01-01', null],
      ]);
      expect((await spans('LEVEL_LIMIT_SAME_AREA', moved)).map((x) => x.from)).toEqual([
        '2023-07-01',
        '2024-01-01',
      ]);
      const promoted = await cadre([
        ['SR-T1', 'TOWNSHIP_DEPUTY', '2008-01-01', '2013-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', '2014-01-01', null],
      ]);
      expect((await spans('LEVEL_LIMIT_SAME_AREA', promoted)).map((x) => x.from)).toEqual([
        '2023-07-01',
        '2024-01-01',
      ]);
      const institution = await cadre([['SR-CB', 'TOWNSHIP_CHIEF', '2000-01-01', null]]);
      expect(await spans('LEVEL_LIMIT_SAME_AREA', institution)).toEqual([]);
    });

    it(`in one area, a gap of ${TOLERANCE} days continues the run and ${TOLERANCE + 1} does not`, async () => {
      const at = async (gap: number) =>
        (
          await spans(
            'LEVEL_LIMIT_SAME_AREA',
            await cadre([
              ['SR-CP', 'COUNTY_DEPUTY', '2010-01-01', '2014-12-31'],
              ['SR-C', 'COUNTY_DEPUTY', addDays('2014-12-31', gap + 1), null],
            ]),
          )
        ).at(-1)?.facts.since;
      expect(await at(TOLERANCE - 1)).toBe('2010-01-01');
      expect(await at(TOLERANCE)).toBe('2010-01-01');
      expect(await at(TOLERANCE + 1)).toBe(addDays('2014-12-31', TOLERANCE + 2));
    });
  });

  describe('TOWNSHIP_MIN_SERVICE', () => {
    const years = DEFAULT_POLICY.rules.TOWNSHIP_MIN_SERVICE.params.years;
    const met = `${2020 + years}-03-01`;

    it('a move to the county before the minimum: a WARNING on the new posting until the minimum is met', async () => {
      const id = await cadre([
        ['SR-T1', 'CLERK_1', '2020-03-01', '2023-02-28'],
        ['SR-C', 'CLERK_1', '2023-03-01', null],
      ]);
      const s = await spans('TOWNSHIP_MIN_SERVICE', id);
      expect(brief(s)).toEqual([['MIN_SERVICE_NOT_MET', 'WARNING', '2023-03-01', met]]);
      expect(s[0].facts).toMatchObject({
        recruitedOn: '2020-03-01',
        minServiceMetOn: met,
        transferredOn: '2023-03-01',
      });
    });

    it('a move on the day the minimum is met raises nothing; the day before, one day', async () => {
      const onTime = await cadre([
        ['SR-T1', 'CLERK_1', '2020-03-01', addDays(met, -1)],
        ['SR-C', 'CLERK_1', met, null],
      ]);
      expect(await spans('TOWNSHIP_MIN_SERVICE', onTime)).toEqual([]);
      const early = await cadre([
        ['SR-T1', 'CLERK_1', '2020-03-01', addDays(met, -2)],
        ['SR-C', 'CLERK_1', addDays(met, -1), null],
      ]);
      expect(brief(await spans('TOWNSHIP_MIN_SERVICE', early))).toEqual([
        ['MIN_SERVICE_NOT_MET', 'WARNING', addDays(met, -1), met],
      ]);
    });

    it('a cadre who started in the county, or moves between townships, is not flagged', async () => {
      const county = await cadre([
        ['SR-C', 'CLERK_1', '2020-03-01', '2021-02-28'],
        ['SR-CITY', 'CLERK_1', '2021-03-01', null],
      ]);
      expect(await spans('TOWNSHIP_MIN_SERVICE', county)).toEqual([]);
      const sideways = await cadre([
        ['SR-T1', 'CLERK_1', '2020-03-01', '2021-02-28'],
        ['SR-T2', 'CLERK_1', '2021-03-01', null],
      ]);
      expect(await spans('TOWNSHIP_MIN_SERVICE', sideways)).toEqual([]);
    });
  });

  describe('a policy version without the rules, or with another tolerance', () => {
    it('yields no span while it is in force, and its tolerance judges re-appointments made under it', async () => {
      const open = await cadre([['SR-T1', 'TOWNSHIP_CHIEF', '2010-01-01', null]]);
      const rejoined = await cadre([
        ['SR-T1', 'TOWNSHIP_CHIEF', '2028-01-01', '2030-12-31'],
        ['SR-T1', 'TOWNSHIP_CHIEF', '2031-02-01', null],
      ]);
      const doc = structuredClone(DEFAULT_POLICY) as unknown as { rules: Record<string, unknown> };
      delete doc.rules.TERM_LIMIT;
      doc.rules.REAPPOINTMENT_GAP = { ...(doc.rules.REAPPOINTMENT_GAP as object), params: { days: 10 } };
      await q(
        `INSERT INTO policy_version (version, effective_from, document)
         SELECT max(version) + 1, '2030-01-01', $1 FROM policy_version`,
        [JSON.stringify(doc)],
      );
      expect(brief(await spans('TERM_LIMIT', open)).at(-1)).toEqual([
        'POSTING_LIMIT_EXCEEDED',
        'WARNING',
        '2020-01-01',
        '2030-01-01',
      ]);
      const [r] = await q<{ post: string }>(
        `SELECT to_char(post_run_start, 'YYYY-MM-DD') AS post FROM posting_run WHERE cadre_id = $1
          ORDER BY start_date DESC LIMIT 1`,
        [rejoined],
      );
      expect(r.post).toBe('2031-02-01');
    });
  });
});
