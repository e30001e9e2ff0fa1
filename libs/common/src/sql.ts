import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';

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
