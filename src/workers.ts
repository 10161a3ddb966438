import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import type { ServerConfig } from './server.config';

/** A worker that dies sooner than this after its start is not restarted (it would loop). */
const MIN_UPTIME_MS = 10_000;

/**
 * WORKERS > 1 (MySQL/MariaDB only): this process forks that many app processes sharing the
 * port and supervises them. The first one starts alone, so that one process applies the
 * migrations and creates the first admin; the others start once it listens. A worker that
 * dies is started again; SIGTERM/SIGINT stop every worker gracefully, then this process.
 */
export function superviseWorkers(config: ServerConfig): void {
  const logger = pino({ level: config.logLevel, base: { pid: process.pid, role: 'primary' } });
  let stopping = false;
  const startedAt = new Map<number, number>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('all workers stopped');
        process.exit(0);
      }
      return;
    }
    if (uptime < MIN_UPTIME_MS) {
      logger.fatal(
        { code, signal },
        `worker ${worker.process.pid} failed within ${uptime} ms of its start: stopping`,
      );
      stopAll(1);
      return;
    }
    logger.error({ code, signal }, `worker ${worker.process.pid} died: starting another`);
    fork();
  });

  const stopAll = (exitCode: number): void => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    if (exitCode !== 0) setTimeout(() => process.exit(exitCode), 15_000).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info(`${signal} received: stopping ${config.workers} workers`);
      stopAll(0);
    });
  }

  const first = fork();
  first.once('listening', () => {
    for (let i = 1; i < config.workers; i++) fork();
    logger.info(`${config.workers} workers listening on port ${config.port}`);
  });
}
