import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/app.config';
import { type BusinessDate, todayIn } from '../dates/business-date';

/** Today in the business time zone (TZ_BUSINESS). One place to ask, so tests can replace it. */
@Injectable()
export class Clock {
  constructor(@Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>) {}

  now(): Date {
    return new Date();
  }

  today(): BusinessDate {
    return todayIn(this.config.businessTimeZone, this.now());
  }
}
