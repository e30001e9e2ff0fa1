// The files of the `integration-sqlite` and `e2e-sqlite` projects: the same specs as on
// PostgreSQL, on the embedded SQLite that `npm start` uses. Jest gives each test file its own
// copy of process.env, so this never leaks into another project's files.
process.env.TEST_DB_DIALECT = 'sqlite';
