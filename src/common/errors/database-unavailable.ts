import { AppError } from './app-error';

/**
 * What the app answers when the database cannot answer now (docs/contract.md, Errors): the
 * server is down or unreachable, a cluster node has lost quorum ("WSREP has not yet prepared node
 * for application use"), or it refuses more connections. Nothing the client sent is wrong: 503
 * with Retry-After, so clients and load balancers try again (another node, or later).
 */
export class DatabaseUnavailableError extends AppError {
  constructor() {
    super(
      503,
      'DATABASE.UNAVAILABLE',
      '数据库暂时无法访问，请稍后重试 (the database is not answering; try again shortly)',
    );
    this.headers = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
  }
}

/**
 * A write that lost to a concurrent one at the database (a deadlock, or a Galera certification
 * conflict, MySQL error 1213; on SQLite, another process's write to the file) more often than the
 * write path retries it (database/transactions.ts).
 * Nothing was written; the client may send it again.
 */
export class WriteConflictError extends AppError {
  constructor() {
    super(
      409,
      'WRITE.CONFLICT',
      '同时有其他修改，本次未保存，请重试 (a concurrent change won; nothing was saved, send it again)',
    );
    this.headers = { 'Retry-After': '1' };
  }
}

/** Seconds a client waits before asking again when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

interface DriverError {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  fatal?: unknown;
  name?: unknown;
  message?: unknown;
  driverError?: unknown;
}

/** mysql2's codes for a connection that could not be made or was lost (mysql2 marks them fatal). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

/** Server errors of a database that cannot serve now. */
const UNAVAILABLE_ERRNOS = new Set([
  1040, // ER_CON_COUNT_ERROR: too many connections
  1047, // ER_UNKNOWN_COM_ERROR: Galera "WSREP has not yet prepared node for application use" (no quorum)
  1053, // ER_SERVER_SHUTDOWN
  1205, // ER_LOCK_WAIT_TIMEOUT, once the write path's retries ran out: busy, try again
  1927, // ER_CONNECTION_KILLED
]);

/** The error itself, or the driver's error a query failure wraps (TypeORM's QueryFailedError). */
function layers(error: unknown): DriverError[] {
  if (typeof error !== 'object' || error === null) return [];
  const outer = error as DriverError;
  return typeof outer.driverError === 'object' && outer.driverError !== null
    ? [outer, outer.driverError as DriverError]
    : [outer];
}

/** Whether an error means the database is unavailable rather than that a statement was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return layers(error).some(
    (e) =>
      (e.fatal === true && CONNECTION_CODES.has(e.code as string)) ||
      UNAVAILABLE_ERRNOS.has(e.errno as number) ||
      // TypeORM, once its pool is gone (the app is stopping, or lost its database).
      e.name === 'CannotExecuteNotConnectedError' ||
      e.message === 'Pool is closed.' ||
      // mysql2, asked to use a connection the server has dropped.
      (typeof e.message === 'string' &&
        e.message.includes("Can't add new command when connection is in closed state")) ||
      (typeof e.message === 'string' && e.message.startsWith('Connection is not established with')) ||
      // better-sqlite3: the database was closed, or another process holds the lock too long.
      e.message === 'The database connection is not open' ||
      e.code === 'SQLITE_BUSY',
  );
}

/**
 * Whether an error is a write that lost to a concurrent one: deadlock or certification conflict;
 * on SQLite, a transaction that read before another process wrote to the file cannot write on
 * its stale snapshot (SQLITE_BUSY_SNAPSHOT, raised at once, without waiting).
 */
export function isWriteConflict(error: unknown): boolean {
  return layers(error).some(
    (e) => e.errno === 1213 || e.sqlState === '40001' || e.code === 'SQLITE_BUSY_SNAPSHOT',
  );
}

/**
 * On SQLite, a transaction that waited out the busy timeout while another process (a CLI
 * command beside the server) held the file's write lock: begun again, it waits again.
 */
export function isSqliteBusy(error: unknown): boolean {
  return layers(error).some((e) => e.code === 'SQLITE_BUSY');
}
