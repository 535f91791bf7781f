import { buildSchema, getOperationAST, parse } from 'graphql';
import { checkLimits, LimitsChecker, MAX_FIELDS } from './limits';
import { SATURATED } from './query-measure';

const schema = buildSchema(`
  type Item { id: ID! children: [Item!]! }
  type Query { items(first: Int): [Item!]! item: Item }
`);
const limits = { maxDepth: 4, maxCost: 1000, maxAliases: 2 };

/** The document of `text`, checked as Apollo would for each request that sends it. */
function run(checker: LimitsChecker, text: string) {
  const document = parse(text);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return {
    check: (variables?: Record<string, unknown>) =>
      checker.check(schema, document, operation, variables)?.extensions,
  };
}

describe('LimitsChecker', () => {
  it('gives the same verdicts as the first time when a document comes back', () => {
    const checker = new LimitsChecker(limits);
    const ok = run(checker, '{ items(first: 10) { id } }');
    expect(ok.check()).toBeUndefined();
    expect(ok.check()).toBeUndefined();
    const deep = run(checker, '{ item { children { children { children { id } } } } }');
    expect(deep.check()).toMatchObject({ limit: 'depth', actual: 5 });
    expect(deep.check()).toMatchObject({ limit: 'depth', actual: 5 });
    const costly = run(checker, '{ items(first: 100) { children { children { id } } } }');
    expect(costly.check()).toMatchObject({ limit: 'cost' });
    expect(costly.check()).toMatchObject({ limit: 'cost' });
  });

  it('checks the cost again for each request when `first` or @skip/@include take a variable', () => {
    const checker = new LimitsChecker(limits);
    const paged = run(checker, 'query($n: Int) { items(first: $n) { children { children { id } } } }');
    expect(paged.check({ n: 1 })).toBeUndefined();
    expect(paged.check({ n: 100 })).toMatchObject({ limit: 'cost' });
    expect(paged.check({ n: 1000 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const skipped = run(
      checker,
      'query($skip: Boolean!) { items(first: 100) { children @skip(if: $skip) { children { id } } } }',
    );
    expect(skipped.check({ skip: true })).toBeUndefined();
    expect(skipped.check({ skip: false })).toMatchObject({ limit: 'cost' });
  });
});

/** `levels` fragments each spreading the one below twice, over F0 = `body`: 2^levels copies written out. */
function doubling(levels: number, body: string): string {
  const fragments = [`fragment F0 on Query { ${body} }`];
  for (let i = 1; i <= levels; i += 1)
    fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query { ...F${levels} }\n${fragments.join('\n')}`;
}

describe('checkLimits on fragments that double at every level', () => {
  /** The verdict on `text`, and how many times a fragment was measured to reach it. */
  function measure(text: string, variables?: Record<string, unknown>) {
    const document = parse(text);
    const operation = getOperationAST(document);
    if (!operation) throw new Error('no operation');
    const measured: string[] = [];
    const refused = checkLimits(schema, document, operation, variables, limits, {
      onFragment: (name) => measured.push(name),
    });
    return { refused: refused?.extensions, measured };
  }

  it.each([30, 40])(
    'works out the cost of %i levels of real fields, measuring each fragment once',
    (levels) => {
      // `item { id }` costs 2, and is written out 2^levels times
      const { refused, measured } = measure(doubling(levels, 'item { id }'));
      expect(refused).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'cost',
        actual: 2 ** (levels + 1),
      });
      // once for the shape (depth, fields) and once for the cost
      expect(measured).toHaveLength(2 * (levels + 1));
      expect(new Set(measured).size).toBe(levels + 1);
    },
  );

  it.each([30, 40])('works out the depth of %i levels, measuring each fragment once', (levels) => {
    const { refused, measured } = measure(
      doubling(levels, 'item { children { children { children { id } } } }'),
    );
    expect(refused).toMatchObject({ limit: 'depth', max: 4, actual: 5 });
    expect(measured).toHaveLength(levels + 1);
  });

  it.each([30, 40])('counts the free __typename of %i levels as fields written out', (levels) => {
    const { refused, measured } = measure(doubling(levels, '__typename'));
    expect(refused).toMatchObject({ limit: 'fields', max: MAX_FIELDS, actual: 2 ** levels });
    expect(measured).toHaveLength(2 * (levels + 1));
  });

  it('stops adding at the largest exact integer instead of overflowing', () => {
    const { refused } = measure(doubling(1000, 'items(first: 100) { children { id } }'));
    expect(refused).toMatchObject({ limit: 'cost', actual: SATURATED });
  });

  it('refuses a cheap query wrapped in fragments no more than written out plainly', () => {
    // graphql-query-complexity gave up past 10,000 nodes, and its error was taken for "no limit"
    const costly = 'items(first: 100) { children { children { id } } }';
    expect(measure(`{ ${costly} }`).refused).toMatchObject({ limit: 'cost', actual: 1 + 100 * 111 });
    expect(measure(doubling(13, costly)).refused).toMatchObject({ limit: 'cost', actual: 2 ** 13 * 11101 });
    expect(measure(doubling(3, 'items(first: 1) { id }')).refused).toBeUndefined();
  });
});

describe('checkLimits on variables', () => {
  const check = (text: string, variables: Record<string, unknown>) =>
    run(new LimitsChecker(limits), text).check(variables);

  it('answers variables that do not fit their types as execution would, when the cost depends on them', () => {
    const refused = check('query($n: Int) { items(first: $n) { id } }', { n: 'ten' });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused?.limit).toBeUndefined();
  });

  it('leaves them to execution when it does not', () => {
    expect(check('query($id: ID) { items { id } item { id } }', { id: { not: 'an id' } })).toBeUndefined();
  });

  it('refuses, rather than lets through, an operation it cannot measure', () => {
    // execution fails on it too: @skip's `if` must not be null
    const text =
      'query($skip: Boolean = true) { items(first: 100) @skip(if: $skip) { children { children { id } } } }';
    expect(check(text, { skip: true })).toBeUndefined();
    expect(() => check(text, { skip: null })).toThrow(/must not be null/);
  });
});
