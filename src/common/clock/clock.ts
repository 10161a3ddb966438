import { Inject, Injectable } from '@nestjs/common';
import { type BusinessDate, todayIn } from '../dates/business-date';
import { type BusinessTimeConfig, businessTimeConfig } from './business-time.config';

/** Today in the business time zone (TZ_BUSINESS). One place to ask, so tests can replace it. */
@Injectable()
export class Clock {
  /** The last answer of today(), for the second it was computed in (several calls per request). */
  private last = { second: NaN, today: '' };

  constructor(@Inject(businessTimeConfig.KEY) private readonly businessTime: BusinessTimeConfig) {}

  now(): Date {
    return new Date();
  }

  today(): BusinessDate {
    const now = this.now();
    const second = Math.floor(now.getTime() / 1000);
    if (second !== this.last.second) {
      this.last = { second, today: todayIn(this.businessTime.timeZone, now) };
    }
    return this.last.today;
  }
}
