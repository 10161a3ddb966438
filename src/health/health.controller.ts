import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/decorators';
import { RETRY_AFTER_SECONDS } from '../common/errors/database-unavailable';

/**
 * Health for people and for load balancers (docs/deployment.md): `/health/live` says the process
 * answers (restart it when not), `/health/ready` whether it can serve (its database answers and
 * its migrations are current: send it no traffic when not). `/health` is the database ping it
 * always was.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Database ping: 200 when up, 503 when the database does not answer' })
  check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    return this.answer(res, [() => this.database.pingCheck('database', { timeout: 2000 })]);
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers requests' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: 200 when the database answers and every migration has run; 503 with Retry-After otherwise',
  })
  ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    return this.answer(res, [
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.migrations(),
    ]);
  }

  /** Up when every migration the app knows is recorded as run in the database. */
  private async migrations() {
    const indicator = this.indicators.check('migrations');
    try {
      const table = this.dataSource.options.migrationsTableName ?? 'migrations';
      const rows: Array<{ name: string }> = await this.dataSource.query(
        `SELECT name FROM ${this.dataSource.driver.escape(table)}`,
      );
      const run = new Set(rows.map((row) => row.name));
      const pending = this.dataSource.migrations
        .map((m) => m.name ?? m.constructor.name)
        .filter((n) => !run.has(n));
      return pending.length === 0
        ? indicator.up()
        : indicator.down({ message: 'migrations are pending (npm run migration:run)', pending });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async answer(
    res: Response,
    checks: Parameters<HealthCheckService['check']>[0],
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Keep terminus's report (which check failed, and why) rather than the generic error body.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS));
      return error.getResponse() as HealthCheckResult;
    }
  }
}
