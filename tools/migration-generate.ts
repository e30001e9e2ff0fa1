/**
 * Generates one migration per dialect from the difference between the entities and the
 * migrations already written: `npm run migration:generate -- AddProblems`.
 * SQLite runs in a scratch file; PostgreSQL in a scratch database on DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/migrations';

const root = process.env.ROOT ?? process.cwd();

function render(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) =>
    qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function diff(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.reverse().map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run migration:generate -- PascalCaseName');
    process.exit(2);
  }
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const written: string[] = [];

  const sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hp-mig-')), 'scratch.sqlite');
  const sqlite = await diff(new DataSource(dataSourceOptions({ type: 'sqlite', file: sqliteFile, logging: false })));

  const adminUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `hp_migrate_scratch_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  let pg: { up: string[]; down: string[] };
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    pg = await diff(new DataSource(dataSourceOptions({ type: 'postgres', url: url.toString(), logging: false })));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }

  for (const [dialect, d] of [['sqlite', sqlite], ['postgres', pg]] as const) {
    if (d.up.length === 0) {
      console.log(`${dialect}: entities and migrations agree; nothing written`);
      continue;
    }
    const file = path.join(root, 'migrations', dialect, `${stamp}-${name}.ts`);
    fs.writeFileSync(file, render(className, d.up, d.down));
    written.push(path.relative(root, file));
  }
  for (const f of written) console.log(`wrote ${f}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
