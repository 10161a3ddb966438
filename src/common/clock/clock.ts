import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/app.config';
import { type BusinessDate, todayIn } from '../dates/business-date';

/** Today in the business time zone (TZ_BUSINESS). One place to ask, so tests can replace it. */
@Injectable()
export class Clock {
  /** The last answer of today(), for the second it was computed in (several calls per request). */
  private last = { second: NaN, today: '' };

  constructor(@Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>) {}

  now(): Date {
    return new Date();
  }

  today(): BusinessDate {
    const now = this.now();
    const second = Math.floor(now.getTime() / 1000);
    if (second !== this.last.second) {
      this.last = { second, today: todayIn(this.config.businessTimeZone, now) };
    }
    return this.last.today;
  }
}
