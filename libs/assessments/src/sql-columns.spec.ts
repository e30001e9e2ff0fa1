import { loadBankDir } from './bank/bank-files';
import { sqlTableColumns } from './sql-columns';

describe('sqlTableColumns', () => {
  it('reads columns in declared order, skipping table constraints, quoted names and nested parentheses', () => {
    const schema = `
      -- a comment (with parentheses, and a comma)
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        "customer id" INTEGER REFERENCES customers (id),
        price NUMERIC(10, 2) CHECK (price >= 0),
        note TEXT DEFAULT 'a, b)',
        PRIMARY KEY (id),
        CONSTRAINT c UNIQUE (note, price)
      );
      CREATE INDEX orders_price ON orders (price, note);
      create table if not exists [items] (sku text);`;
    expect(sqlTableColumns(schema)).toEqual({ orders: ['id', 'customer id', 'price', 'note'], items: ['sku'] });
  });

  it('gives every example table of the bank as many columns as its rows have values', () => {
    const sql = loadBankDir().filter((e) => e.definition.mode === 'sql');
    expect(sql.length).toBeGreaterThanOrEqual(5);
    for (const e of sql) {
      const columns = sqlTableColumns(String(e.definition.schema));
      for (const t of e.definition.tests as Array<{ data?: Record<string, unknown[][]> }>) {
        for (const [table, rows] of Object.entries(t.data ?? {})) {
          for (const row of rows) expect({ slug: e.definition.slug, table, width: row.length }).toEqual({ slug: e.definition.slug, table, width: columns[table]?.length });
        }
      }
    }
  });

  it('leaves out a table it cannot read', () => {
    expect(sqlTableColumns('CREATE TABLE broken (id INTEGER')).toEqual({});
  });
});
