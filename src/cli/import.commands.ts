import { SingleBar, Presets } from 'cli-progress';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '../access/actor';
import { AppError } from '../common/errors/app-error';
import { AgreementImportService } from '../imports/agreement-import.service';
import { EnterpriseImportService, ImportOptions } from '../imports/enterprise-import.service';
import type { ImportResult } from '../imports/import-result';
import { OrgUnitImportService } from '../imports/org-unit-import.service';

interface ImportFlags {
  dryRun?: boolean;
  atomic?: boolean;
}

/** Shared by both import commands: read the file, show progress, print the outcome and the errors. */
abstract class ImportCommand extends CommandRunner {
  protected abstract importFile(content: Buffer, name: string, options: ImportOptions): Promise<ImportResult>;

  async run([file]: string[], flags: ImportFlags = {}): Promise<void> {
    if (!file) return this.fail('name the file to import (.xlsx or .csv)');
    let content: Buffer;
    try {
      if (!statSync(file).isFile()) return this.fail(`${file} is not a file`);
      content = readFileSync(file);
    } catch (error) {
      return this.fail(`cannot read ${file}: ${(error as Error).message}`);
    }
    const bar = new SingleBar(
      { format: '{bar} {percentage}% | {value}/{total} rows', hideCursor: true },
      Presets.shades_classic,
    );
    let started = false;
    try {
      const result = await this.importFile(content, basename(file), {
        dryRun: flags.dryRun,
        atomic: flags.atomic,
        progress: process.stderr.isTTY
          ? (done, total) => {
              if (!started) bar.start(total, 0);
              started = true;
              bar.update(done);
            }
          : undefined,
      });
      if (started) bar.stop();
      for (const error of result.errors) {
        console.log(
          `row ${error.row}, ${error.column}${error.value === null ? '' : ` "${error.value}"`}: ${error.message}`,
        );
      }
      const verb = result.applied ? '' : ' (nothing written)';
      console.log(
        `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, bad rows ${new Set(result.errors.map((e) => e.row)).size}${verb}`,
      );
      if (result.errors.length > 0) process.exitCode = 1;
    } catch (error) {
      if (started) bar.stop();
      if (error instanceof AppError) return this.fail(error.message);
      throw error;
    }
  }

  private fail(message: string): void {
    console.error(`import: ${message}`);
    process.exitCode = 1;
  }

  @Option({ flags: '--dry-run', description: 'check and report; write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--atomic', description: 'write nothing if any row is bad' })
  parseAtomic(): boolean {
    return true;
  }
}

/** `npm run cli -- import:enterprises FILE [--dry-run] [--atomic]` */
@Command({
  name: 'import:enterprises',
  arguments: '<file>',
  description: 'import the enterprise roster (.xlsx or .csv)',
})
export class ImportEnterprisesCommand extends ImportCommand {
  constructor(private readonly enterprises: EnterpriseImportService) {
    super();
  }

  protected importFile(content: Buffer, name: string, options: ImportOptions): Promise<ImportResult> {
    return this.enterprises.import(content, name, SYSTEM_ACTOR, options);
  }
}

/** `npm run cli -- import:agreements FILE [--dry-run] [--atomic]` */
@Command({
  name: 'import:agreements',
  arguments: '<file>',
  description: 'import agreements signed before the product was used',
})
export class ImportAgreementsCommand extends ImportCommand {
  constructor(private readonly agreements: AgreementImportService) {
    super();
  }

  protected importFile(content: Buffer, name: string, options: ImportOptions): Promise<ImportResult> {
    return this.agreements.import(content, name, SYSTEM_ACTOR, options);
  }
}

/** `npm run cli -- import:org-units FILE [--dry-run] [--atomic]` */
@Command({
  name: 'import:org-units',
  arguments: '<file>',
  description: 'import a list of organisation units (区划代码, 名称, 上级区划代码, optional 层级)',
})
export class ImportOrgUnitsCommand extends ImportCommand {
  constructor(private readonly orgUnits: OrgUnitImportService) {
    super();
  }

  protected importFile(content: Buffer, name: string, options: ImportOptions): Promise<ImportResult> {
    return this.orgUnits.import(content, name, SYSTEM_ACTOR, options);
  }
}
