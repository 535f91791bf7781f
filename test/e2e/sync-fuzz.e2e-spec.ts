import fc from 'fast-check';
import { Role } from '../../src/auth/caller';
import { CADRE_STATUSES, EDUCATION_LEVELS, GENDERS } from '../../src/cadres/cadre.entity';
import { unstorableReason } from '../../src/common/text';
import { POSTING_KINDS } from '../../src/postings/posting.entity';
import { UNIT_KINDS, UNIT_LEVELS } from '../../src/units/unit.entity';
import { createTestApp, ok, TestApp } from '../app-factory';
import { tableFingerprint } from '../factories';
import { nodes, RunShape, SYNC_CADRES, SYNC_POSTINGS, SYNC_UNITS } from './sync-fixtures';

/**
 * Hostile text in every field of every kind of sync record, many records a call. The property, per record:
 * accepted and stored exactly as sent (its source's own), or rejected with reasons, text that cannot be stored
 * named by its field; per batch: the call never fails as a whole, and no row the batch did not accept changes.
 * SYNC_FUZZ_SEED and SYNC_FUZZ_RECORDS (per kind) replay or deepen a run; fast-check prints the seed on failure.
 */
const SEED = Number(process.env.SYNC_FUZZ_SEED ?? 20261127);
const RECORDS = Number(process.env.SYNC_FUZZ_RECORDS ?? 1000);
/** Records per call: one page of results. */
const BATCH = 100;
const SOURCE = 'fz';
const OTHER = 'fz-other';

/** Existing records: SEEDED of this source's own (and one of each another source keeps). */
const SEEDED = 30;
/** Fresh keys come from SEEDED to FRESH: now and then one is sent twice, or names a record an earlier batch made. */
const FRESH = 1_000;

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udfff\ud800',
    '\u202eevil\u202c',
    '\u200f\u0645\u0635\u0631',
    "'; DROP TABLE cadre; --",
    "1' OR '1'='1",
    '$1::text',
    '%_\\',
    '',
    ' ',
    '   ',
    '\n\t',
    '\u3000',
    '\u00a0',
    '\ufeff',
    '\u200b',
    'é',
    'e\u0301',
    '\ufb01',
    '\uff21',
    '\u1e9b\u0323',
    '𠜎𠜱𠝹',
    '👩‍👩‍👧‍👦',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 50, max: 20_000 }).map((n) => '長'.repeat(n)),
);
/** Mostly a valid value, sometimes hostile text: a record with several fields is then often fully valid. */
const field = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | string> =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileText });
/** An optional field: left out, null, or a value. */
const optional = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(fc.constant(undefined), fc.constant(null), field(valid));
const date = (from: number, to: number) =>
  fc
    .date({ min: new Date(`${from}-01-01`), max: new Date(`${to}-12-31`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const freeText = fc.oneof(
  fc.constantFrom('城关镇', '副镇长', 'Zhang Wei', 'O’Brien', 'Ünïcödé', '李 雪'),
  fc.string({ minLength: 1, maxLength: 30 }),
);
/** A key: one of the SEEDED existing records, a fresh one, or hostile text. */
const key = (prefix: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.noBias(fc.integer({ min: 0, max: SEEDED - 1 })).map((i) => `${prefix}-${i}`) },
    { weight: 6, arbitrary: fc.noBias(fc.integer({ min: SEEDED, max: FRESH })).map((i) => `${prefix}-${i}`) },
    { weight: 1, arbitrary: hostileText },
  );

const units = (p: string) => Array.from({ length: SEEDED }, (_, i) => `${p}-${i}`);

interface KindSpec {
  name: string;
  mutation: string;
  keyField: string;
  record: fc.Arbitrary<Record<string, unknown>>;
  /** Every row of the table, keyed by the record key, in the record's field names (and `source`). */
  rows(t: TestApp): Promise<Map<string, Record<string, unknown>>>;
  /** The record as its row must read once stored. */
  expected(r: Record<string, unknown>): Record<string, unknown>;
}

const unitRecord = fc.record(
  {
    code: fc.oneof({ weight: 20, arbitrary: key('FU') }, { weight: 1, arbitrary: fc.constant(`${OTHER}-U`) }),
    name: field(freeText),
    level: field(fc.constantFrom(...UNIT_LEVELS)),
    kind: field(fc.constantFrom(...UNIT_KINDS)),
    parentCode: optional(
      fc.oneof(
        fc.constantFrom(...units('FU'), `${OTHER}-U`),
        fc.noBias(fc.integer({ min: SEEDED, max: FRESH })).map((i) => `FU-${i}`),
      ),
    ),
  },
  { requiredKeys: ['code', 'name', 'level', 'kind'] },
);

const cadreRecord = fc.record(
  {
    externalId: fc.oneof(
      { weight: 20, arbitrary: key('FP') },
      { weight: 1, arbitrary: fc.constant(`${OTHER}-P`) },
    ),
    name: field(freeText),
    gender: field(fc.constantFrom(...GENDERS)),
    birthDate: field(date(1955, 1995)),
    workStartDate: field(date(1996, 2020)),
    educationLevel: field(fc.constantFrom(...EDUCATION_LEVELS)),
    partyJoinDate: optional(date(1996, 2020)),
    ethnicity: optional(fc.constantFrom('汉族', '藏族', '维吾尔族')),
    nativePlace: optional(freeText),
    educationMajor: optional(freeText),
    educationInService: fc.option(fc.boolean(), { nil: undefined }),
    professionalTitle: optional(freeText),
    status: optional(fc.constantFrom(...CADRE_STATUSES)),
  },
  { requiredKeys: ['externalId', 'name', 'gender', 'birthDate', 'workStartDate', 'educationLevel'] },
);

const postingRecord = fc.record(
  {
    externalId: key('FJ'),
    cadreExternalId: field(fc.constantFrom(...units('FP'), `${OTHER}-P`, 'NOBODY')),
    unitCode: field(fc.constantFrom(...units('FU'), `${OTHER}-U`, 'NOWHERE')),
    title: field(freeText),
    level: field(fc.constantFrom('TOWNSHIP_DEPUTY', 'TOWNSHIP_CHIEF', 'CLERK_1', 'NOT_A_LEVEL')),
    kind: optional(fc.constantFrom(...POSTING_KINDS)),
    startDate: field(date(1990, 2025)),
    endDate: optional(date(1990, 2030)),
  },
  { requiredKeys: ['externalId', 'cadreExternalId', 'unitCode', 'title', 'level', 'startDate'] },
);

const byKey = (rows: Record<string, unknown>[], keyField: string) =>
  new Map(rows.map((r) => [String(r[keyField]), r]));
const nullIfMissing = (v: unknown) => (v === undefined ? null : v);

const KINDS: KindSpec[] = [
  {
    name: 'units',
    mutation: SYNC_UNITS,
    keyField: 'code',
    record: unitRecord,
    rows: async (t) =>
      byKey(
        await t.ds.query(
          `SELECT u.code, u.name, u.level, u.kind, p.code AS "parentCode", u.source
             FROM unit u LEFT JOIN unit p ON p.id = u.parent_id`,
        ),
        'code',
      ),
    expected: (r) => ({ ...r, parentCode: nullIfMissing(r.parentCode) }),
  },
  {
    name: 'cadres',
    mutation: SYNC_CADRES,
    keyField: 'externalId',
    record: cadreRecord,
    rows: async (t) =>
      byKey(
        await t.ds.query(
          `SELECT external_id AS "externalId", name, gender, birth_date::text AS "birthDate",
                  work_start_date::text AS "workStartDate", education_level AS "educationLevel",
                  party_join_date::text AS "partyJoinDate", ethnicity, native_place AS "nativePlace",
                  education_major AS "educationMajor", education_in_service AS "educationInService",
                  professional_title AS "professionalTitle", status, source
             FROM cadre`,
        ),
        'externalId',
      ),
    expected: (r) => ({
      ...r,
      partyJoinDate: nullIfMissing(r.partyJoinDate),
      ethnicity: nullIfMissing(r.ethnicity),
      nativePlace: nullIfMissing(r.nativePlace),
      educationMajor: nullIfMissing(r.educationMajor),
      educationInService: r.educationInService ?? false,
      professionalTitle: nullIfMissing(r.professionalTitle),
      status: r.status ?? 'ACTIVE',
    }),
  },
  {
    name: 'postings',
    mutation: SYNC_POSTINGS,
    keyField: 'externalId',
    record: postingRecord,
    rows: async (t) =>
      byKey(
        await t.ds.query(
          `SELECT coalesce(p.source, '') || ':' || coalesce(p.external_id, p.id::text) AS "externalId",
                  c.external_id AS "cadreExternalId", u.code AS "unitCode", p.title, p.level, p.kind,
                  p.start_date::text AS "startDate", p.end_date::text AS "endDate", p.source
             FROM posting p JOIN cadre c ON c.id = p.cadre_id JOIN unit u ON u.id = p.unit_id`,
        ),
        'externalId',
      ),
    expected: (r) => ({
      ...r,
      externalId: `${SOURCE}:${String(r.externalId)}`,
      kind: r.kind ?? 'REGULAR',
      endDate: nullIfMissing(r.endDate),
    }),
  },
];

/**
 * Tables a sync may change besides its own: the run, its results, the audit trail, derived posting runs, and the
 * note that a transaction wrote (data_change, which kept answers check).
 */
// A run, committed or rejected, is an event for webhook subscribers (webhook_event and its deliveries).
const BOOKKEEPING = new Set([
  'sync_run',
  'sync_result',
  'audit_log',
  'posting_run',
  'rule_span',
  'webhook_event',
  'webhook_delivery',
  'data_change',
]);

describe(`hostile sync records (seed ${SEED}, ${RECORDS} records a kind)`, () => {
  jest.setTimeout(600_000);
  let t: TestApp;
  let hr: string;
  let tables: string[];

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '1000000' });
    hr = t.token({ role: Role.HR_SYNC, source: SOURCE, sub: SOURCE });
    const other = t.token({ role: Role.HR_SYNC, source: OTHER, sub: OTHER });
    const sync = async (token: string, source: string, kind: KindSpec, records: unknown[]) =>
      ok(await t.gql(kind.mutation, { input: { source, records } }, token));
    const [unitKind, cadreKind, postingKind] = KINDS;
    const unit = (code: string, parentCode: string | null) => ({
      code,
      name: `单位 ${code}`,
      level: 'TOWNSHIP',
      kind: 'GOVERNMENT',
      parentCode,
    });
    const cadre = (externalId: string) => ({
      externalId,
      name: `干部 ${externalId}`,
      gender: 'FEMALE',
      birthDate: '1980-02-02',
      workStartDate: '2002-07-01',
      educationLevel: 'BACHELOR',
    });
    // A tree of this source's units (each under the one five before it), and another source's records.
    await sync(
      hr,
      SOURCE,
      unitKind,
      units('FU').map((code, i) => unit(code, i >= 5 ? `FU-${i - 5}` : null)),
    );
    await sync(hr, SOURCE, cadreKind, units('FP').map(cadre));
    await sync(other, OTHER, unitKind, [unit(`${OTHER}-U`, null)]);
    await sync(other, OTHER, cadreKind, [cadre(`${OTHER}-P`)]);
    await sync(other, OTHER, postingKind, [
      {
        externalId: 'FJ-1',
        cadreExternalId: `${OTHER}-P`,
        unitCode: `${OTHER}-U`,
        title: '科员',
        level: 'CLERK_1',
        startDate: '2001-01-01',
      },
    ]);
    const rows: { tablename: string }[] = await t.ds.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`,
    );
    tables = rows.map((r) => r.tablename);
  });
  afterAll(() => t.close());

  async function others(except: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      if (table !== except && !BOOKKEEPING.has(table))
        out[table] = await tableFingerprint(t.ds, `"${table}"`);
    }
    return out;
  }

  /** The fields of a record holding text that cannot be stored. */
  const unstorableFields = (r: Record<string, unknown>) =>
    Object.entries(r)
      .filter(([k, v]) => typeof v === 'string' && unstorableReason(k, v) !== null)
      .map(([k]) => k);

  async function checkBatch(kind: KindSpec, records: Record<string, unknown>[]): Promise<void> {
    const table = kind.name === 'units' ? 'unit' : kind.name === 'cadres' ? 'cadre' : 'posting';
    const before = await kind.rows(t);
    const around = await others(table);
    const res = await t.gql<Record<string, RunShape>>(
      kind.mutation,
      { input: { source: SOURCE, records } },
      hr,
    );
    const where = (i: number) => `${kind.name} record ${i}: ${JSON.stringify(records[i]).slice(0, 300)}`;
    expect({ errors: res.errors }).toEqual({ errors: undefined });
    const run = Object.values(res.data ?? {})[0];
    expect(run.status).toBe('COMPLETED');
    const results = nodes(run);
    expect(results.map((r) => r.index)).toEqual(records.map((_, i) => i));
    const after = await kind.rows(t);
    const accepted = new Set<string>();
    results.forEach((r, i) => {
      const record = records[i];
      const bad = unstorableFields(record);
      if (r.outcome === 'REJECTED') {
        expect({ where: where(i), reasons: r.errors.length > 0 }).toEqual({ where: where(i), reasons: true });
        for (const e of r.errors) {
          expect([typeof e.field, typeof e.code, e.message.length > 0]).toEqual(['string', 'string', true]);
        }
        for (const f of bad) {
          expect({
            where: where(i),
            named: r.errors.some((e) => e.field === f && e.code === 'INVALID'),
          }).toEqual({ where: where(i), named: true });
        }
        return;
      }
      expect({ where: where(i), outcome: r.outcome, bad }).toEqual({
        where: where(i),
        outcome: r.outcome,
        bad: [],
      });
      const expected = kind.expected(record);
      const rowKey = String(expected[kind.keyField]);
      accepted.add(rowKey);
      const row = after.get(rowKey);
      const { source, ...stored } = row ?? {};
      expect({ where: where(i), stored }).toEqual({ where: where(i), stored: expected });
      const existed = before.has(rowKey);
      const was = before.get(rowKey);
      const same =
        existed && JSON.stringify({ ...was, source: null }) === JSON.stringify({ ...row, source: null });
      expect({ where: where(i), outcome: r.outcome }).toEqual({
        where: where(i),
        outcome: !existed ? 'CREATED' : same ? 'UNCHANGED' : 'UPDATED',
      });
      if (r.outcome !== 'UNCHANGED')
        expect({ where: where(i), source }).toEqual({ where: where(i), source: SOURCE });
    });
    // Every row the batch did not accept is exactly as it was, and so is every other table.
    for (const [k, row] of after) {
      if (!accepted.has(k)) expect({ row: k, now: row }).toEqual({ row: k, now: before.get(k) });
    }
    for (const k of before.keys()) expect({ row: k, kept: after.has(k) }).toEqual({ row: k, kept: true });
    expect(await others(table)).toEqual(around);
  }

  for (const [i, kind] of KINDS.entries()) {
    it(`${kind.name}: each record is stored exactly or rejected with reasons; the batch never fails`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(kind.record, { minLength: BATCH, maxLength: BATCH }), (records) =>
          checkBatch(kind, records),
        ),
        { seed: SEED + i, numRuns: Math.ceil(RECORDS / BATCH), endOnFailure: true },
      );
    });
  }
});
