import { Role } from '../../src/auth/caller';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, tableFingerprint } from '../factories';
import { counts, outcomes, RESULTS, RUN_FIELDS, RunShape } from './sync-fixtures';

const SYNC_SANCTIONS = `mutation($input: SyncSanctionsInput!) { syncSanctions(input: $input) {
  ${RUN_FIELDS} ${RESULTS} } }`;

describe('syncSanctions', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await createTestApp();
    hr = t.token({ role: Role.HR_SYNC, source: 'jw-sys', sub: 'jw-sys' });
  });
  afterAll(() => t.close());

  const sync = async (records: unknown[]) =>
    ok(await t.gql<{ syncSanctions: RunShape }>(SYNC_SANCTIONS, { input: { source: 'jw-sys', records } }, hr))
      .syncSanctions;
  const record = (externalId: string, cadreExternalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    cadreExternalId,
    kind: 'DEMERIT',
    decisionDate: '2026-03-10',
    effectiveDate: '2026-03-16',
    issuingBody: '县纪委监委',
    ...over,
  });

  it('writes the good records, rejects the bad ones with reasons, and leaves a re-send unchanged', async () => {
    const c = await makeCadre(t.ds);
    const batch = [
      record('J-1', c.externalId),
      record('J-2', c.externalId, {
        kind: 'ADMONISHMENT',
        revokedOn: '2026-06-01',
        revocationReason: '申诉',
      }),
      record('J-3', 'NOBODY'),
      record('J-4', c.externalId, { kind: 'EXILE' }),
      record('J-5', c.externalId, { effectiveDate: '2026-03-09' }),
      record('J-6', c.externalId, { revokedOn: '2026-06-01' }),
    ];
    const run = await sync(batch);
    expect(run.counts).toEqual(counts({ received: 6, created: 2, rejected: 4 }));
    expect(outcomes(run)).toEqual([
      ['J-1', 'CREATED'],
      ['J-2', 'CREATED'],
      ['J-3', 'REJECTED', 'cadreExternalId:UNKNOWN_CADRE'],
      ['J-4', 'REJECTED', 'kind:INVALID'],
      ['J-5', 'REJECTED', 'effectiveDate:INVALID'],
      ['J-6', 'REJECTED', 'revocationReason:INVALID'],
    ]);
    const before = await tableFingerprint(t.ds, 'sanction');
    expect((await sync(batch.slice(0, 2))).counts).toEqual(counts({ received: 2, unchanged: 2 }));
    expect(await tableFingerprint(t.ds, 'sanction')).toEqual(before);
  });

  it('keeps the 容错 decision an organisation department recorded when the source updates the record', async () => {
    const c = await makeCadre(t.ds);
    await sync([record('K-1', c.externalId)]);
    const [{ id }] = await t.ds.query<{ id: string }[]>(
      `SELECT id FROM sanction WHERE source = 'jw-sys' AND external_id = 'K-1'`,
    );
    ok(
      await t.gql(
        `mutation($i: RecordToleranceDecisionInput!) { recordToleranceDecision(input: $i) { id } }`,
        { i: { cadreId: c.id, sanctionId: id, basis: '三个区分开来', decidedOn: '2026-04-01' } },
      ),
    );
    const upd = await sync([record('K-1', c.externalId, { note: '补充说明' })]);
    expect(outcomes(upd)).toEqual([['K-1', 'UPDATED']]);
    // A decision date after the 容错 decision would break it: that record is rejected, not written.
    const late = await sync([
      record('K-1', c.externalId, { decisionDate: '2026-05-01', effectiveDate: '2026-05-01' }),
    ]);
    expect(outcomes(late)).toEqual([['K-1', 'REJECTED', 'decisionDate:INVALID']]);
    const res = ok(
      await t.gql(`query($id: ID!) { sanction(id: $id) { note decisionDate tolerance { decidedOn } } }`, {
        id,
      }),
    );
    expect(res.sanction).toEqual({
      note: '补充说明',
      decisionDate: '2026-03-10',
      tolerance: { decidedOn: '2026-04-01' },
    });
  });
});
