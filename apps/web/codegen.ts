import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation in the web app, generated from the API's committed SDL, so a query
 * that no longer matches the schema fails the build (codegen validates each document) and a
 * changed field type fails the type-check. Offline: reads apps/api/schema.graphql, no server.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      // Plain result types: the pages read fragments' fields directly.
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings (urql parses each once): a third of the size of ASTs, and every
        // page's documents travel in the shared chunk (the preset keeps them in one map).
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { ID: 'string', DateTime: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};
export default config;
