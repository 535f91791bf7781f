import { buildSchema, LoneAnonymousOperationRule, parse, specifiedRules, validate } from 'graphql';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The two schema checks of `npm run lint` (lint:schema), run as the script runs them, on real and made-up schemas. */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const RULE = 'scripts/schema-change-note.rule.js';

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(join(BIN, bin), args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const OLD = `"""Reads."""
type Query {
  """A name."""
  name: String
  """A count, to be removed."""
  count: Int
}
`;
const NEW = `"""Reads."""
type Query {
  """A name."""
  name: String
}
`;

describe('schema checks (npm run lint:schema)', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const diff = (note: string) =>
    run('graphql-inspector', ['diff', file('old.gql', OLD), file('new.gql', NEW), '--rule', RULE], {
      SCHEMA_CHANGE_NOTE: file('api-changes.md', note),
    });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'schema-checks-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed schema.gql passes the schema linter with the committed config', () => {
    const r = run('graphql-schema-linter', []);
    expect(r.out).toContain('0 errors detected');
    expect(r.status).toBe(0);
  });

  it('the linter fails a schema with an undescribed field, naming it', () => {
    const r = run('graphql-schema-linter', [
      file('bare.gql', '"""Reads."""\ntype Query {\n  bare: String\n}\n'),
    ]);
    expect(r.out).toContain('The field `Query.bare` is missing a description.');
    expect(r.status).toBe(1);
  });

  it('schema.gql breaks nothing of schema/released.gql that docs/api-changes.md does not list', () => {
    const r = run('graphql-inspector', ['diff', 'schema/released.gql', 'schema.gql', '--rule', RULE]);
    expect(r.out).toContain('No breaking changes detected');
    expect(r.status).toBe(0);
  });

  it('a removed field fails the diff when the change note does not list it', () => {
    const r = diff('# API changes\n\n## Unreleased\n\n- `Query.name`: another field.\n');
    expect(r.out).toContain('Field count was removed from object type Query');
    expect(r.out).toContain('list `Query.count` with a reason');
    expect(r.status).toBe(1);
  });

  it('it passes when the Unreleased section lists the path with a reason, and prints the reason', () => {
    const r = diff('# API changes\n\n## Unreleased\n\n- `Query.count`: nobody read it; use name.\n');
    expect(r.out).toContain('listed in the change note: nobody read it; use name.');
    expect(r.status).toBe(0);
  });

  it('an item under an earlier release, or one without a reason, does not excuse the change', () => {
    const old = diff('# API changes\n\n## Unreleased\n\n## 0.1.0\n\n- `Query.count`: removed once before.\n');
    expect(old.status).toBe(1);
    const bare = diff('# API changes\n\n## Unreleased\n\n- `Query.count`\n');
    expect(bare.status).toBe(1);
  });
});

/** The examples an integrator copies from the guides are valid against schema.gql. */
describe('GraphQL examples in docs/api.md and docs/sync.md', () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
  // Some blocks show several short queries side by side; each is valid on its own.
  const rules = specifiedRules.filter((r) => r !== LoneAnonymousOperationRule);
  const blocks = ['docs/api.md', 'docs/sync.md'].flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map(
      (m, i) => [`${file} #${i + 1}`, m[1]] as const,
    ),
  );

  it('has the integration guide among them', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks)('%s validates', (_where, query) => {
    expect(validate(schema, parse(query), rules).map((e) => e.message)).toEqual([]);
  });
});
