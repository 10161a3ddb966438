import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/database-url';

/**
 * A consistent copy of the database while the app runs and writes (docs/deployment.md,
 * "Backups"): SQLite through its online backup API (better-sqlite3's `backup`), MySQL/MariaDB
 * through `mariadb-dump --single-transaction` (one consistent snapshot of every InnoDB table,
 * with no lock that stops the writers). Written to `<file>.partial` and renamed when complete:
 * a failed backup leaves no file that looks whole.
 */
export async function backupDatabase(
  dataSource: DataSource,
  database: DatabaseConfig,
  file: string,
): Promise<{ bytes: number; method: string }> {
  if (existsSync(file)) throw new BackupError(`${file} exists already; choose a new file`);
  const partial = `${file}.partial`;
  try {
    if (database.kind === 'sqlite') {
      if (database.file === ':memory:')
        throw new BackupError('an in-memory SQLite database has nothing to back up');
      const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection })
        .databaseConnection;
      const { totalPages } = await connection.backup(partial);
      await rename(partial, file);
      return {
        bytes: totalPages * Number(connection.pragma('page_size', { simple: true })),
        method: 'SQLite online backup',
      };
    }
    const bytes = await dump(database, partial);
    await rename(partial, file);
    return { bytes, method: 'mariadb-dump --single-transaction' };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export class BackupError extends Error {}

interface SqliteConnection {
  backup(file: string): Promise<{ totalPages: number }>;
  pragma(name: string, options: { simple: true }): unknown;
}

/** Debian's MariaDB client has mariadb-dump; MySQL's has mysqldump. */
const DUMPERS = ['mariadb-dump', 'mysqldump'];

async function dump(
  database: Extract<DatabaseConfig, { kind: 'mysql' | 'mariadb' }>,
  file: string,
): Promise<number> {
  const args = [
    '--single-transaction',
    '--routines',
    '--triggers',
    '--no-tablespaces',
    '--default-character-set=utf8mb4',
    `--host=${database.host}`,
    `--port=${database.port}`,
    `--user=${database.username}`,
    database.database,
  ];
  for (const command of DUMPERS) {
    try {
      return await runDump(command, args, database.password, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new BackupError(
    `neither ${DUMPERS.join(' nor ')} is installed (Debian: apt-get install mariadb-client)`,
  );
}

function runDump(
  command: string,
  args: string[],
  password: string | undefined,
  file: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    // The password goes through the environment, not the command line others can read.
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, ...(password ? { MYSQL_PWD: password } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stdout.pipe(out);
    child.stderr.on('data', (chunk: Buffer) => (errors += String(chunk)));
    child.on('error', (error) => {
      out.destroy();
      reject(error);
    });
    child.on('close', (code) => {
      out.end(() => {
        if (code === 0) resolve(bytes);
        else
          reject(
            new BackupError(`${command} failed (exit ${code}): ${errors.trim().split('\n').pop() ?? ''}`),
          );
      });
    });
  });
}
