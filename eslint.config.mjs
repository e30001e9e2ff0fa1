// Lint holds the architecture: type-aware rules that catch lost promises and
// non-exhaustive switches, and Nx module boundaries between apps and libs.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first. A lib may import libs of its own layer and of the layers below it,
 * never above: a wrong import fails lint (tools/lint-boundaries.spec.ts proves it). Tags live in
 * each project.json (`layer:*`); `layer:testing` sees every lib; apps sit on top of all libs and
 * never import one another (the worker and the CLI never pull in the API).
 */
const LAYERS = [
  'layer:domain', // libs/domain (entities, enums), libs/common (errors, logger type), libs/config
  'layer:sandbox', // the judge engine: plain TypeScript, no Nest
  'layer:queue', // queue and job names, payloads
  'layer:platform', // libs/core (config, logger, database and Redis wiring), migrations/
  'layer:auth',
  'layer:judging',
  'layer:hiring',
  'layer:assessments',
  'layer:integrity', // integrity evidence: code similarity (and the attempt timeline)
  'layer:rubrics',
  'layer:shortlist',
  'layer:privacy', // candidates' data rights: export and erasure across every domain
];
const LIB_TAGS = [...LAYERS, 'layer:testing'];
/**
 * Lower layers a lib still may not import. Assessments reach applications through their own
 * ApplicationsPort, which the apps bind to the hiring flow (apps/api, tools/seed.module.ts).
 */
const NOT_BELOW = { 'layer:assessments': ['layer:hiring'] };
const LAYER_CONSTRAINTS = [
  ...LAYERS.map((tag, i) => ({
    sourceTag: tag,
    // sandbox and queue stand alone beside the domain: the CLI and the benchmarks load them bare.
    onlyDependOnLibsWithTags: (tag === 'layer:sandbox' || tag === 'layer:queue' ? ['layer:domain', tag] : LAYERS.slice(0, i + 1)).filter(
      (lower) => !(NOT_BELOW[tag] ?? []).includes(lower),
    ),
  })),
  // libs/contracts is bundled into the web app: it may import no other lib (they bring TypeORM, Nest, Node).
  { sourceTag: 'bundle:web', onlyDependOnLibsWithTags: ['bundle:web'] },
  { sourceTag: 'layer:testing', onlyDependOnLibsWithTags: LIB_TAGS },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: LIB_TAGS },
  { sourceTag: 'scope:worker', notDependOnLibsWithTags: ['scope:api'] },
  { sourceTag: 'scope:cli', notDependOnLibsWithTags: ['scope:api'] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.toolchain/**',
      'coverage/**',
      'apps/web/dist/**',
      'apps/web/src/gql/**',
      '**/*.mts',
      '**/*.js',
      '**/*.mjs',
      '**/test-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../libs/*', '../../../libs/*', '../../../../libs/*'], message: 'Import a lib through its @app/* alias.' },
          ],
        },
      ],
      '@nx/enforce-module-boundaries': ['error', { allow: [], depConstraints: LAYER_CONSTRAINTS }],
    },
  },
  {
    // The product's SQL runs on SQLite (npm start) and on PostgreSQL: a positional $1 is
    // PostgreSQL's alone and fails on SQLite. Raw SQL takes :named parameters through namedQuery.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'migrations/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts', 'libs/testing/**', 'libs/sandbox/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['TemplateElement[value.raw=/\\$[0-9]/]', 'Literal[value=/\\$[0-9]/]'].map((node) => ({
          selector: `CallExpression[callee.property.name='query'] ${node}`,
          message: 'Positional $n placeholders fail on SQLite: use namedQuery (@app/common) with :name parameters.',
        })),
      ],
    },
  },
  {
    // The web app (type-checked through apps/web/tsconfig.json, found by the project service):
    // the rules of hooks, and no hand-typed `any` now that operation types are generated.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic two; the React Compiler's rules (v7 `recommended`) need a compiler-ready codebase.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // Tests may build what they need loosely; a spec may reach across layers (a lib's spec may
    // start the real API through @app/api-testing to test its seed step).
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // Test support code is loose too, but keeps its boundaries: libs/testing sees libs only
    // (the API harness lives with the app, in apps/api/test).
    files: ['libs/testing/**/*.ts', 'apps/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  prettier,
);
