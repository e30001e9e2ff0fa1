import { DataSource } from 'typeorm';
import { namedQuery } from './sql';

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
