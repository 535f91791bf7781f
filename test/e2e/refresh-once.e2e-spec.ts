import { Client } from 'pg';
import { createTestApp, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit } from '../factories';

/**
 * A write refreshes a cadre's runs and spans once (migration 1764237900000): refresh_posting_runs calls the
 * installer's rule_spans_after_posting_runs once for the cadres whose runs changed, instead of one statement
 * trigger on posting_run for each of its update, delete and insert; and a sync's statements on posting, deferred,
 * refresh once at the end. Counted with the transaction's own function statistics (track_functions = pl).
 */
describe('span refresh: once per write', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.ds, { level: 'TOWNSHIP', kind: 'GOVERNMENT' })).id;
  });
  afterAll(() => t.close());

  /** Runs `statements` in one transaction as the owner; the calls of each function in it, and the spans after. */
  async function calls(statements: string[], cadreId: string) {
    const client = new Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL track_functions = 'pl'`);
      for (const s of statements) await client.query(s);
      const [row] = (
        await client.query(
          `SELECT pg_stat_get_xact_function_calls('refresh_posting_runs(uuid[])'::regprocedure)::int AS runs,
                  pg_stat_get_xact_function_calls('refresh_rule_spans(uuid[],text[])'::regprocedure)::int AS spans,
                  (SELECT array_agg(DISTINCT code ORDER BY code) FROM rule_span
                    WHERE cadre_id = $1 AND rule_id = 'POST_LIMIT_SAME_POST') AS codes`,
          [cadreId],
        )
      ).rows as { runs: number | null; spans: number | null; codes: string[] | null }[];
      await client.query('COMMIT');
      return row;
    } finally {
      await client.end();
    }
  }

  /** A cadre 11 years in one post (past the 10-year limit), whose posting a promotion closes. */
  async function longServer() {
    const cadre = await makeCadre(t.ds);
    const posting = await makePosting(t.ds, cadre.id, unitId, { startDate: '2014-01-01' });
    return { cadreId: cadre.id, postingId: posting.id };
  }

  const promote = (cadreId: string, postingId: string) => `
    WITH ended AS (UPDATE posting SET end_date = DATE '2025-06-30' WHERE id = '${postingId}' RETURNING cadre_id)
    INSERT INTO posting (cadre_id, unit_id, title, level, kind, start_date)
    SELECT '${cadreId}', '${unitId}', 'Head', 'TOWNSHIP_CHIEF', 'REGULAR', DATE '2025-07-01'`;

  it('each refresh of the runs refreshes the spans once', async () => {
    const { cadreId, postingId } = await longServer();
    // The CTE's UPDATE and the INSERT fire two statement triggers on posting: two refreshes of the runs, each
    // refreshing the spans of its cadres once (the per-operation triggers on posting_run made more).
    const r = await calls([promote(cadreId, postingId)], cadreId);
    expect(r.runs).toBe(2);
    expect(r.spans).toBe(2);
    // The spans are those of the new records: the 2014 post ended within its limit's span history.
    expect(r.codes).toEqual(['POSTING_LIMIT_APPROACHING', 'POSTING_LIMIT_EXCEEDED']);
  });

  it('deferred (as a sync applies its batch), the same write refreshes runs and spans once at the flush', async () => {
    const { cadreId, postingId } = await longServer();
    const r = await calls(
      [`SELECT defer_posting_runs()`, promote(cadreId, postingId), `SELECT flush_posting_runs()`],
      cadreId,
    );
    expect(r).toEqual({ runs: 1, spans: 1, codes: ['POSTING_LIMIT_APPROACHING', 'POSTING_LIMIT_EXCEEDED'] });
    // Deferral ends with the flush: a later write in the transaction refreshes at once again.
    const [{ deferred }] = await t.asOwner<{ deferred: string | null }>(
      `SELECT current_setting('cadre.defer_posting_runs', true) AS deferred`,
    );
    expect(deferred === null || deferred === '' || deferred === 'off').toBe(true);
  });

  it('a write that changes no run refreshes no spans', async () => {
    const { cadreId, postingId } = await longServer();
    const r = await calls([`UPDATE posting SET title = 'Deputy' WHERE id = '${postingId}'`], cadreId);
    expect(r.spans ?? 0).toBe(0);
  });

  it('deferred runs are the same as immediate ones', async () => {
    const a = await longServer();
    const b = await longServer();
    await calls([promote(a.cadreId, a.postingId)], a.cadreId);
    await calls(
      [`SELECT defer_posting_runs()`, promote(b.cadreId, b.postingId), `SELECT flush_posting_runs()`],
      b.cadreId,
    );
    const runs = (cadreId: string) =>
      t.asOwner(
        `SELECT level, start_date::text, end_date::text, post_run_start::text, level_run_start::text,
                earlier_level_days, level_entered_on::text
           FROM posting_run WHERE cadre_id = $1 ORDER BY start_date`,
        [cadreId],
      );
    const spans = (cadreId: string) =>
      t.asOwner(
        `SELECT rule_id, code, severity, valid_from::text, valid_to::text FROM rule_span
          WHERE cadre_id = $1 ORDER BY rule_id, code, valid_from`,
        [cadreId],
      );
    expect(await runs(b.cadreId)).toEqual(await runs(a.cadreId));
    expect(await runs(b.cadreId)).toHaveLength(2);
    expect(await spans(b.cadreId)).toEqual(await spans(a.cadreId));
  });
});
