import { Client } from 'pg';
import { createTestApp, GqlResult, TestApp } from '../app-factory';
import { makeCadre, makeUnit } from '../factories';
import { untilLockWaiters } from './support/activity';

const RECORD_POSTING = `mutation($input: RecordPostingInput!) { recordPosting(input: $input) { id startDate } }`;

describe('concurrent overlapping regular postings for one cadre', () => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  beforeAll(async () => {
    t = await createTestApp();
    unitA = (await makeUnit(t.ds)).id;
    unitB = (await makeUnit(t.ds)).id;
  });
  afterAll(() => t.close());

  const record = (cadreId: string, unitId: string, startDate: string, endDate?: string) =>
    t.gql<{ recordPosting: { id: string } }>(RECORD_POSTING, {
      input: { cadreId, unitId, title: '副镇长', level: 'TOWNSHIP_DEPUTY', startDate, endDate },
    });

  async function expectOneWinner(cadreId: string, results: GqlResult[]): Promise<void> {
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', requestId: expect.any(String) });
    const rows = await t.ds.query(`SELECT id FROM posting WHERE cadre_id = $1`, [cadreId]);
    expect(rows).toHaveLength(1);
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'posting' AND entity_id = $1::text`,
      [rows[0].id],
    );
    expect(audit[0].n).toBe(1);
  }

  it('both pass the service check, then meet at the insert at the same moment: exactly one wins, the other gets CONFLICT', async () => {
    const cadre = await makeCadre(t.ds);
    const side = new Client({ connectionString: (t.ds.options as { url?: string }).url });
    await side.connect();
    try {
      // Writes to posting wait behind this lock; the reads of both requests' checks go through.
      await side.query('BEGIN');
      await side.query('LOCK TABLE posting IN EXCLUSIVE MODE');
      const both = [
        record(cadre.id, unitA, '2020-01-01'),
        record(cadre.id, unitB, '2021-06-01', '2022-12-31'),
      ];
      await untilLockWaiters(side, 2, 'the two inserts never both reached the lock');
      await side.query('COMMIT'); // both inserts go at once
      await expectOneWinner(cadre.id, await Promise.all(both));
    } finally {
      await side.end();
    }
  });

  it('sent together, with nothing to line them up: exactly one wins every time', async () => {
    for (let round = 0; round < 5; round += 1) {
      const cadre = await makeCadre(t.ds);
      const results = await Promise.all([
        record(cadre.id, unitA, '2019-03-01'),
        record(cadre.id, unitB, '2019-03-01', '2025-02-28'),
      ]);
      await expectOneWinner(cadre.id, results);
    }
  });

  it('lets postings that do not overlap both through', async () => {
    const cadre = await makeCadre(t.ds);
    const results = await Promise.all([
      record(cadre.id, unitA, '2010-01-01', '2014-12-31'),
      record(cadre.id, unitB, '2015-01-01'),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
  });
});
