import { backupFileName, defaultBackupPath, pgDumpArgs, pgRestoreArgs, shellLine, unknownMigrations } from './backup';

describe('backup naming and commands', () => {
  const at = new Date('2026-11-30T15:30:07.123Z');

  it('names backups by UTC time, beside a SQLite file or under data/backups for PostgreSQL', () => {
    expect(backupFileName('platform', '.sqlite', at)).toBe('platform-20261130T153007Z.sqlite');
    expect(defaultBackupPath({ type: 'sqlite', file: '/srv/hp/data/platform.sqlite', logging: false }, '/x', at)).toBe('/srv/hp/data/backups/platform-20261130T153007Z.sqlite');
    expect(defaultBackupPath({ type: 'postgres', url: 'postgres://u:p@db:5432/hiring', logging: false }, '/srv/hp', at)).toBe('/srv/hp/data/backups/hiring-20261130T153007Z.dump');
  });

  it('runs pg_dump in custom format without owners, and pg_restore in one transaction that stops at the first error', () => {
    const db = { type: 'postgres' as const, url: 'postgres://u:secret@db:5432/hiring', schema: 'hp', logging: false };
    expect(pgDumpArgs(db, '/b/x.dump')).toEqual(['--format=custom', '--no-owner', '--no-privileges', '--schema=hp', '--file=/b/x.dump', '--dbname=postgres://u:secret@db:5432/hiring']);
    expect(pgRestoreArgs(db, '/b/x.dump')).toEqual(expect.arrayContaining(['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '/b/x.dump']));
    // Printed commands never show the password.
    expect(shellLine('pg_dump', pgDumpArgs(db, '/b/x.dump'))).toBe("pg_dump --format=custom --no-owner --no-privileges --schema=hp --file=/b/x.dump '--dbname=postgres://u:***@db:5432/hiring'");
  });

  it('knows which recorded migrations this build lacks', () => {
    expect(unknownMigrations(['Initial1795662482781', 'FromTheFuture9999999999999'], 'sqlite')).toEqual(['FromTheFuture9999999999999']);
    expect(unknownMigrations(['Initial1795662482781'], 'postgres')).toEqual([]);
  });
});
