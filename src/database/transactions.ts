import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { isSqliteBusy, isWriteConflict } from '../common/errors/database-unavailable';

const DEADLOCK_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);
/**
 * Attempts of a transaction aborted as a deadlock. On a Galera cluster a local transaction is
 * also aborted (1213) when another node's commit certifies first or a replicated write needs its
 * locks: four attempts once ran out in the cluster test (an enterprise created on each of three
 * nodes at once; which rows collided was not found).
 */
const MAX_ATTEMPTS = 6;

export function isMysqlFamily(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

function isDeadlock(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { errno?: number; sqlState?: string };
  return DEADLOCK_ERRNOS.has(driverError.errno ?? 0) || driverError.sqlState === '40001';
}

/** The tail of each SQLite database's queue of write transactions. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Every write transaction of the app goes through here.
 *
 * On MySQL/MariaDB it runs at READ COMMITTED, which avoids the gap-lock deadlocks REPEATABLE
 * READ causes between writers of different rows (see docs/stack-notes.md), and a deadlock victim
 * is retried a few times. On SQLite, so is a transaction that read before another process (a CLI
 * command beside the server: a backup, an import) wrote to the file: it cannot write on its stale
 * snapshot (SQLITE_BUSY_SNAPSHOT, isWriteConflict); begun again, it reads the new state. One
 * that waited out the busy timeout for that process's write lock (SQLITE_BUSY) waits again.
 *
 * TypeORM talks to SQLite over one connection, where a second BEGIN while a transaction is
 * open fails ("cannot start a transaction within a transaction"): transactions are queued
 * and run one after another, which is also all SQLite could do with them.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!isMysqlFamily(dataSource)) {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    const next = previous.then(() =>
      retried(
        () => dataSource.transaction(work),
        (error) => isWriteConflict(error) || isSqliteBusy(error),
      ),
    );
    sqliteQueues.set(
      dataSource,
      next.catch(() => undefined),
    );
    return next;
  }
  return retried(() => readCommittedTransaction(dataSource, work), isDeadlock);
}

/** The transaction, begun again a few times while it fails with an error `again` says is passing. */
async function retried<T>(transaction: () => Promise<T>, again: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!again(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** Pooled MySQL connections whose session isolation level is already READ COMMITTED. */
const readCommittedConnections = new WeakSet<object>();

/**
 * A transaction at READ COMMITTED. The level is set once per pooled connection (for its
 * session) rather than before every transaction: one round trip less on the hot path.
 */
async function readCommittedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  try {
    const connection = (await runner.connect()) as object;
    if (!readCommittedConnections.has(connection)) {
      await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      readCommittedConnections.add(connection);
    }
    await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // A connection lost mid-transaction cannot roll back (the server already has): the error
      // that matters is the one that ended the work.
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
