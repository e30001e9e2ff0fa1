import { DataSource } from 'typeorm';
import { mergeParams, namedQuery, selectScalars } from './sql';

describe('namedQuery: SQL written once for PostgreSQL and SQLite', () => {
  const SQL = `SELECT :id AS a, :id AS b, :n AS n, 'x:y' AS colon WHERE :id IN (:...ids)`;

  it('on SQLite binds a repeated parameter at every use, expands lists, and runs', async () => {
    const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await ds.initialize();
    try {
      // The shape that failed before: a positional placeholder used twice.
      await expect(ds.query(`SELECT $1 AS a, $1 AS b`, ['j'])).rejects.toThrow(/Too many parameter values/);
      expect(await namedQuery(ds, SQL, { id: 'j', n: 2, ids: ['i', 'j'] })).toEqual([{ a: 'j', b: 'j', n: 2, colon: 'x:y' }]);
      expect(await namedQuery(ds.manager, SQL, { id: 'k', n: 2, ids: ['i', 'j'] })).toEqual([]);
      // Dates as TypeORM stores them on SQLite (UTC, milliseconds), so they compare with stored ones.
      expect(await namedQuery(ds, `SELECT :at AS at`, { at: new Date('2030-01-15T10:00:00.123Z') })).toEqual([{ at: '2030-01-15 10:00:00.123' }]);
    } finally {
      await ds.destroy();
    }
  });

  it('on PostgreSQL reuses one numbered placeholder per name', async () => {
    const ds = new DataSource({ type: 'postgres' });
    const query = jest.spyOn(ds, 'query').mockResolvedValue([]);
    await namedQuery(ds, SQL, { id: 'j', n: 2, ids: ['i', 'j'] });
    expect(query).toHaveBeenCalledWith(`SELECT $1 AS a, $1 AS b, $2 AS n, 'x:y' AS colon WHERE $1 IN ($3, $4)`, ['j', 2, 'i', 'j']);
  });
});

describe('selectScalars: subqueries of several owners in one statement', () => {
  const a = { sql: 'SELECT COUNT(*) FROM t WHERE k = :k', params: { k: 'x' } };
  const b = { sql: `SELECT COALESCE(MAX(v), '') FROM t WHERE k = :k AND v IN (:...vs)`, params: { k: 'x', vs: ['1', '2'] } };

  it('on SQLite reads every value in one row', async () => {
    const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await ds.initialize();
    try {
      await ds.query(`CREATE TABLE t (k TEXT, v TEXT)`);
      await ds.query(`INSERT INTO t VALUES ('x', '1'), ('x', '2'), ('y', '3')`);
      expect(await selectScalars(ds, { a, b })).toEqual({ a: 2, b: '2' });
      expect(await selectScalars(ds, {})).toEqual({});
    } finally {
      await ds.destroy();
    }
  });

  it('on PostgreSQL shares one placeholder for a name both subqueries use', async () => {
    const ds = new DataSource({ type: 'postgres' });
    const query = jest.spyOn(ds, 'query').mockResolvedValue([{ a: '2', b: '2' }]);
    await selectScalars(ds, { a, b });
    expect(query).toHaveBeenCalledWith(
      `SELECT (SELECT COUNT(*) FROM t WHERE k = $1) AS "a", (SELECT COALESCE(MAX(v), '') FROM t WHERE k = $1 AND v IN ($2, $3)) AS "b"`,
      ['x', '1', '2'],
    );
  });

  it('refuses a name two subqueries bind to different values', () => {
    expect(() => mergeParams([a, { sql: '', params: { k: 'y' } }])).toThrow(/:k is bound to two different values/);
    expect(mergeParams([a, b])).toEqual({ k: 'x', vs: ['1', '2'] });
  });
});
