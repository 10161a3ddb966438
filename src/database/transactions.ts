import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

const DEADLOCK_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);
const MAX_ATTEMPTS = 4;

export function isMysqlFamily(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

function isDeadlock(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { errno?: number; sqlState?: string };
  return DEADLOCK_ERRNOS.has(driverError.errno ?? 0) || driverError.sqlState === '40001';
}

/**
 * A short write transaction. On MySQL/MariaDB it runs at READ COMMITTED, which avoids the
 * gap-lock deadlocks REPEATABLE READ causes between writers of different rows (see
 * stack-notes.md), and a deadlock victim is retried a few times. SQLite runs one write at a
 * time and knows only its default level.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!isMysqlFamily(dataSource)) return dataSource.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction('READ COMMITTED', work);
    } catch (error) {
      if (!isDeadlock(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
