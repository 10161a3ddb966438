import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { daysBetween } from '../common/dates/business-date';
import { Clock } from '../common/clock/clock';

/** Seconds: from a fast read (a few ms) to a province's slow report. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The process's Prometheus metrics (`GET /metrics`, docs/deployment.md, "Metrics"), with
 * prom-client, in a registry of its own (several apps in one test process stay apart). Counters
 * and histograms are fed as things happen (the HTTP middleware, the negotiation writer); the
 * gauges of the database (due timers, the outbox, the connection pool) are read when scraped.
 * Table names only: this folder imports no feature.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: 'wagetrack_http_request_duration_seconds',
    help: 'HTTP requests by method, route (its pattern, e.g. /api/v1/negotiations/:id) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly reportDuration = new Histogram({
    name: 'wagetrack_report_duration_seconds',
    help: 'Report requests by report (signing-rates, trend, target-gaps, …) and format',
    labelNames: ['report', 'format'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly workflowEvents = new Counter({
    name: 'wagetrack_workflow_events_total',
    help: 'Workflow events recorded (committed), by type and source (user, system: the timers)',
    labelNames: ['type', 'source'] as const,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, clock: Clock) {
    collectDefaultMetrics({ register: this.registry, prefix: 'wagetrack_' });
    const dueFilter = "action = 'fire' AND failed_reason IS NULL AND due_on <= ?";
    new Gauge({
      name: 'wagetrack_timers_due',
      help: 'Workflow timers due and not yet fired',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM deadlines WHERE ${dueFilter}`, [
          clock.today(),
        ]);
        this.set(Number(row.n));
      },
    });
    new Gauge({
      name: 'wagetrack_timer_lag_days',
      help: 'Days since the oldest due timer that has not fired fell due (0: none is late)',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query(`SELECT MIN(due_on) AS due FROM deadlines WHERE ${dueFilter}`, [
          clock.today(),
        ]);
        if (!row.due) return this.set(0);
        const due = row.due instanceof Date ? row.due.toISOString() : String(row.due);
        this.set(daysBetween(due.slice(0, 10), clock.today()));
      },
    });
    new Gauge({
      name: 'wagetrack_reminders',
      help: 'Reminder e-mails in the outbox by status (pending, failed, parked, sent)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: Array<{ status: string; n: number | string }> = await dataSource.query(
          'SELECT status, COUNT(*) AS n FROM reminders GROUP BY status',
        );
        for (const row of rows) this.set({ status: row.status }, Number(row.n));
      },
    });
    new Gauge({
      name: 'wagetrack_db_pool_connections',
      help: 'MySQL/MariaDB connection pool: open, idle, and requests waiting for a connection',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { pool?: PoolInternals }).pool;
        if (!pool) return; // SQLite: one connection, no pool
        this.set({ state: 'open' }, pool._allConnections?.length ?? 0);
        this.set({ state: 'idle' }, pool._freeConnections?.length ?? 0);
        this.set({ state: 'waiting' }, pool._connectionQueue?.length ?? 0);
      },
    });
  }
}
