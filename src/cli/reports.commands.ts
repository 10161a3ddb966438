import { Command, CommandRunner } from 'nest-commander';
import { CoverageLedger } from '../reports/aggregates/coverage-ledger';
import { CoverageVerifier } from '../reports/aggregates/coverage-verifier';

/** `npm run cli -- reports:verify`: exit 1 when the report aggregates differ from the base tables. */
@Command({
  name: 'reports:verify',
  description: 'compare the report aggregates with the enterprises and agreements, and list any difference',
})
export class ReportsVerifyCommand extends CommandRunner {
  constructor(private readonly verifier: CoverageVerifier) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.verifier.verify();
    for (const difference of report.differences) console.log(difference.what);
    if (report.differenceCount > report.differences.length)
      console.log(`… and ${report.differenceCount - report.differences.length} more`);
    console.log(
      `verified the report aggregates of ${report.enterprises} enterprise(s), ${report.cells} cell and day cell row(s): ${report.differenceCount} difference(s)`,
    );
    if (report.differenceCount > 0) process.exitCode = 1;
  }
}

/** `npm run cli -- reports:rebuild`: the report aggregates computed afresh from the base tables. */
@Command({
  name: 'reports:rebuild',
  description:
    'rebuild the report aggregates from the enterprises and agreements (after a restore or a hand edit)',
})
export class ReportsRebuildCommand extends CommandRunner {
  constructor(private readonly ledger: CoverageLedger) {
    super();
  }

  async run(): Promise<void> {
    const started = Date.now();
    let reported = 0;
    const count = await this.ledger.rebuild(undefined, (done) => {
      if (done - reported >= 100_000) {
        reported = done;
        console.log(`${done} enterprise(s)…`);
      }
    });
    const folded = await this.ledger.foldAll();
    console.log(
      `rebuilt the report aggregates of ${count} enterprise(s) in ${((Date.now() - started) / 1000).toFixed(1)} s${folded > 0 ? ` (${folded} journal row(s) summed after)` : ''}`,
    );
  }
}
