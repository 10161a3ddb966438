import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { CommandFactory } from 'nest-commander';
import { loadAllConfig } from '../app.config';
import { ConfigError } from '../config/config.error';
import { CliModule } from './cli.module';

/** Entry point of `npm run cli -- <command> [options]`; `npm run cli -- --help` lists commands. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  process.env.LOG_LEVEL ??= 'warn';
  // A command does its one job; the app's schedules (timers, reminders) belong to the server.
  process.env.SCHEDULER = 'off';
  loadAllConfig(); // one clear line for a bad setting, before anything boots
  await CommandFactory.run(CliModule, { logger: ['error', 'warn'], errorHandler: (error) => fail(error) });
}

function fail(error: unknown): never {
  // Commander has already printed its own message (help, unknown option, missing option).
  const code = (error as { code?: string }).code;
  if (code?.startsWith('commander.')) process.exit(code === 'commander.helpDisplayed' ? 0 : 1);
  const prefix = error instanceof ConfigError ? 'configuration error' : 'error';
  console.error(`wagetrack: ${prefix}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

main().catch(fail);
