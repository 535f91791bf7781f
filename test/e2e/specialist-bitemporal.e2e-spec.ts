import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';
import { FlagOut, makeAchievement } from './flags-helpers';

/**
 * SPECIALIST as of a date counts an achievement only once verified (verified_at, in Beijing time) by asOfRecorded,
 * which defaults to asOf; recognition and improvement count within their windows (5 years by default).
 */
describe('SPECIALIST: verification time and the criteria windows', () => {
  let t: TestApp;
  let recognised: string;
  let improved: string;

  beforeAll(async () => {
    t = await createTestApp();
    const unit = (await makeUnit(t.ds, { level: 'COUNTY' })).id;
    recognised = (await makeCadre(t.ds, { name: 'Recognised' })).id;
    improved = (await makeCadre(t.ds, { name: 'Improved' })).id;
    for (const id of [recognised, improved]) {
      await makePosting(t.ds, id, unit, { level: 'TOWNSHIP_DEPUTY', startDate: '2020-01-01' });
    }
    // Achieved 2024-05-01, verified at 07:30 on 2025-03-01 in Beijing (23:30 UTC the day before).
    await makeAchievement(t.ds, recognised, {
      domain: 'CULTURAL_TOURISM',
      recognitionLevel: 'PROVINCE',
      achievedOn: '2024-05-01',
      verifiedAt: '2025-02-28T23:30:00Z',
    });
    await makeAchievement(t.ds, improved, {
      domain: 'TRANSPORT',
      achievedOn: '2024-05-01',
      impact: { baseline: 38.5, result: 4.7, betterWhen: 'LOWER' },
    });
  });
  afterAll(() => t.close());

  const specialist = async (cadreId: string, asOf: string, asOfRecorded?: string): Promise<FlagOut[]> => {
    const q = `query($id: ID!, $asOf: Date, $rec: Date) { cadre(id: $id) {
      flags(asOf: $asOf, asOfRecorded: $rec) { code ruleId message facts } } }`;
    const flags = ok(await t.gql<any>(q, { id: cadreId, asOf, rec: asOfRecorded })).cadre.flags as FlagOut[];
    return flags.filter((f) => f.code === 'SPECIALIST_STRENGTH');
  };

  it('does not count an achievement before the day it was verified (Beijing time)', async () => {
    expect(await specialist(recognised, '2024-12-31')).toEqual([]);
    expect(await specialist(recognised, '2025-02-28')).toEqual([]);
    expect((await specialist(recognised, '2025-03-01')).map((f) => f.facts.criteria)).toEqual([
      ['RECOGNITION'],
    ]);
  });

  it('asOfRecorded: what the records said on another date', async () => {
    // What is known now about 2024-12-31: a specialist then.
    expect(await specialist(recognised, '2024-12-31', '2025-03-01')).toHaveLength(1);
    expect(await specialist(recognised, '2024-12-31', '2025-02-28')).toEqual([]);
    // A later date evaluated with an earlier record: not yet verified then.
    expect(await specialist(recognised, '2026-06-01', '2025-01-01')).toEqual([]);
    // The same as asOf: the spans' answer.
    expect(await specialist(recognised, '2026-06-01', '2026-06-01')).toEqual(
      await specialist(recognised, '2026-06-01'),
    );
  });

  it('flaggedCadres takes asOfRecorded too', async () => {
    const q = `query($f: FlaggedCadresFilter) { flaggedCadres(filter: $f) { totalCount edges { node { cadreId } } } }`;
    const filter = { anyOf: ['SPECIALIST_STRENGTH'], domain: 'CULTURAL_TOURISM', asOf: '2024-12-31' };
    expect(ok(await t.gql<any>(q, { f: filter })).flaggedCadres.totalCount).toBe(0);
    const known = ok(await t.gql<any>(q, { f: { ...filter, asOfRecorded: '2025-06-01' } })).flaggedCadres;
    expect(known.edges.map((e: any) => e.node.cadreId)).toEqual([recognised]);
  });

  it('recognition counts for five years after the achievement, not longer', async () => {
    expect(await specialist(recognised, '2029-04-30')).toHaveLength(1);
    expect(await specialist(recognised, '2029-05-01')).toEqual([]);
  });

  it('a measured improvement counts for five years, not longer', async () => {
    expect((await specialist(improved, '2029-04-30')).map((f) => f.facts.criteria)).toEqual([
      ['IMPROVEMENT'],
    ]);
    expect(await specialist(improved, '2029-05-01')).toEqual([]);
  });
});
