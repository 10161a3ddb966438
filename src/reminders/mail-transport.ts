import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { type MailConfig, mailConfig } from './mail.config';
import type { Reminder } from './reminder.entity';
import { messageIdOf } from './slots';

export type FailureKind = 'temporary' | 'permanent';

/**
 * SMTP answers 5xx for what will never work (unknown mailbox: 550) and 4xx for what may
 * work later (421 service unavailable); a refused or timed-out connection is temporary too.
 */
export function classifyFailure(error: unknown): FailureKind {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 ? 'permanent' : 'temporary';
}

/**
 * Delivers one reminder through nodemailer: to the SMTP server of SMTP_URL, or, without one
 * (the embedded default), as an .eml file in MAIL_OUTBOX_DIR named after its dedupe key.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;

  constructor(@Inject(mailConfig.KEY) private readonly mail: MailConfig) {
    const { smtpUrl } = mail;
    this.transporter = smtpUrl
      ? nodemailer.createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 5,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(reminder: Reminder): Promise<void> {
    const info = (await this.transporter.sendMail({
      from: this.mail.from,
      to: reminder.recipientEmail,
      subject: reminder.subject,
      text: reminder.textBody,
      html: reminder.htmlBody,
      messageId: messageIdOf(reminder.dedupeKey),
      headers: { 'X-Wagetrack-Slot': `${reminder.slotKind} ${reminder.slotDate}` },
    })) as { message?: Buffer };
    if (this.mail.smtpUrl) return;
    mkdirSync(this.mail.outboxDir, { recursive: true });
    const file = join(this.mail.outboxDir, `${reminder.dedupeKey}.eml`);
    writeFileSync(file, info.message ?? '');
    this.logger.log(`no SMTP_URL: wrote ${file} for ${reminder.recipientEmail}`);
  }

  /** After the senders have finished what they hold (ReminderSender.beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
