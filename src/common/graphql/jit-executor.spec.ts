import { errorText } from '../../i18n/errors';
import {
  execute,
  ExecutionResult,
  getOperationAST,
  DocumentNode,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { DomainError } from '../errors/domain-error';
import { formatGraphQLError } from '../errors/graphql-errors';
import { DateScalar } from './date.scalar';
import { dropPlainFieldResolvers, JitExecutor } from './jit-executor';

const dates = new DateScalar();
const DateType = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => dates.serialize(v),
  parseValue: (v) => dates.parseValue(v),
  parseLiteral: (ast) => dates.parseLiteral(ast),
});
const Kind = new GraphQLEnumType({ name: 'Kind', values: { REGULAR: {}, SECONDMENT: {} } });

interface Row {
  id: string;
  name: string | null;
  kind: string;
  startDate: string;
}
const rows: Row[] = [
  { id: 'a', name: 'An', kind: 'REGULAR', startDate: '2020-01-01' },
  { id: 'b', name: 'Bo', kind: 'SECONDMENT', startDate: '2021-02-03' },
  { id: 'c', name: null, kind: 'NOT_A_KIND', startDate: 'soon' },
];

let calls = 0;
const Posting = new GraphQLObjectType<Row>({
  name: 'Posting',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    startDate: { type: new GraphQLNonNull(DateType) },
  },
});
const Cadre: GraphQLObjectType<Row> = new GraphQLObjectType<Row>({
  name: 'Cadre',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: new GraphQLNonNull(GraphQLString) },
    nickname: { type: GraphQLString },
    kind: { type: Kind },
    startDate: { type: DateType },
    postings: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Posting))),
      resolve: async (c: Row) => {
        calls += 1;
        return [c, { ...c, id: `${c.id}2` }];
      },
    },
    secret: {
      type: GraphQLString,
      resolve: (c: Row) => {
        if (c.id === 'b') throw DomainError.forbidden(errorText('access.cadreNotVisible'));
        return 'ok';
      },
    },
    boom: {
      type: GraphQLString,
      resolve: () => Promise.reject(new Error('socket hang up')),
    },
    located: {
      type: GraphQLString,
      resolve: (_c, _a, _ctx, info) => {
        throw new GraphQLError('already located', {
          path: [...pathOf(info.path)],
          extensions: { code: 'X' },
        });
      },
    },
  }),
});
const pathOf = (p: { key: string | number; prev?: unknown } | undefined): (string | number)[] =>
  p ? [...pathOf(p.prev as typeof p | undefined), p.key] : [];

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      cadres: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Cadre))),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { first }: { first: number }) => rows.slice(0, first),
      },
      cadre: {
        type: Cadre,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, { id }: { id: string }) => rows.find((r) => r.id === id) ?? null,
      },
      day: { type: DateType, args: { d: { type: new GraphQLNonNull(DateType) } }, resolve: (_r, { d }) => d },
      viewer: { type: GraphQLString, resolve: (_r, _a, ctx: { who: string }) => ctx.who },
      // Echoes its coerced arguments: lists from single values, enums, dates and defaults in input objects.
      echo: {
        type: GraphQLString,
        args: {
          filter: {
            type: new GraphQLInputObjectType({
              name: 'Filter',
              fields: {
                kinds: { type: new GraphQLList(new GraphQLNonNull(Kind)) },
                asOf: { type: DateType },
                first: { type: GraphQLInt, defaultValue: 20 },
              },
            }),
          },
        },
        resolve: (_r, args) => JSON.stringify(args),
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: { touch: { type: GraphQLBoolean, resolve: () => true } },
  }),
});

type Request = Parameters<JitExecutor['execute']>[0];
/** Parsed once per text, as Apollo's document cache does. */
const documents = new Map<string, DocumentNode>();
function request(source: string, variables?: Record<string, unknown>, operationName?: string): Request {
  let document = documents.get(source);
  if (!document) documents.set(source, (document = parse(source)));
  const operation = getOperationAST(document, operationName);
  return {
    request: { query: source, variables, operationName },
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    queryHash: source,
    context: { who: 'me' },
  } as unknown as Request;
}

/** What a client sees of a result: the data, and each error as Apollo and formatGraphQLError make it. */
function seen(result: ExecutionResult) {
  return {
    data: result.data,
    errors: result.errors?.map((e) => {
      expect(e).toBeInstanceOf(GraphQLError);
      const json = e.toJSON();
      return formatGraphQLError(
        { ...json, extensions: { ...json.extensions, code: e.extensions.code ?? 'INTERNAL_SERVER_ERROR' } },
        e,
      );
    }),
  };
}

async function both(source: string, variables?: Record<string, unknown>) {
  const rc = request(source, variables);
  const jit = await new JitExecutor(schema).execute(rc);
  const js = await execute({
    schema,
    document: rc.document,
    contextValue: rc.context,
    variableValues: variables,
  });
  return { jit: seen(jit), js: seen(js) };
}

describe('JitExecutor answers as graphql-js does', () => {
  const shared = new JitExecutor(schema);

  // Documents with @skip and @include, run below for every combination of their conditions.
  const conditional = [
    `query Q($a: Boolean!, $b: Boolean!) {
      cadres(first: 2) {
        id @skip(if: $a)
        ...F @include(if: $b)
        ... on Cadre @include(if: $a) { kind postings { id @include(if: $b) startDate } }
      }
      x: cadre(id: "a") { ...F @include(if: $a) name @include(if: $b) }
    }
    fragment F on Cadre { name nickname postings @skip(if: $a) { id } }`,
    `query Q($a: Boolean!, $b: Boolean!) {
      cadre(id: "b") {
        ... @skip(if: $a) { id postings { id } }
        ... @skip(if: $b) { postings { startDate } ...G }
        ...G @include(if: $a)
      }
    }
    fragment G on Cadre { name @skip(if: $b) postings { id @include(if: $a) } ... on Cadre { kind } }`,
  ];

  it.each<[string, string, Record<string, unknown> | undefined]>([
    [
      'plain fields, enums, dates, async lists',
      `{ cadres(first: 2) { id name kind startDate postings { id startDate } } }`,
      undefined,
    ],
    ['variables and the context', `query Q($n: Int!) { cadres(first: $n) { id } viewer }`, { n: 1 }],
    [
      'aliases, fragments and __typename',
      `{ a: cadre(id: "a") { ...F } b: cadre(id: "b") { ...F } } fragment F on Cadre { __typename id n: name }`,
      undefined,
    ],
    ['a domain error in a nullable field', `{ cadres(first: 2) { id secret } }`, undefined],
    ['an unexpected error from a promise', `{ cadre(id: "a") { id boom } }`, undefined],
    ['a located GraphQLError passes as it is', `{ cadre(id: "a") { located } }`, undefined],
    [
      'null in a non-null field nulls the nearest nullable parent',
      `{ cadre(id: "c") { id name } }`,
      undefined,
    ],
    [
      'null in a non-null list item nulls the whole non-null chain',
      `{ cadres(first: 3) { id name } }`,
      undefined,
    ],
    ['a value the enum does not have', `{ cadre(id: "c") { id kind } }`, undefined],
    ['a variable that does not coerce', `query Q($d: Date!) { day(d: $d) }`, { d: '2023-02-29' }],
    [
      '@include and @skip on fields, fragment spreads and inline fragments',
      conditional[0],
      { a: true, b: false },
    ],
    [
      'input coercion: a single value for a list, enums, dates, input defaults',
      `query Q($k: Kind!, $d: Date) { a: echo(filter: { kinds: $k, asOf: $d }) b: echo(filter: {}) c: echo }`,
      { k: 'REGULAR', d: '2024-02-29' },
    ],
    [
      'input coercion from variables',
      `query Q($f: Filter) { echo(filter: $f) }`,
      { f: { kinds: 'SECONDMENT' } },
    ],
    ['a missing required variable', `query Q($n: Int!) { cadres(first: $n) { id } }`, {}],
  ])('%s', async (_name: string, source: string, variables: Record<string, unknown> | undefined) => {
    const { jit, js } = await both(source, variables);
    expect(jit).toEqual(js);
  });

  it("reports an output value a scalar refuses as a fault of ours, not with the scalar's input code", async () => {
    // graphql-jit passes on only the message of a serializer's error. Output dates come from DATE columns, so
    // this is a corrupt row: INTERNAL_SERVER_ERROR, where graphql-js would pass on the Date scalar's
    // BAD_USER_INPUT meant for input.
    const { jit, js } = await both(`{ cadre(id: "c") { startDate } }`, undefined);
    expect(jit.data).toEqual(js.data);
    expect(js.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(jit.errors).toEqual([
      {
        message: 'Something went wrong on our side. Quote the request id when you report it.',
        path: ['cadre', 'startDate'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          messageText: { key: 'INTERNAL_SERVER_ERROR', params: {} },
        },
      },
    ]);
  });

  it.each(
    conditional.flatMap((source, doc) =>
      [
        [true, true],
        [true, false],
        [false, true],
        [false, false],
      ].map(([a, b]) => [doc, a, b] as const),
    ),
  )('@skip and @include (run by graphql-js): document %i with a = %s, b = %s', async (doc, a, b) => {
    const jit = shared;
    const rc = request(conditional[doc], { a, b });
    const js = await execute({
      schema,
      document: rc.document,
      contextValue: rc.context,
      variableValues: { a, b },
    });
    expect(seen(await jit.execute(rc))).toEqual(seen(js));
  });

  it('runs the resolvers of a list once per item, batched in the same tick', async () => {
    calls = 0;
    await new JitExecutor(schema).execute(request(`{ cadres(first: 2) { postings { id } } }`));
    expect(calls).toBe(2);
  });
});

describe('JitExecutor cache', () => {
  it('compiles a document once per operation, and runs mutations, introspection and directives with graphql-js', async () => {
    const jit = new JitExecutor(schema);
    const source = `query A { viewer } query B { cadre(id: "a") { id } } mutation M { touch }`;
    expect((await jit.execute(request(source, undefined, 'A'))).data).toEqual({ viewer: 'me' });
    expect((await jit.execute(request(source, undefined, 'A'))).data).toEqual({ viewer: 'me' });
    expect((await jit.execute(request(source, undefined, 'B'))).data).toEqual({ cadre: { id: 'a' } });
    expect((await jit.execute(request(source, undefined, 'M'))).data).toEqual({ touch: true });
    const introspection = await jit.execute(request(`{ __schema { queryType { name } } }`));
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(jit.compiled.size).toBe(4);
    expect(jit.compiled.get(documents.get(source)!, 'A')?.query).toBeTruthy();
    expect(jit.compiled.get(documents.get(source)!, 'M')?.query).toBeNull();
    expect(jit.compiled.get(documents.get(`{ __schema { queryType { name } } }`)!, '')?.query).toBeNull();
    const conditional = `query C($b: Boolean!) { viewer @include(if: $b) }`;
    expect((await jit.execute(request(conditional, { b: true }))).data).toEqual({ viewer: 'me' });
    expect(jit.compiled.get(documents.get(conditional)!, 'C')?.query).toBeNull();
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const jit = new JitExecutor(schema, 2);
    const q = (n: number) => `{ cadres(first: ${n}) { id } }`;
    await jit.execute(request(q(1)));
    await jit.execute(request(q(2)));
    await jit.execute(request(q(1)));
    await jit.execute(request(q(3)));
    expect(jit.compiled.size).toBe(2);
    expect(jit.compiled.get(documents.get(q(1))!, '')?.query).toBeTruthy();
    expect(jit.compiled.get(documents.get(q(2))!, '')).toBeUndefined();
  });
});

describe('dropPlainFieldResolvers', () => {
  // The resolver Nest gives every plain @Field, by name and behaviour.
  const nestField = (name: string, defaultValue?: unknown) => {
    const rootFieldResolver = (root: Record<string, unknown>) =>
      typeof root[name] === 'undefined' ? defaultValue : root[name];
    return rootFieldResolver;
  };

  it("drops Nest's plain property resolvers without a default value, and only those", async () => {
    const own = () => 'computed';
    const type = new GraphQLObjectType({
      name: 'Thing',
      fields: {
        plain: { type: GraphQLString, resolve: nestField('plain') },
        withDefault: { type: GraphQLString, resolve: nestField('withDefault', 'fallback') },
        computed: { type: GraphQLString, resolve: own },
      },
    });
    const s = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { thing: { type, resolve: () => ({ plain: 'p' }) } },
      }),
    });
    expect(dropPlainFieldResolvers(s)).toBe(1);
    const fields = type.getFields();
    expect([fields.plain.resolve, fields.withDefault.resolve, fields.computed.resolve]).toEqual([
      undefined,
      expect.any(Function),
      own,
    ]);
    const result = await new JitExecutor(s).execute(request(`{ thing { plain withDefault computed } }`));
    expect(result).toEqual({
      data: { thing: { plain: 'p', withDefault: 'fallback', computed: 'computed' } },
    });
  });
});
