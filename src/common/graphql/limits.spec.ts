import { buildSchema, getOperationAST, parse } from 'graphql';
import { LimitsChecker } from './limits';

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
