import { Command, CommandRunner } from 'nest-commander';
import { WorkflowVerifier } from '../negotiations/workflow-verifier';

/** `npm run cli -- workflow:verify`: exit 1 when any snapshot differs from its replayed log. */
@Command({
  name: 'workflow:verify',
  description: "replay every negotiation's events through the machine and compare with the stored snapshot",
})
export class WorkflowVerifyCommand extends CommandRunner {
  constructor(private readonly verifier: WorkflowVerifier) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.verifier.verifyAll();
    for (const mismatch of report.mismatches) {
      console.log(`negotiation ${mismatch.negotiationId}: ${mismatch.problem}`);
    }
    console.log(`verified ${report.checked} negotiation(s): ${report.mismatches.length} mismatch(es)`);
    if (report.mismatches.length > 0) process.exitCode = 1;
  }
}
