import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { RequestMetricsMiddleware } from './request-metrics.middleware';

/** `GET /metrics` and what feeds it; `Metrics` is global so that features can count what they do. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestMetricsMiddleware).forRoutes('*path');
  }
}
