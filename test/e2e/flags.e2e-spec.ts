import { DEFAULT_POLICY } from '../../src/policy/default-policy';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { flagsOf } from './flags-helpers';

const PUBLISH = `mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { version } }`;

type P = {
  unit?: 'A' | 'B';
  level?: string;
  kind?: string;
  title?: string;
  startDate: string;
  endDate?: string | null;
};

describe('flags: posting limits', () => {
  let t: TestApp;
  let units: Record<'A' | 'B', string>;
  beforeAll(async () => {
    t = await createTestApp();
    // County governments: the same-post limit binds there ("must rotate", CRITICAL once exceeded).
    units = {
      A: (await makeUnit(t.ds, { level: 'COUNTY' })).id,
      B: (await makeUnit(t.ds, { level: 'COUNTY' })).id,
    };
  });
  afterAll(() => t.close());

  async function cadreWith(postings: P[], unitIds = units): Promise<{ id: string; postingIds: string[] }> {
    const { id } = await makeCadre(t.ds, { workStartDate: '2000-07-01', birthDate: '1978-01-01' });
    const postingIds: string[] = [];
    for (const p of postings) {
      const { unit = 'A', ...rest } = p;
      postingIds.push((await makePosting(t.ds, id, unitIds[unit], { endDate: null, ...rest })).id);
    }
    return { id, postingIds };
  }

  const samePost = async (cadreId: string, asOf: string) =>
    (await flagsOf(t, cadreId, asOf)).filter((f) => f.ruleId === 'POST_LIMIT_SAME_POST');

  it.each<[string, P[], string, string | null, Record<string, unknown>?]>([
    [
      'exact anniversary: exceeded on the day',
      [{ startDate: '2016-03-01' }],
      '2026-03-01',
      'POSTING_LIMIT_EXCEEDED',
      { limitDate: '2026-03-01', since: '2016-03-01', limitYears: 10 },
    ],
    [
      'the day before: approaching',
      [{ startDate: '2016-03-01' }],
      '2026-02-28',
      'POSTING_LIMIT_APPROACHING',
      { limitDate: '2026-03-01' },
    ],
    [
      'window edge: exactly 6 months before',
      [{ startDate: '2016-03-01' }],
      '2025-09-01',
      'POSTING_LIMIT_APPROACHING',
      { limitDate: '2026-03-01' },
    ],
    ['a day before the window', [{ startDate: '2016-03-01' }], '2025-08-31', null],
    [
      'leap-day start: limit on Feb 28',
      [{ startDate: '2016-02-29' }],
      '2026-02-28',
      'POSTING_LIMIT_EXCEEDED',
      { limitDate: '2026-02-28' },
    ],
    [
      'leap-day start: the day before',
      [{ startDate: '2016-02-29' }],
      '2026-02-27',
      'POSTING_LIMIT_APPROACHING',
      { limitDate: '2026-02-28' },
    ],
    [
      'leap-day start into a leap year',
      [{ startDate: '2020-02-29' }],
      '2030-02-28',
      'POSTING_LIMIT_EXCEEDED',
      { limitDate: '2030-02-28' },
    ],
    [
      'ended the day before the limit: never passes it',
      [{ startDate: '2016-03-01', endDate: '2026-02-28' }],
      '2026-01-15',
      null,
    ],
    [
      'ended posting, asOf after it ended',
      [{ startDate: '2016-03-01', endDate: '2026-06-30' }],
      '2026-07-01',
      null,
    ],
    [
      'end date after asOf: still current',
      [{ startDate: '2016-03-01', endDate: '2026-06-30' }],
      '2026-03-01',
      'POSTING_LIMIT_EXCEEDED',
    ],
    [
      'adjacent postings in the same post chain',
      [{ startDate: '2010-01-01', endDate: '2015-12-31' }, { startDate: '2016-01-01' }],
      '2020-01-01',
      'POSTING_LIMIT_EXCEEDED',
      { since: '2010-01-01', limitDate: '2020-01-01' },
    ],
    [
      'a gap of more than REAPPOINTMENT_GAP (91 days) breaks the chain',
      [{ startDate: '2010-01-01', endDate: '2015-12-31' }, { startDate: '2016-04-01' }],
      '2026-03-31',
      'POSTING_LIMIT_APPROACHING',
      { since: '2016-04-01', limitDate: '2026-04-01' },
    ],
    [
      'a gap of REAPPOINTMENT_GAP (90 days, a re-election) keeps the chain',
      [{ startDate: '2010-01-01', endDate: '2015-12-31' }, { startDate: '2016-03-31' }],
      '2026-03-31',
      'POSTING_LIMIT_EXCEEDED',
      { since: '2010-01-01', limitDate: '2020-01-01' },
    ],
    [
      'same unit with a new title continues the chain',
      [
        { title: 'Deputy head', startDate: '2014-01-01', endDate: '2018-12-31' },
        { title: 'Deputy secretary', startDate: '2019-01-01' },
      ],
      '2024-01-01',
      'POSTING_LIMIT_EXCEEDED',
      { since: '2014-01-01' },
    ],
    [
      'another unit at the same level starts a new post',
      [
        { startDate: '2014-01-01', endDate: '2018-12-31' },
        { unit: 'B', startDate: '2019-01-01' },
      ],
      '2024-01-01',
      null,
    ],
    [
      'a new level in the same unit starts a new post',
      [
        { startDate: '2014-01-01', endDate: '2018-12-31' },
        { level: 'TOWNSHIP_CHIEF', startDate: '2019-01-01' },
      ],
      '2024-01-01',
      null,
    ],
    [
      'a temporary assignment overlapping the regular posting does not break it',
      [
        { startDate: '2016-03-01' },
        { unit: 'B', kind: 'TEMPORARY_ASSIGNMENT', startDate: '2020-01-01', endDate: '2021-12-31' },
      ],
      '2026-03-01',
      'POSTING_LIMIT_EXCEEDED',
      { since: '2016-03-01' },
    ],
    [
      'a temporary assignment in the same unit before the posting does not extend it',
      [
        { kind: 'TEMPORARY_ASSIGNMENT', startDate: '2015-01-01', endDate: '2017-02-28' },
        { startDate: '2017-03-01' },
      ],
      '2026-11-27',
      'POSTING_LIMIT_APPROACHING',
      { since: '2017-03-01', limitDate: '2027-03-01' },
    ],
    ['a posting that starts after asOf', [{ startDate: '2027-01-01' }], '2026-11-27', null],
    [
      'a rank (non-leadership) posting has no post limit',
      [{ level: 'CLERK_1', startDate: '2010-01-01' }],
      '2026-11-27',
      null,
    ],
  ])('%s', async (_name, postings, asOf, code, facts = {}) => {
    const c = await cadreWith(postings);
    const flags = await samePost(c.id, asOf);
    if (code === null) {
      expect(flags).toEqual([]);
      return;
    }
    expect(flags).toHaveLength(1);
    const [f] = flags;
    expect(f).toMatchObject({
      code,
      severity: code === 'POSTING_LIMIT_EXCEEDED' ? 'CRITICAL' : 'WARNING',
      // from 2026-12-05 a migration may have published this round's policy after the code's default
      policyVersion: asOf < '2026-12-05' ? 1 : expect.any(Number),
      source: expect.stringContaining('交流工作规定'),
      facts: {
        postingId: c.postingIds.filter((_, i) => !postings[i].kind).at(-1),
        unitId: expect.any(String),
        ...facts,
      },
    });
    expect(f.overBy).toBe((Date.parse(asOf) - Date.parse(f.facts.limitDate as string)) / 86_400_000);
    expect(f.message).toContain(f.facts.limitDate as string);
  });

  it('chains the postings of one post and names them all in the facts', async () => {
    const c = await cadreWith([
      { title: 'Deputy head', startDate: '2014-01-01', endDate: '2018-12-31' },
      { title: 'Deputy secretary', startDate: '2019-01-01' },
    ]);
    const [f] = await samePost(c.id, '2025-03-01');
    expect(f.facts).toMatchObject({ postingIds: c.postingIds, yearsInPost: 11.2, level: 'TOWNSHIP_DEPUTY' });
  });

  it.each<[string, { level: string; kind?: string }, string]>([
    ['a county government', { level: 'COUNTY' }, 'CRITICAL'],
    ['a county Party committee', { level: 'COUNTY', kind: 'PARTY_COMMITTEE' }, 'CRITICAL'],
    ['a prefecture government', { level: 'PREFECTURE' }, 'CRITICAL'],
    ['a township government ("should rotate")', { level: 'TOWNSHIP' }, 'WARNING'],
    ['a county public institution', { level: 'COUNTY', kind: 'PUBLIC_INSTITUTION' }, 'WARNING'],
  ])('POST_LIMIT_SAME_POST exceeded in %s is %s', async (_name, unit, severity) => {
    const A = (await makeUnit(t.ds, unit)).id;
    const c = await cadreWith([{ startDate: '2010-01-01' }], { A, B: A });
    expect(await samePost(c.id, '2026-11-27')).toEqual([
      expect.objectContaining({ code: 'POSTING_LIMIT_EXCEEDED', severity }),
    ]);
  });

  it.each<[string, P[], string, string | null, Record<string, unknown>?]>([
    [
      'total time at a level across units: exceeded at 15 years',
      [
        { level: 'TOWNSHIP_CHIEF', startDate: '2008-01-01', endDate: '2015-12-31' },
        { unit: 'B', level: 'TOWNSHIP_CHIEF', startDate: '2016-01-01' },
      ],
      '2023-01-01',
      'POSTING_LIMIT_EXCEEDED',
      { since: '2008-01-01', limitDate: '2023-01-01', earlierDays: 0 },
    ],
    [
      'earlier stints at the level bring the limit forward',
      [
        { level: 'TOWNSHIP_CHIEF', startDate: '2008-01-01', endDate: '2014-12-31' },
        { unit: 'B', level: 'TOWNSHIP_CHIEF', startDate: '2016-01-01' },
      ],
      '2023-07-01',
      'POSTING_LIMIT_APPROACHING',
      { since: '2016-01-01', earlierDays: 2557, limitDate: '2024-01-01' },
    ],
    [
      'the day before the window',
      [
        { level: 'TOWNSHIP_CHIEF', startDate: '2008-01-01', endDate: '2014-12-31' },
        { unit: 'B', level: 'TOWNSHIP_CHIEF', startDate: '2016-01-01' },
      ],
      '2023-06-30',
      null,
    ],
  ])('LEVEL_TOTAL_LIMIT: %s', async (_name, postings, asOf, code, facts = {}) => {
    const c = await cadreWith(postings);
    const flags = (await flagsOf(t, c.id, asOf)).filter((f) => f.ruleId === 'LEVEL_TOTAL_LIMIT');
    if (code === null) return expect(flags).toEqual([]);
    // A WARNING either way: it bars the next appointment at the level (art. 7), it does not order removal.
    expect(flags).toEqual([
      expect.objectContaining({
        code,
        severity: 'WARNING',
        source: expect.stringContaining('art. 7'),
        facts: expect.objectContaining({ limitYears: 15, ...facts }),
      }),
    ]);
  });
});

describe('flags: policy versions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('follows a newly published limit from its effective date; earlier dates keep the version before', async () => {
    // The latest version stored before (a fresh database may hold more than the code's default: a migration
    // publishes a round's policy from its date when the default has moved on).
    const [{ latest }]: { latest: number }[] = await t.ds.query(
      `SELECT max(version)::int AS latest FROM policy_version`,
    );
    const unitId = (await makeUnit(t.ds)).id;
    const { id } = await makeCadre(t.ds);
    await makePosting(t.ds, id, unitId, { startDate: '2081-06-01' });
    const document = JSON.parse(JSON.stringify(DEFAULT_POLICY)) as typeof DEFAULT_POLICY;
    document.rules.POST_LIMIT_SAME_POST.params.years = 8;
    ok(await t.gql(PUBLISH, { input: { effectiveFrom: '2090-01-01', note: 'Eight years', document } }));

    const before = await flagsOf(t, id, '2089-12-31');
    expect(before.filter((f) => f.ruleId === 'POST_LIMIT_SAME_POST')).toEqual([]);
    expect(new Set(before.map((f) => f.policyVersion))).toEqual(new Set([latest]));

    const after = (await flagsOf(t, id, '2090-01-01')).filter((f) => f.ruleId === 'POST_LIMIT_SAME_POST');
    expect(after).toEqual([
      expect.objectContaining({
        code: 'POSTING_LIMIT_EXCEEDED',
        policyVersion: latest + 1,
        facts: expect.objectContaining({ limitYears: 8, limitDate: '2089-06-01' }),
      }),
    ]);
  });
});
