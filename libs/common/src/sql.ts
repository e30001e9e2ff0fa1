import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Runs raw SQL written once for both engines the platform runs on (SQLite under `npm start`,
 * PostgreSQL in deployments). Parameters are named: `:jobId` (may repeat), `:...ids` (a list,
 * for IN). TypeORM's driver turns them into the engine's placeholders and values exactly as
 * its query builder does: `$1`, reused, on PostgreSQL; one `?` per use on SQLite, with Dates
 * written the way SQLite stores them. Positional `$1` never works on SQLite: better-sqlite3
 * reads `$1` as a named parameter and rejects the array ("Too many parameter values").
 */
export function namedQuery<T = ObjectLiteral[]>(db: DataSource | EntityManager, sql: string, params: ObjectLiteral = {}): Promise<T> {
  const driver = 'driver' in db ? db.driver : db.connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, params);
  return db.query<T>(query, values);
}

/**
 * A piece of SQL with its named parameters, as a query builder writes it (`:name`, unescaped):
 * how one lib hands another a subquery over its own tables (e.g. the attempt ids of a job)
 * without the other naming those tables.
 */
export interface SqlFragment {
  sql: string;
  params: ObjectLiteral;
}

export function fragment(qb: SelectQueryBuilder<ObjectLiteral>): SqlFragment {
  return { sql: qb.getQuery(), params: qb.getParameters() };
}

/** The parameters of several fragments as one set; a name two fragments bind to different values is refused, not silently overwritten. */
export function mergeParams(fragments: readonly SqlFragment[]): ObjectLiteral {
  const out: ObjectLiteral = {};
  for (const f of fragments) {
    for (const [k, v] of Object.entries(f.params)) {
      if (k in out && out[k] !== v) throw new Error(`SQL parameter :${k} is bound to two different values`);
      out[k] = v;
    }
  }
  return out;
}

/**
 * Reads several one-value subqueries, each written by the lib that owns its tables, in one
 * statement (`SELECT (a) AS "a", (b) AS "b"`, valid on both engines): what a cache checks on
 * every request costs one round trip however many domains it spans.
 */
export async function selectScalars(db: DataSource | EntityManager, fragments: Record<string, SqlFragment>): Promise<Record<string, unknown>> {
  const names = Object.keys(fragments);
  if (!names.length) return {};
  const sql = `SELECT ${names.map((n) => `(${fragments[n].sql}) AS "${n}"`).join(', ')}`;
  const [row] = await namedQuery<Record<string, unknown>[]>(db, sql, mergeParams(Object.values(fragments)));
  return row;
}

/** One row of a "what changed since" read: a row of some owner's table, the application it concerns, and its timestamp as stored (text, full precision). */
export interface ChangeRow {
  tag: string;
  id: string;
  applicationId: string;
  stamp: string;
}

/**
 * The database's current time as text in the form its timestamp columns store (PostgreSQL:
 * `timestamp` in the session's zone, microseconds; SQLite: UTC with milliseconds, as the
 * SQLite timestamps subscriber writes them), optionally `secondsAgo` earlier: an SQL expression.
 */
export function nowTextSql(db: DataSource | EntityManager, secondsAgo = 0): string {
  const type = ('driver' in db ? db.driver : db.connection.driver).options.type;
  if (type === 'postgres') return secondsAgo ? `CAST(LOCALTIMESTAMP - INTERVAL '${Math.trunc(secondsAgo)} seconds' AS TEXT)` : 'CAST(LOCALTIMESTAMP AS TEXT)';
  return secondsAgo ? `strftime('%Y-%m-%d %H:%M:%f', 'now', '-${Math.trunc(secondsAgo)} seconds')` : `strftime('%Y-%m-%d %H:%M:%f', 'now')`;
}

/**
 * Several owners' "changed since" subqueries, each selecting `id`, `applicationId` and `stamp`,
 * read as one statement (UNION ALL), each row tagged with its subquery's name: one round trip
 * for a cache that spans several domains.
 */
export async function selectChanges(db: DataSource | EntityManager, fragments: Record<string, SqlFragment>): Promise<ChangeRow[]> {
  const names = Object.keys(fragments);
  if (!names.length) return [];
  const sql = names.map((n) => `SELECT '${n}' AS "tag", t."id", t."applicationId", t."stamp" FROM (${fragments[n].sql}) t`).join(' UNION ALL ');
  const rows = await namedQuery<ChangeRow[]>(db, sql, mergeParams(Object.values(fragments)));
  return rows.map((r) => ({ tag: r.tag, id: String(r.id), applicationId: String(r.applicationId ?? ''), stamp: String(r.stamp ?? '') }));
}

/** A stored timestamp's text moved `seconds` earlier, in the same form (compared as text on SQLite, as a timestamp literal on PostgreSQL). */
export function stampMinus(stamp: string, seconds: number): string {
  const t = Date.parse(`${stamp.replace(' ', 'T').slice(0, 23)}Z`);
  if (Number.isNaN(t)) return stamp;
  return new Date(t - seconds * 1000).toISOString().replace('T', ' ').slice(0, 23);
}
