// A second process writing the same SQLite file, for sqlite-concurrency.integration-spec.ts:
// what the worker is to the API under `npm start`. Loaded with sucrase (no decorators, no path
// aliases), so it builds its DataSource from sqlite-concurrency.ts alone, on raw SQL.
// Usage: node -r sucrase/register/ts sqlite-writer.fixture.ts FILE WRITER LOOPS PER_LOOP
import { DataSource } from 'typeorm';
import { installSqliteTransactionLock, prepareSqliteConnection, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-concurrency';

async function main(): Promise<void> {
  const [file, writer, loops, perLoop] = process.argv.slice(2);
  installSqliteTransactionLock();
  const ds = new DataSource({ type: 'better-sqlite3', database: file, timeout: SQLITE_BUSY_TIMEOUT_MS, prepareDatabase: prepareSqliteConnection });
  await ds.initialize();
  // Start together with the other writer: the test says go on stdin once both are ready.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  const errors: string[] = [];
  // Several loops at once, so the in-process lock and the cross-process file lock both work.
  await Promise.all(
    Array.from({ length: Number(loops) }, async (_, loop) => {
      for (let i = 0; i < Number(perLoop); i++) {
        try {
          await ds.transaction(async (em) => {
            // Read, yield, then write: a DEFERRED transaction fails here with SQLITE_BUSY when
            // the other process committed in between.
            const [{ n }] = await em.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM probe');
            await new Promise(setImmediate);
            await em.query('INSERT INTO probe (writer, seq, seen) VALUES (?, ?, ?)', [writer, `${loop}.${i}`, n]);
          });
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    }),
  );
  await ds.destroy();
  process.stdout.write(`${JSON.stringify({ errors })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error).stack ?? e));
  process.exit(1);
});
