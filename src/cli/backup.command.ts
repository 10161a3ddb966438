import { resolve } from 'node:path';
import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { backupDatabase } from '../database/backup';
import { serverConfig } from '../server.config';

/** `npm run cli -- backup <file>`: a consistent copy of DATABASE_URL while the app runs. */
@Command({
  name: 'backup',
  arguments: '<file>',
  description:
    'write a consistent copy of the database to <file> while the app runs (SQLite: a database file; MySQL/MariaDB: an SQL dump)',
})
export class BackupCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(serverConfig.KEY) private readonly server: ConfigType<typeof serverConfig>,
  ) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const target = resolve(file);
    try {
      const { bytes, method } = await backupDatabase(this.dataSource, this.server.database, target);
      console.log(`backed up to ${target} (${method}, ${bytes} bytes)`);
    } catch (error) {
      console.error(`wagetrack: error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
