import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';

/**
 * Why this exists: TypeORM's better-sqlite3 driver has ONE connection and hands every caller
 * the SAME query runner (`createQueryRunner` returns `driver.queryRunner`). Two
 * `dataSource.transaction()` calls, or two implicit-transaction `save()`s, from two requests at
 * once then share one runner's transaction state: the second BEGIN fails with "cannot start a
 * transaction within a transaction", or becomes a savepoint of the first, and any query of
 * another request that runs while a transaction is open executes inside it and disappears
 * when it rolls back. PostgreSQL does not have this problem: each runner has its own pooled
 * connection.
 *
 * The fix, SQLite only: each `createQueryRunner()` gets its own runner (its own transaction
 * state) over the shared connection, and one FIFO lock per connection decides who may use it:
 * - a runner takes the lock before its BEGIN and gives it back after its COMMIT/ROLLBACK;
 *   its savepoints (nested `em.transaction()`) are inside and do not take it again;
 * - a query from any other runner waits for the lock, runs, and gives it back. A statement is
 *   synchronous in better-sqlite3, but TypeORM's `query()` awaits before running it, so without
 *   the lock another runner's BEGIN could slip in between and swallow the statement.
 * Transactions on SQLite therefore run one at a time, as SQLite runs writers anyway.
 *
 * Inside a transaction use its EntityManager (`em`): a query through another runner (an
 * injected repository, `dataSource.query`, a nested `dataSource.transaction`) waits for a lock
 * its own transaction holds. That wait ends after LOCK_WAIT_MS with an error saying so rather
 * than hanging the request. (On PostgreSQL the same code would run outside the transaction.)
 *
 * Across processes (the API and the worker write the same file under `npm start`) SQLite's own
 * file lock serialises writers: the BEGIN is made IMMEDIATE so a transaction takes the write
 * lock up front and waits for it through busy_timeout. A DEFERRED transaction that read first
 * would instead fail at its first write with SQLITE_BUSY, which busy_timeout cannot retry
 * because its snapshot is already stale.
 */

/** How long a SQLite writer waits for another process's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The API and the worker are two processes on one file. WAL lets each read while the other
 * writes; busy_timeout makes a writer wait for the other's write lock (SQLite's file lock,
 * released at its COMMIT) instead of failing at once with SQLITE_BUSY. The wait blocks the
 * process's event loop (better-sqlite3 is synchronous), which is why transactions are short
 * and one at a time within a process.
 */
export function prepareSqliteConnection(conn: { pragma(s: string): unknown }): void {
  conn.pragma('journal_mode = WAL');
  conn.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  conn.pragma('foreign_keys = ON');
}

/** How long a query waits for another runner's transaction before it gives up. */
export const LOCK_WAIT_MS = 15_000;

export class SqliteLockTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(
      `Waited ${waitedMs} ms for the SQLite transaction lock. Another transaction held it all that time; if this query ` +
        'runs inside a transaction, run it through that transaction\'s EntityManager, not a repository or the DataSource.',
    );
    this.name = 'SqliteLockTimeoutError';
  }
}

/** A FIFO lock with an owner, so the owner's own queries pass and everyone else queues. */
export class OwnedLock {
  private holder: object | null = null;
  private readonly waiters: { who: object; grant: () => void }[] = [];

  constructor(private readonly waitMs: number) {}

  heldBy(who: object): boolean {
    return this.holder === who;
  }

  acquire(who: object): Promise<void> {
    if (this.holder === null) {
      this.holder = who;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        who,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new SqliteLockTimeoutError(this.waitMs));
      }, this.waitMs);
      timer.unref();
      this.waiters.push(waiter);
    });
  }

  release(who: object): void {
    if (this.holder !== who) return;
    const next = this.waiters.shift();
    this.holder = next?.who ?? null;
    next?.grant();
  }
}

interface Connection {
  inTransaction: boolean;
}

/** Shared by every runner of one connection: the lock and the prepared-statement cache. */
interface Shared {
  lock: OwnedLock;
  statements: Map<string, unknown>;
}
const shared = new WeakMap<object, Shared>();
function sharedFor(conn: object): Shared {
  let s = shared.get(conn);
  if (!s) shared.set(conn, (s = { lock: new OwnedLock(LOCK_WAIT_MS), statements: new Map() }));
  return s;
}

export class SerializedBetterSqlite3QueryRunner extends BetterSqlite3QueryRunner {
  constructor(driver: BetterSqlite3Driver) {
    super(driver);
    // A runner per call would otherwise re-prepare every statement; the statements belong to
    // the connection, and better-sqlite3 runs one at a time, so one cache serves all runners.
    const conn = driver.databaseConnection as object | undefined;
    if (conn) (this as unknown as { stmtCache: Map<string, unknown> }).stmtCache = sharedFor(conn).statements;
  }

  private get lock(): OwnedLock {
    return sharedFor(this.driver.databaseConnection as object).lock;
  }

  private get sqlite(): Connection {
    return this.driver.databaseConnection as Connection;
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    const outermost = this.transactionDepth === 0;
    if (outermost) await this.lock.acquire(this);
    try {
      await super.startTransaction(isolationLevel);
    } catch (e) {
      if (outermost) this.settle();
      throw e;
    }
  }

  override async commitTransaction(): Promise<void> {
    try {
      await super.commitTransaction();
    } finally {
      // A failed COMMIT leaves the transaction open for the caller's rollback: keep the lock.
      this.settle();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    try {
      await super.rollbackTransaction();
    } finally {
      this.settle();
    }
  }

  override async query(query: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> {
    const sql = query === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : query;
    if (this.lock.heldBy(this)) return super.query(sql, parameters, useStructuredResult);
    await this.lock.acquire(this);
    try {
      return await super.query(sql, parameters, useStructuredResult);
    } finally {
      this.lock.release(this);
    }
  }

  /** A runner let go in the middle of its transaction would keep the lock forever: roll back. */
  override async release(): Promise<void> {
    if (this.lock.heldBy(this) && this.sqlite.inTransaction) {
      try {
        await super.query('ROLLBACK');
      } finally {
        this.settle();
      }
    }
    this.settle();
    return super.release();
  }

  /**
   * Gives the lock back once the connection has no transaction open, whatever TypeORM's own
   * bookkeeping says: SQLite rolls back by itself on some errors, and a failed BEGIN leaves
   * isTransactionActive set.
   */
  private settle(): void {
    if (!this.lock.heldBy(this) || this.sqlite.inTransaction) return;
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    this.lock.release(this);
  }
}

let installed = false;

/**
 * Makes every better-sqlite3 DataSource of this process hand out SerializedBetterSqlite3QueryRunner.
 * TypeORM builds the driver itself from `type`, and its options have no hook for a runner
 * class, so the driver's factory method is replaced once. Idempotent.
 */
export function installSqliteTransactionLock(): void {
  if (installed) return;
  installed = true;
  BetterSqlite3Driver.prototype.createQueryRunner = function (this: BetterSqlite3Driver) {
    return new SerializedBetterSqlite3QueryRunner(this);
  };
}
