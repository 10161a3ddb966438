import { registerAs } from '@nestjs/config';
import { parseSwitch } from '../../config/env';

/**
 * Whether this process runs the schedules (workflow timers, reminders, planner statistics, the
 * report aggregates' fold):
 * SCHEDULER=off to disable; the CLI turns it off for its one job.
 */
export interface SchedulerConfig {
  enabled: boolean;
}

export function loadSchedulerConfig(env: NodeJS.ProcessEnv): SchedulerConfig {
  return { enabled: parseSwitch('SCHEDULER', env.SCHEDULER, true) };
}

export const schedulerConfig = registerAs('scheduler', () => loadSchedulerConfig(process.env));
