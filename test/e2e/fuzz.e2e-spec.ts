import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLObjectType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { createTestApp, GqlResult, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

/**
 * Hostile input thrown at every mutation of the schema. Each generated request must be refused with a clean
 * error (a known code, the request id, no stack or SQL) and must leave every table exactly as it was.
 * Two kinds of request: one value of the wrong type somewhere (refused while the variables are read), and
 * values of the right types but hostile content aimed at a record that does not exist (refused by the service).
 */

/** Kept modest so the suite stays fast; FUZZ_RUNS=200 for a deeper search. */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 8);
const CLEAN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
]);

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE cadre; --",
    "1' OR '1'='1",
    'Robert"); DELETE FROM posting; --',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '${7*7}{{7*7}}',
    '../../etc/passwd',
    '%s%n%x',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '\u202eevil',
    '\ufeff',
    'e\u0301\u0301\u0301',
    '𠜎𠜱𠝹',
    '👩‍👩‍👧‍👦',
    '',
    ' ',
    '\n\t',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
);
const badDate = fc.constantFrom(
  '2023-02-30',
  '2023-02-29',
  '2023-13-01',
  '0000-00-00',
  '99999-01-01',
  '-2023-01-01',
  '2023-1-1',
  '01/02/2023',
  '2023-01-01T00:00:00Z',
  'today',
  "2020-01-01'; --",
);
const anyDate = fc.oneof(
  badDate,
  fc
    .date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const hostileNumber = fc.oneof(
  fc.integer({ min: -2_147_483_648, max: -1 }),
  fc.constantFrom(0, -0.5, 2_147_483_647, 1e9),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Values of the right GraphQL type with hostile content; IDs never name an existing record. */
function hostileValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return hostileValue(type.ofType, depth);
  if (isListType(type))
    return fc.array(hostileValue(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
  if (isInputObjectType(type)) return hostileObject(type, depth);
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  switch (type.name) {
    case 'ID':
      return fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, { arbitrary: hostileText, weight: 1 });
    case 'Int':
      return fc.oneof(fc.integer({ min: -2_147_483_648, max: -1 }), fc.constantFrom(0, 2_147_483_647));
    case 'Float':
      return hostileNumber;
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return anyDate;
    case 'JSON':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return hostileText;
  }
}

function hostileObject(type: GraphQLInputObjectType, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) model[f.name] = hostileValue(f.type, depth + 1);
  return fc.record(model, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
}

/** A value the GraphQL type cannot accept. */
function wrongValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof(fc.constant(null), wrongValue(type.ofType));
  if (isListType(type)) {
    return isLeafType(getNamedType(type))
      ? fc.constant([{ not: 'a value' }])
      : fc.constant(['not an object']);
  }
  if (isInputObjectType(type)) return fc.oneof(fc.constant('an object expected'), fc.constant(42));
  if (isEnumType(type)) return fc.constantFrom('NOT_A_VALUE', 'admin', '', 7);
  switch (type.name) {
    case 'ID':
      return fc.constantFrom(true, { id: 1 }, [1], 1.5);
    case 'String':
      return fc.constantFrom(12, true, { $gt: '' }, ['a']);
    case 'Int':
      return fc.constantFrom('12', 1.5, 2 ** 31, -(2 ** 31) - 1, true, '1; DROP TABLE unit');
    case 'Float':
      return fc.constantFrom('1.5', true, { n: 1 }, 'NaN');
    case 'Boolean':
      return fc.constantFrom('true', 1, 'yes', 'false');
    case 'Date':
      return fc.oneof(badDate, fc.constantFrom(20230101, true, { y: 2023 }));
    default:
      return fc.constantFrom({ not: 'a scalar' }, [[1]], true);
  }
}

/** Places where one wrong value can go: each argument, and each field of an input-object argument. */
interface Slot {
  arg: string;
  field?: string;
  type: GraphQLInputType;
}

function slots(args: readonly GraphQLArgument[]): Slot[] {
  const out: Slot[] = [];
  for (const a of args) {
    const named = getNamedType(a.type);
    if (!(isScalarType(named) && named.name === 'JSON')) out.push({ arg: a.name, type: a.type });
    if (isInputObjectType(named)) {
      for (const f of Object.values(named.getFields())) {
        const fieldNamed = getNamedType(f.type);
        if (isScalarType(fieldNamed) && fieldNamed.name === 'JSON') continue;
        out.push({ arg: a.name, field: f.name, type: f.type });
      }
    }
  }
  return out;
}

function argsArbitrary(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of args) model[a.name] = hostileValue(a.type);
  return fc.record(model);
}

/** Hostile variables with exactly one value of the wrong type in one slot. */
function wrongTypeArbitrary(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const places = slots(args);
  return fc.tuple(argsArbitrary(args), fc.integer({ min: 0, max: places.length - 1 })).chain(([vars, i]) =>
    wrongValue(places[i].type).map((bad) => {
      const slot = places[i];
      const out = { ...vars };
      if (slot.field === undefined) out[slot.arg] = bad;
      else {
        const obj = typeof out[slot.arg] === 'object' && out[slot.arg] !== null ? out[slot.arg] : {};
        out[slot.arg] = { ...(obj as Record<string, unknown>), [slot.field]: bad };
      }
      return out;
    }),
  );
}

/** Text PostgreSQL cannot store (NUL) or index (far past any column's length), hidden among ordinary text. */
const unstorableText = fc
  .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
  .chain(([a, b]) => fc.constantFrom(`${a}\u0000${b}`, `\u0000`, `${a}${'長'.repeat(300_000)}`));

/** String slots: string arguments and string fields of input-object arguments (not inside lists). */
function textSlots(args: readonly GraphQLArgument[]): Slot[] {
  return slots(args).filter((s) => getNamedType(s.type).name === 'String' && !isListType(s.type));
}

/** Hostile variables with unstorable text in one text slot. */
function unstorableArbitrary(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const places = textSlots(args);
  return fc
    .tuple(argsArbitrary(args), fc.integer({ min: 0, max: places.length - 1 }), unstorableText)
    .map(([vars, i, bad]) => {
      const slot = places[i];
      const out = { ...vars };
      if (slot.field === undefined) out[slot.arg] = bad;
      else out[slot.arg] = { ...(out[slot.arg] as Record<string, unknown>), [slot.field]: bad };
      return out;
    });
}

/** True when the mutation must name an existing record by a required ID (directly or in its input). */
function namesARecord(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => {
    if (isNonNullType(a.type) && getNamedType(a.type).name === 'ID') return true;
    const named = getNamedType(a.type);
    return (
      isInputObjectType(named) &&
      Object.values(named.getFields()).some(
        (f) => isNonNullType(f.type) && getNamedType(f.type).name === 'ID',
      )
    );
  });
}

function document(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation Fuzz${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

describe('hostile input at every mutation', () => {
  jest.setTimeout(600_000);
  let t: TestApp;
  let schema: GraphQLSchema;
  let tables: string[];
  /** The id of one existing row per GraphQL type that an update mutation returns. */
  let seeded: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '1000000' });
    schema = t.app.get(GraphQLSchemaHost).schema;
    // some rows, so that the checksums cover real data, and one of each kind for the updates to aim at
    const unit = await makeUnit(t.ds);
    const cadre = await makeCadre(t.ds);
    const posting = await makePosting(t.ds, cadre.id, unit.id);
    const one = async (sql: string): Promise<string> =>
      (await t.ds.query<{ id: string }[]>(sql, [cadre.id]))[0].id;
    seeded = {
      Unit: unit.id,
      Cadre: cadre.id,
      Posting: posting.id,
      Training: await one(
        `INSERT INTO training (cadre_id, title, kind, start_date, end_date, class_hours)
         VALUES ($1, '党校培训', 'PARTY_SCHOOL', '2024-03-01', '2024-03-10', 40) RETURNING id`,
      ),
      Achievement: await one(
        `INSERT INTO achievement (cadre_id, title, achieved_on, domain, recognition_level)
         VALUES ($1, '直播带货', '2023-02-01', 'AGRICULTURE_MARKETING', 'COUNTY') RETURNING id`,
      ),
      Appraisal: await one(
        `INSERT INTO appraisal (cadre_id, year, grade) VALUES ($1, 2023, 'COMPETENT') RETURNING id`,
      ),
    };
    const rows: { tablename: string }[] = await t.ds.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`,
    );
    tables = rows.map((r) => r.tablename);
  });
  afterAll(() => t.close());

  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const table of tables) out[table] = await tableFingerprint(t.ds, `"${table}"`);
    return out;
  }

  function expectClean(name: string, vars: Record<string, unknown>, res: GqlResult): void {
    const where = `${name} ${JSON.stringify(vars).slice(0, 500)}`;
    expect({ where, refused: !res.data?.[name] }).toEqual({ where, refused: true });
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors ?? []) {
      expect({ where, code: CLEAN_CODES.has(e.extensions.code) ? 'clean' : e.extensions.code }).toEqual({
        where,
        code: 'clean',
      });
      expect(e.extensions.requestId).toEqual(expect.any(String));
      expect(e.extensions.stacktrace).toBeUndefined();
      expect(e.message).not.toMatch(/\b(INSERT INTO|SELECT .* FROM|violates|relation ")/i);
    }
  }

  async function fuzz(
    field: GraphQLField<unknown, unknown>,
    arbitrary: fc.Arbitrary<Record<string, unknown>>,
  ): Promise<void> {
    const query = document(field);
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (vars) => {
        expectClean(field.name, vars, await t.gql(query, vars));
      }),
      { numRuns: RUNS_PER_MUTATION },
    );
    expect({ mutation: field.name, tables: await snapshot() }).toEqual({
      mutation: field.name,
      tables: before,
    });
  }

  const mutations = (): GraphQLField<unknown, unknown>[] =>
    Object.values(schema.getMutationType()?.getFields() ?? {});

  it('enumerates the mutations from the schema', () => {
    expect(mutations().length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a value of the wrong type anywhere in any mutation, writing nothing', async () => {
    for (const field of mutations()) {
      if (field.args.length === 0) continue;
      await fuzz(field, wrongTypeArbitrary(field.args));
    }
  });

  it('refuses text PostgreSQL cannot store (NUL, oversized) in any text field, writing nothing', async () => {
    const withText = mutations().filter((f) => textSlots(f.args).length > 0);
    expect(withText.length).toBeGreaterThanOrEqual(10);
    for (const field of withText) await fuzz(field, unstorableArbitrary(field.args));
  });

  /**
   * Update mutations aimed at a row that exists (`input.id`): hostile values in every other field but ids.
   * Either every field sent reads back exactly as sent, or the request is refused with BAD_USER_INPUT (or
   * CONFLICT) and no table changed: never a 500, never part of the change.
   */
  it('applies hostile content to existing records exactly, or refuses it whole with BAD_USER_INPUT', async () => {
    const updates = mutations().flatMap((field) => {
      const returned = getNamedType(field.type);
      const input = field.args.find((a) => a.name === 'input');
      const type = input && getNamedType(input.type);
      if (!isObjectType(returned) || !seeded[returned.name] || !type || !isInputObjectType(type)) return [];
      if (!type.getFields().id || !field.name.startsWith('update')) return [];
      return [{ field, returned, type }];
    });
    expect(updates.map((u) => u.field.name).sort()).toEqual(
      expect.arrayContaining(['updateCadre', 'updatePosting', 'updateUnit']),
    );
    for (const { field, returned, type } of updates) {
      const fields = Object.values(type.getFields()).filter((f) => getNamedType(f.type).name !== 'ID');
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields) model[f.name] = hostileValue(f.type, 1);
      const arbitrary = fc.record(model, { requiredKeys: [] });
      const readBack = fields.filter((f) => {
        const out = (returned as GraphQLObjectType).getFields()[f.name];
        return out && isLeafType(getNamedType(out.type)) && isLeafType(getNamedType(f.type));
      });
      const query = `mutation($input: ${type.name}!) { ${field.name}(input: $input) { id ${readBack
        .map((f) => f.name)
        .join(' ')} } }`;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (values) => {
          const input = { ...values, id: seeded[returned.name] };
          const where = `${field.name} ${JSON.stringify(values).slice(0, 500)}`;
          const before = await snapshot();
          const res = await t.gql<Record<string, Record<string, unknown>>>(query, { input });
          const row = res.data?.[field.name];
          if (row) {
            const sent = Object.fromEntries(
              readBack.filter((f) => f.name in values).map((f) => [f.name, values[f.name]]),
            );
            const got = Object.fromEntries(Object.keys(sent).map((k) => [k, row[k]]));
            expect({ where, got }).toEqual({ where, got: sent });
            return;
          }
          const codes = (res.errors ?? []).map((e) => e.extensions.code);
          expect({ where, refused: codes.length > 0, codes }).toEqual({
            where,
            refused: true,
            codes: codes.map(() => expect.stringMatching(/^(BAD_USER_INPUT|CONFLICT)$/)),
          });
          // The field is named: by the service, or by graphql-js when a variable does not coerce.
          const [e] = res.errors ?? [];
          const named = typeof e.extensions.field === 'string' || /at "input\./.test(e.message);
          expect({ where, message: e.message, named }).toEqual({ where, message: e.message, named: true });
          expect({ where, tables: await snapshot() }).toEqual({ where, tables: before });
        }),
        { numRuns: RUNS_PER_MUTATION * 4 },
      );
    }
  });

  it('refuses hostile strings, numbers, dates and unicode aimed at records that do not exist, writing nothing', async () => {
    const aimed = mutations().filter(namesARecord);
    expect(aimed.length).toBeGreaterThanOrEqual(10);
    for (const field of aimed) await fuzz(field, argsArbitrary(field.args));
  });
});
