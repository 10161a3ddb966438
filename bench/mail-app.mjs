// Child process of bench/mail.mjs: boots the built app's module graph (dist/, as the CLI
// `reminders:run` does, without HTTP) and runs what `reminders:run` runs, phase by phase:
// ReminderBuilder.planDigests + planSummaries (query and render), ReminderBuilder.enqueue
// (write the outbox), ReminderSender.deliverDue (claim, send through MailTransport, mark).
// Prints one JSON line with the time and CPU of each phase. DATABASE_URL and SMTP_URL come
// from the environment.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// APP_DIST: another build to load instead of ./dist (e.g. a patched copy, to compare).
const dist = process.env.APP_DIST ?? join(root, 'dist');
const require = createRequire(join(dist, 'src', 'main.js'));
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { AppModule } = require(join(dist, 'src/app.module.js'));
const { ReminderBuilder } = require(join(dist, 'src/reminders/reminder-builder.js'));
const { ReminderSender } = require(join(dist, 'src/reminders/reminder-sender.js'));
const { Clock } = require(join(dist, 'src/common/clock/clock.js'));

process.env.SCHEDULER = 'off';

const phase = async (work) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const u = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (u.user + u.system) / 1000 };
};

const booted = await phase(() =>
  NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] }),
);
const app = booted.value;
try {
  const builder = app.get(ReminderBuilder, { strict: false });
  const sender = app.get(ReminderSender, { strict: false });
  const today = app.get(Clock, { strict: false }).today();
  // RemindersService.runNow: digests, then summaries, then one enqueue.
  const plan = await phase(async () => [
    ...(await builder.planDigests(today)),
    ...(await builder.planSummaries(today)),
  ]);
  const enqueue = await phase(() => builder.enqueue(plan.value));
  const deliver = await phase(() => sender.deliverDue());
  console.log(
    JSON.stringify({
      today,
      boot: { ms: booted.ms, cpuMs: booted.cpuMs },
      plan: { ms: plan.ms, cpuMs: plan.cpuMs, planned: plan.value.length },
      enqueue: { ms: enqueue.ms, cpuMs: enqueue.cpuMs, queued: enqueue.value },
      deliver: { ms: deliver.ms, cpuMs: deliver.cpuMs, report: deliver.value },
    }),
  );
} finally {
  await app.close();
}
