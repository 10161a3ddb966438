import { isDatabaseUnavailable, isWriteConflict } from './database-unavailable';

/** Errors shaped as mysql2, better-sqlite3 and TypeORM raise them (QueryFailedError wraps the driver's). */
const wrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (mysql2 marks it fatal)', { code: 'ECONNREFUSED', fatal: true }],
    ['a connection lost mid-query', wrapped({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['a Galera node without quorum', wrapped({ errno: 1047, code: 'ER_UNKNOWN_COM_ERROR' })],
    ['too many connections', wrapped({ errno: 1040 })],
    ['a closed pool', new Error('Pool is closed.')],
    [
      'a dropped connection used again',
      wrapped(new Error("Can't add new command when connection is in closed state")),
    ],
    ['TypeORM with no pool', new Error('Connection is not established with mysql database')],
    ['a closed SQLite database', wrapped(new TypeError('The database connection is not open'))],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', wrapped({ errno: 1062, code: 'ER_DUP_ENTRY' })],
    ['a syntax error', wrapped({ errno: 1064 })],
    ['an SMTP server that refused (not fatal: not a database connection)', { code: 'ECONNREFUSED' }],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something not an object', 'boom'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isWriteConflict', () => {
  it('is true for a deadlock or a Galera certification conflict (1213, SQLSTATE 40001)', () => {
    expect(isWriteConflict(wrapped({ errno: 1213 }))).toBe(true);
    expect(isWriteConflict(wrapped({ sqlState: '40001' }))).toBe(true);
    expect(isWriteConflict(wrapped({ errno: 1062 }))).toBe(false);
  });

  it('is true for a SQLite transaction whose snapshot another process made stale, not for a plain busy one', () => {
    expect(isWriteConflict(wrapped({ code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isWriteConflict(wrapped({ code: 'SQLITE_BUSY' }))).toBe(false);
    expect(isDatabaseUnavailable(wrapped({ code: 'SQLITE_BUSY' }))).toBe(true);
  });
});
