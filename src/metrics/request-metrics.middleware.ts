import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/**
 * Times every request and records it once answered, by its route's pattern (so
 * `/api/v1/negotiations/7` and `/8` count together; requests no route matched count as
 * `unmatched`), and each report request again as a report (by its name and format).
 */
@Injectable()
export class RequestMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = this.metrics.requestDuration.startTimer();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const pattern = (req.route as { path?: string } | undefined)?.path;
      const route = pattern ? `${req.baseUrl}${pattern}` : 'unmatched';
      stop({ method: req.method, route, status: String(res.statusCode) });
      const report = /^\/api\/v1\/reports\/([a-z-]+)/.exec(route);
      if (report && res.statusCode < 400) {
        const format = (req.params as { format?: string }).format ?? 'json';
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.metrics.reportDuration.observe({ report: report[1], format }, seconds);
      }
    });
    next();
  }
}
