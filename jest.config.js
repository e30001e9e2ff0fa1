// One Jest run, five projects: unit specs beside the code, integration specs on the real
// PostgreSQL and Redis, end-to-end specs that start real processes, and the suites that run the
// product's queries once more on SQLite, the engine `npm start` uses by default.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// The suites that run product queries (every feature's API suite, the seed, the judge's
// submissions) run on both engines; the migration check already covers both itself, and the
// GraphQL schema and conventions suites do not depend on the engine.
const SQLITE_INTEGRATION = [
  '<rootDir>/apps/api/src/{assessments,auth,hiring,integrity,privacy,rubrics,shortlist,timeline}/**/*.integration-spec.ts',
  '<rootDir>/libs/**/*.integration-spec.ts',
  // The data-source level test of SQLite's one shared connection (the other migration suite covers both engines itself).
  '<rootDir>/migrations/sqlite-concurrency.integration-spec.ts',
];
// The hiring story end to end, as `npm start` runs it: API and worker processes on one SQLite file.
const SQLITE_E2E = ['<rootDir>/test/hiring-flow.e2e-spec.ts'];
const sqliteSetup = ['<rootDir>/libs/testing/src/jest-setup.ts', '<rootDir>/libs/testing/src/jest-setup-sqlite.ts'];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.toolchain/'],
  setupFiles: ['<rootDir>/libs/testing/src/jest-setup.ts'],
};

module.exports = {
  // Generous (a global option, not per project): these machines are shared, and argon2, real
  // databases and child processes are slow under load. End-to-end tests set longer ones.
  testTimeout: 60_000,
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,tools}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,migrations,test}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
    },
    {
      ...base,
      displayName: 'integration-sqlite',
      testMatch: SQLITE_INTEGRATION,
      setupFiles: sqliteSetup,
      globalSetup: '<rootDir>/libs/testing/src/global-setup-sqlite.ts',
    },
    {
      ...base,
      displayName: 'e2e-sqlite',
      testMatch: SQLITE_E2E,
      setupFiles: sqliteSetup,
      globalSetup: '<rootDir>/libs/testing/src/global-setup-sqlite.ts',
    },
  ],
};
