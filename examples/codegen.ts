import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example client (客户端示例), from the committed schema.gql. `npm run codegen:examples`
 * writes examples/generated/; test/e2e/examples.e2e-spec.ts fails when that output is stale against schema.gql.
 * Paths are relative to the repository root (where npm runs); EXAMPLES_CODEGEN_OUT (a directory ending in /) writes
 * elsewhere, for that check.
 */
const OUTPUT_DIR = process.env.EXAMPLES_CODEGEN_OUT ?? 'examples/generated/';

const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['examples/operations.ts'],
  ignoreNoDocuments: false,
  generates: {
    [OUTPUT_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
  silent: true,
};

export default config;
