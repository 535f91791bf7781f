import { seedDemo } from '../../src/seed/demo';
import { DEMO_CASES } from '../../src/seed/demo-cases';
import { DEMO_LAW_CASES } from '../../src/seed/demo-law-cases';
import { CareerGenerator } from '../../src/seed/career';
import { Prng } from '../../src/seed/prng';
import { newSeedRows } from '../../src/seed/rows';
import { seedSynthetic, SYNTHETIC_CAREER } from '../../src/seed/synthetic';
import { buildSyntheticUnits } from '../../src/seed/synthetic-units';
import { createTestApp, ok, TestApp } from '../app-factory';

const CADRE = `query($name: String!) { cadres(first: 5, filter: { name: $name }) { edges { node {
  id externalId name workStartDate educationLevel
  postings { title level kind startDate endDate unit { code level } }
  achievements { domain recognitionLevel verificationStatus
    impacts { indicator baseline result unit betterWhen } }
  trainings { classHours completed endDate }
  appraisals { year grade }
} } } }`;

interface Node {
  id: string;
  externalId: string;
  name: string;
  workStartDate: string;
  educationLevel: string;
  postings: {
    title: string;
    level: string;
    kind: string;
    startDate: string;
    endDate: string | null;
    unit: { code: string; level: string };
  }[];
  achievements: {
    domain: string;
    recognitionLevel: string;
    verificationStatus: string;
    impacts: { indicator: string; baseline: number; result: number; unit: string; betterWhen: string }[];
  }[];
  trainings: { classHours: number; completed: boolean; endDate: string }[];
  appraisals: { year: number; grade: string }[];
}

describe('seed', () => {
  let t: TestApp;
  const byId = new Map<string, Node>();

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDemo(t.ds)).toMatchObject({ created: true });
    for (const c of DEMO_CASES) {
      const res = ok(await t.gql<{ cadres: { edges: { node: Node }[] } }>(CADRE, { name: c.name }));
      // exactly one person has each case's name: generated names avoid them
      expect(res.cadres.edges).toHaveLength(1);
      byId.set(c.externalId, res.cadres.edges[0].node);
    }
  });
  afterAll(() => t.close());

  const regular = (n: Node): Node['postings'] => n.postings.filter((p) => p.kind === 'REGULAR');

  it('has the six example cases with fixed external ids in order', () => {
    expect(DEMO_CASES.map((c) => c.externalId)).toEqual([
      'DEMO-001',
      'DEMO-002',
      'DEMO-003',
      'DEMO-004',
      'DEMO-005',
      'DEMO-006',
    ]);
    for (const [externalId, node] of byId) expect(node.externalId).toBe(externalId);
  });

  it('case 1: deputy county head since 2020-06-01 with two verified achievements', () => {
    const c = byId.get('DEMO-001')!;
    expect(c.postings).toEqual([
      expect.objectContaining({
        level: 'COUNTY_DEPUTY',
        startDate: '2020-06-01',
        endDate: null,
        unit: { code: 'YL-XS', level: 'COUNTY' },
      }),
    ]);
    const byDomain = Object.fromEntries(c.achievements.map((a) => [a.domain, a]));
    expect(Object.keys(byDomain).sort()).toEqual(['AGRICULTURE_MARKETING', 'CULTURAL_TOURISM']);
    expect(byDomain.CULTURAL_TOURISM).toMatchObject({
      recognitionLevel: 'PROVINCE',
      verificationStatus: 'VERIFIED',
    });
    expect(byDomain.CULTURAL_TOURISM.impacts).toEqual([
      expect.objectContaining({ baseline: 180000, result: 410000, betterWhen: 'HIGHER' }),
    ]);
    expect(byDomain.AGRICULTURE_MARKETING).toMatchObject({
      recognitionLevel: 'COUNTY',
      verificationStatus: 'VERIFIED',
      impacts: [],
    });
  });

  it('case 2: township deputy then chief in another township, appraised COMPETENT or better 2009–2025', () => {
    const c = byId.get('DEMO-002')!;
    expect(c).toMatchObject({ workStartDate: '2008-07-01', educationLevel: 'BACHELOR' });
    const [deputy, chief] = c.postings;
    expect(c.postings).toHaveLength(2);
    expect(deputy).toMatchObject({
      level: 'TOWNSHIP_DEPUTY',
      startDate: '2011-07-01',
      endDate: '2015-08-31',
      unit: { level: 'TOWNSHIP' },
    });
    expect(chief).toMatchObject({ level: 'TOWNSHIP_CHIEF', startDate: '2015-09-01', endDate: null });
    expect(chief.unit.level).toBe('TOWNSHIP');
    expect(chief.unit.code).not.toBe(deputy.unit.code);
    expect(c.appraisals.map((a) => a.year)).toEqual(Array.from({ length: 17 }, (_, i) => 2009 + i));
    for (const a of c.appraisals) expect(['EXCELLENT', 'COMPETENT']).toContain(a.grade);
  });

  it('case 3: selected graduate, CLERK_1 in a township since 2025-08-01, 30 completed hours in 2026', () => {
    const c = byId.get('DEMO-003')!;
    expect(c.workStartDate).toBe('2025-08-01');
    expect(c.postings).toEqual([
      expect.objectContaining({
        level: 'CLERK_1',
        startDate: '2025-08-01',
        endDate: null,
        unit: expect.objectContaining({ level: 'TOWNSHIP' }),
      }),
    ]);
    const hours2026 = c.trainings
      .filter((tr) => tr.completed && tr.endDate.startsWith('2026-'))
      .reduce((sum, tr) => sum + tr.classHours, 0);
    expect(hours2026).toBe(30);
    expect(c.trainings.every((tr) => tr.completed)).toBe(true);
    expect(c.appraisals).toEqual([]);
  });

  it('case 4: PRINCIPAL_STAFF_2 in the city transport bureau, one verified TRANSPORT achievement 38.5 → 4.7 %', () => {
    const c = byId.get('DEMO-004')!;
    expect(regular(c)).toEqual([
      expect.objectContaining({
        level: 'PRINCIPAL_STAFF_2',
        endDate: null,
        unit: { code: 'YL-JTJ', level: 'PREFECTURE' },
      }),
    ]);
    expect(c.achievements).toEqual([
      {
        domain: 'TRANSPORT',
        recognitionLevel: 'UNIT',
        verificationStatus: 'VERIFIED',
        impacts: [
          {
            indicator: 'share of e-bikes entering motor lanes off-peak',
            baseline: 38.5,
            result: 4.7,
            unit: '%',
            betterWhen: 'LOWER',
          },
        ],
      },
    ]);
  });

  it('case 5: TOWNSHIP_DEPUTY in one post since 2017-03-01', () => {
    expect(byId.get('DEMO-005')!.postings).toEqual([
      expect.objectContaining({
        level: 'TOWNSHIP_DEPUTY',
        kind: 'REGULAR',
        startDate: '2017-03-01',
        endDate: null,
      }),
    ]);
  });

  it('case 6: three CLAIMED EDUCATION achievements', () => {
    const a = byId.get('DEMO-006')!.achievements;
    expect(a).toHaveLength(3);
    for (const x of a) expect(x).toMatchObject({ domain: 'EDUCATION', verificationStatus: 'CLAIMED' });
  });

  it('keeps the cases unique: no generated cadre has sat 9 years in a leadership post or is a verified tourism specialist', async () => {
    const long = await t.ds.query(
      `SELECT c.external_id FROM posting p JOIN cadre c ON c.id = p.cadre_id JOIN position_level l ON l.code = p.level
        WHERE l.is_leadership AND p.kind = 'REGULAR' AND p.end_date IS NULL AND p.start_date < DATE '2018-01-01'
        ORDER BY 1`,
    );
    expect(long.map((r: { external_id: string }) => r.external_id)).toEqual(['DEMO-002', 'DEMO-005']);
    const tourism = await t.ds.query(
      `SELECT DISTINCT c.external_id FROM achievement a JOIN cadre c ON c.id = a.cadre_id
        WHERE a.domain = 'CULTURAL_TOURISM' AND a.verification_status = 'VERIFIED'`,
    );
    expect(tourism).toEqual([{ external_id: 'DEMO-001' }]);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM cadre WHERE external_id NOT LIKE 'DEMO-%' AND external_id NOT LIKE 'YL-%'`,
    );
    expect(n).toBe(0);
  });

  it('has the three cases of sanctions and ranks: a demerit until 2027-03-15, a demerit lifted by 容错, a deputy with a rank', async () => {
    const q = `query($name: String!) { cadres(first: 2, filter: { name: $name }) { edges { node { externalId
      postings { level startDate endDate } ranks { level startDate endDate }
      pathway(asOf: "2026-11-27") { nextLevel eligible estimatedEligibleDate requirements { code met dateMet facts } }
      flags(asOf: "2026-11-27") { code facts }
      sanctions { kind effectiveDate influenceEndsOn revokedOn tolerance { decidedOn } } } } } }`;
    const read = async (name: string) => {
      const edges = ok(await t.gql(q, { name })).cadres.edges as { node: Record<string, unknown> }[];
      expect(edges).toHaveLength(1);
      return edges[0].node;
    };
    const [underDemerit, tolerated, deputy] = await Promise.all(DEMO_LAW_CASES.map((c) => read(c.name)));
    expect(underDemerit).toMatchObject({
      externalId: 'DEMO-007',
      sanctions: [
        {
          kind: 'DEMERIT',
          effectiveDate: '2026-03-16',
          influenceEndsOn: '2027-03-15',
          revokedOn: null,
          tolerance: null,
        },
      ],
      ranks: [],
    });
    // Otherwise eligible for COUNTY_DEPUTY, he is blocked by the demerit alone: met from 2027-03-16.
    type Req = { code: string; met: boolean; dateMet: string | null; facts: Record<string, unknown> | null };
    const pathway = underDemerit.pathway as { requirements: Req[] };
    expect(pathway).toMatchObject({
      nextLevel: 'COUNTY_DEPUTY',
      eligible: false,
      estimatedEligibleDate: '2027-03-16',
    });
    // PROMO_TRAINING is soft (no induction training recorded): listed, never a bar.
    expect(pathway.requirements.filter((r) => !r.met)).toEqual([
      { code: 'PROMO_TRAINING', met: false, dateMet: null, facts: null },
      {
        code: 'PROMO_NO_SANCTION_IN_EFFECT',
        met: false,
        dateMet: '2027-03-16',
        facts: {
          sanctions: [
            expect.objectContaining({
              kind: 'DEMERIT',
              endsOn: '2027-03-15',
              inEffect: true,
              liftedBy: null,
            }),
          ],
        },
      },
    ]);
    expect(underDemerit.flags).toEqual([
      {
        code: 'SANCTION_IN_EFFECT',
        facts: expect.objectContaining({
          kind: 'DEMERIT',
          endsOn: '2027-03-15',
          documentNumber: '白纪发〔2026〕5号',
        }),
      },
    ]);
    // No limit, training or appraisal warning: at most the PROMOTION_ELIGIBLE note.
    for (const c of [tolerated, deputy]) {
      for (const f of c.flags as { code: string }[]) expect(f.code).toBe('PROMOTION_ELIGIBLE');
    }
    expect(tolerated).toMatchObject({
      externalId: 'DEMO-008',
      sanctions: [{ kind: 'DEMERIT', influenceEndsOn: '2027-05-10', tolerance: { decidedOn: '2026-09-15' } }],
      pathway: { eligible: true },
    });
    // Eligible because the 容错 decision lifted the demerit: the requirement shows it with its basis.
    const lifted = (tolerated.pathway as { requirements: Req[] }).requirements.find(
      (r) => r.code === 'PROMO_NO_SANCTION_IN_EFFECT',
    );
    expect(lifted).toEqual({
      code: 'PROMO_NO_SANCTION_IN_EFFECT',
      met: true,
      dateMet: '2026-09-15',
      facts: {
        sanctions: [
          expect.objectContaining({
            kind: 'DEMERIT',
            endsOn: '2027-05-10',
            effectEndsOn: '2026-09-14',
            inEffect: false,
            liftedBy: 'TOLERANCE',
            tolerance: { decidedOn: '2026-09-15', basis: expect.stringMatching(/^三个区分开来/) },
          }),
        ],
      },
    });
    expect(deputy).toMatchObject({
      externalId: 'DEMO-009',
      postings: [
        { level: 'PRINCIPAL_STAFF_4', startDate: '2020-06-01', endDate: '2024-05-26' },
        { level: 'TOWNSHIP_DEPUTY', startDate: '2024-05-27', endDate: null },
      ],
      ranks: [{ level: 'PRINCIPAL_STAFF_4', startDate: '2020-06-01', endDate: null }],
      sanctions: [],
    });
  });

  it('loads a few hundred generated cadres with histories, training, achievements and appraisals', async () => {
    const [s] = await t.ds.query(`
      SELECT (SELECT count(*) FROM cadre WHERE external_id LIKE 'YL-%')::int AS cadres,
             (SELECT count(*) FROM unit WHERE level = 'COUNTY' AND kind = 'GOVERNMENT' AND code ~ '^YL-[A-Z]+$')::int AS counties,
             (SELECT count(*) FROM unit WHERE level = 'TOWNSHIP')::int AS townships,
             (SELECT count(*) FROM unit WHERE level = 'VILLAGE')::int AS villages,
             (SELECT count(*) FROM posting WHERE kind = 'TEMPORARY_ASSIGNMENT')::int AS temporary,
             (SELECT count(*) FROM training)::int AS trainings,
             (SELECT count(DISTINCT verification_status) FROM achievement)::int AS statuses,
             (SELECT count(*) FROM achievement_impact)::int AS impacts,
             (SELECT count(*) FROM appraisal WHERE year >= 2021)::int AS appraisals`);
    expect(s.cadres).toBeGreaterThanOrEqual(200);
    expect(s.counties).toBeGreaterThanOrEqual(3);
    expect(s.townships).toBeGreaterThanOrEqual(9);
    expect(s.villages).toBeGreaterThan(0);
    expect(s.temporary).toBeGreaterThan(0);
    expect(s.trainings).toBeGreaterThan(s.cadres);
    expect(s.statuses).toBe(3);
    expect(s.impacts).toBeGreaterThan(0);
    expect(s.appraisals).toBeGreaterThan(s.cadres);
  });

  it('never overlaps regular postings of one cadre (inclusive end dates)', async () => {
    const rows = await t.ds.query(
      `SELECT count(*)::int AS n FROM posting a JOIN posting b
         ON a.cadre_id = b.cadre_id AND a.id < b.id AND a.period && b.period
       WHERE a.kind = 'REGULAR' AND b.kind = 'REGULAR'`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('does nothing when seeded twice', async () => {
    const count = async (): Promise<unknown> =>
      t.ds.query(`SELECT (SELECT count(*) FROM cadre)::int AS c, (SELECT count(*) FROM posting)::int AS p,
                         (SELECT count(*) FROM unit)::int AS u, (SELECT count(*) FROM training)::int AS t`);
    const before = await count();
    expect(await seedDemo(t.ds)).toEqual({ created: false, cadres: 0 });
    expect(await count()).toEqual(before);
  });

  it('generates the same people from the same seed (ids aside)', () => {
    const people = (seed: number): unknown[][] => {
      const rng = new Prng(seed);
      const rows = newSeedRows();
      const gen = new CareerGenerator(rng, buildSyntheticUnits(rng), SYNTHETIC_CAREER, rows);
      for (let i = 1; i <= 50; i++) gen.cadre(i);
      // every column but the generated id
      return [...rows.cadre.cols.slice(1), ...rows.posting.cols.slice(3), ...rows.appraisal.cols.slice(2)];
    };
    expect(people(7)).toEqual(people(7));
    expect(people(7)).not.toEqual(people(8));
  });

  describe('synthetic province', () => {
    beforeAll(async () => {
      const r = await seedSynthetic(t.ds, { cadres: 300, seed: 7, batchSize: 120 });
      expect(r.created).toBe(true);
      expect(r.counts.cadre).toBe(300);
    });

    it('builds the unit tree under SYN', async () => {
      const rows = await t.ds.query(
        `SELECT u.level, count(*)::int AS n FROM unit u JOIN unit root ON root.code = 'SYN' AND u.path <@ root.path
          GROUP BY 1`,
      );
      const n = Object.fromEntries(rows.map((r: { level: string; n: number }) => [r.level, r.n]));
      expect(n.PREFECTURE).toBeGreaterThanOrEqual(16 * 6);
      expect(n.COUNTY).toBeGreaterThanOrEqual(100 * 4);
      expect(n.TOWNSHIP).toBeGreaterThanOrEqual(1200);
      expect(n.VILLAGE).toBeGreaterThan(0);
    });

    it('gives every cadre 3 to 8 postings, the last usually open, regular ones never overlapping', async () => {
      const [s] = await t.ds.query(`
        WITH per AS (
          SELECT c.id, count(p.id)::int AS n, bool_or(p.end_date IS NULL AND p.kind = 'REGULAR') AS open
            FROM cadre c JOIN posting p ON p.cadre_id = c.id WHERE c.external_id LIKE 'SYN-%' GROUP BY c.id)
        SELECT count(*)::int AS cadres, min(n) AS min, max(n) AS max, avg(n)::float AS avg,
               avg(open::int)::float AS open FROM per`);
      expect(s.cadres).toBe(300);
      expect(s.min).toBeGreaterThanOrEqual(3);
      expect(s.max).toBeLessThanOrEqual(8);
      expect(s.avg).toBeGreaterThan(4);
      expect(s.avg).toBeLessThan(6);
      expect(s.open).toBeGreaterThan(0.85);
      const [{ overlaps }] = await t.ds.query(
        `SELECT count(*)::int AS overlaps FROM posting a JOIN posting b
           ON a.cadre_id = b.cadre_id AND a.id < b.id AND a.period && b.period AND b.kind = 'REGULAR'
         WHERE a.kind = 'REGULAR'`,
      );
      expect(overlaps).toBe(0);
    });

    it('has about 10 trainings, 1 achievement and 4 appraisals a cadre, appraisals unique per year', async () => {
      const [s] = await t.ds.query(`
        WITH syn AS (SELECT id FROM cadre WHERE external_id LIKE 'SYN-%')
        SELECT (SELECT count(*) FROM training WHERE cadre_id IN (SELECT id FROM syn))::float / 300 AS trainings,
               (SELECT count(*) FROM achievement WHERE cadre_id IN (SELECT id FROM syn))::float / 300 AS achievements,
               (SELECT count(*) FROM appraisal WHERE cadre_id IN (SELECT id FROM syn))::float / 300 AS appraisals,
               (SELECT count(*) FROM (SELECT cadre_id, year FROM appraisal WHERE cadre_id IN (SELECT id FROM syn)
                 GROUP BY 1, 2 HAVING count(*) > 1) d)::int AS duplicate_years,
               (SELECT count(DISTINCT verification_status) FROM achievement WHERE cadre_id IN (SELECT id FROM syn))::int
                 AS statuses`);
      expect(s.trainings).toBeGreaterThan(6);
      expect(s.trainings).toBeLessThan(14);
      expect(s.achievements).toBeGreaterThan(0.6);
      expect(s.achievements).toBeLessThan(1.5);
      expect(s.appraisals).toBeGreaterThan(3);
      expect(s.appraisals).toBeLessThan(5);
      expect(s.duplicate_years).toBe(0);
      expect(s.statuses).toBe(3);
    });

    it('keeps some cadres in one post past 10 years', async () => {
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM posting p JOIN cadre c ON c.id = p.cadre_id
          WHERE c.external_id LIKE 'SYN-%' AND p.kind = 'REGULAR' AND p.end_date IS NULL
            AND p.start_date <= DATE '2016-11-27'`,
      );
      expect(n).toBeGreaterThan(0);
    });

    it('does nothing when the province exists', async () => {
      expect(await seedSynthetic(t.ds, { cadres: 300, seed: 7 })).toEqual({ created: false, counts: {} });
    });
  });
});
