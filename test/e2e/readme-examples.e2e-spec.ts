import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The ```graphql blocks of a Markdown file. */
function graphqlBlocks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The examples a newcomer copies are valid against the committed schema (schema.gql, kept current by a test). */
describe('README examples', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));

  it.each(graphqlBlocks('README.md').map((q, i) => [i + 1, q]))('query %i validates', (_i, query) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });

  it('has its three example queries', () => {
    expect(graphqlBlocks('README.md')).toHaveLength(3);
  });
});
