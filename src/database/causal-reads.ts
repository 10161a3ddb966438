import type { DataSource } from 'typeorm';
import { isMysqlFamily } from './transactions';

/**
 * Sent on every new connection before anything else. MariaDB runs what the versioned comment
 * holds (10.1 and later: every MariaDB with Galera), so each read first waits until the node
 * has applied every write the cluster committed before it: a read on one node sees a write just
 * made through another (a Galera node applies other nodes' writes a moment after they commit;
 * without this, an instance on node 2 could read the version before the write made through
 * node 1 and answer a false 409). On a server without Galera the setting does nothing. MySQL
 * reads the comment as a comment (its clusters: docs/deployment.md).
 */
export const CAUSAL_READS_SQL = 'SET @wagetrack_causal_reads = 1 /*M!100100 , SESSION wsrep_sync_wait = 1 */';

interface Pool {
  on(event: 'connection', listener: (connection: { query(sql: string): unknown }) => void): void;
}

interface MysqlModule {
  createPool(options: unknown): Pool;
}

/**
 * Makes every connection of a MySQL/MariaDB data source's pool causal (CAUSAL_READS_SQL), from
 * the first one on: call before `initialize()`. TypeORM offers no hook per new connection, so
 * this wraps the driver's mysql2 module, whose pool announces each connection it opens before
 * handing it out (the statement is queued ahead of the first query). SQLite: unchanged.
 */
export function withCausalReads(dataSource: DataSource): DataSource {
  if (!isMysqlFamily(dataSource)) return dataSource;
  const driver = dataSource.driver as unknown as { mysql: MysqlModule };
  const mysql = driver.mysql;
  driver.mysql = Object.assign(Object.create(mysql) as MysqlModule, {
    createPool(options: unknown): Pool {
      const pool = mysql.createPool(options);
      pool.on('connection', (connection) => connection.query(CAUSAL_READS_SQL));
      return pool;
    },
  });
  return dataSource;
}
