import { Command, CommandRunner, Option } from 'nest-commander';
import { ReminderSender } from '../reminders/reminder-sender';
import { RemindersService } from '../reminders/reminders.service';

interface RunOptions {
  dryRun?: boolean;
}

/** `npm run cli -- reminders:run [--dry-run]`: today's digests and summaries, now. */
@Command({
  name: 'reminders:run',
  description: "build today's reminder e-mails and send them (--dry-run: only show them)",
})
export class RemindersRunCommand extends CommandRunner {
  constructor(
    private readonly reminders: RemindersService,
    private readonly sender: ReminderSender,
  ) {
    super();
  }

  async run(_params: string[], options: RunOptions = {}): Promise<void> {
    const result = await this.reminders.runNow({ dryRun: options.dryRun });
    for (const mail of result.planned) {
      console.log(`${mail.slotKind} ${mail.slotDate} → ${mail.recipientEmail}: ${mail.subject}`);
    }
    if (options.dryRun) {
      console.log(`dry run: ${result.planned.length} e-mail(s) would be queued; nothing was written`);
      return;
    }
    const delivered = await this.sender.deliverDue();
    console.log(
      `queued ${result.queued} new e-mail(s); delivered ${delivered.sent}, failed ${delivered.failed}, parked ${delivered.parked}`,
    );
  }

  @Option({ flags: '--dry-run', description: 'print what would be sent without writing anything' })
  parseDryRun(): boolean {
    return true;
  }
}
