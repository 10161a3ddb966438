import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server inside the test process (smtp-server): it receives what the app sends
 * and can be told to answer the next deliveries with an SMTP error code.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private failures: { code: number; message: string }[] = [];
  private outage: { code: number; message: string } | null = null;
  private server?: SMTPServer;
  private delayMs = 0;

  url = '';

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        const failure = this.outage ?? this.failures.shift();
        if (!failure) return callback();
        const error = new Error(failure.message) as Error & { responseCode: number };
        error.responseCode = failure.code;
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            this.received.push({
              to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? ''),
              messageId: mail.messageId ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            });
            if (this.delayMs > 0) setTimeout(callback, this.delayMs);
            else callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${port}`;
    return this;
  }

  /** The next `times` deliveries are refused with `code` (e.g. 421 try later, 550 no such mailbox). */
  failNext(code: number, message: string, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ code, message });
  }

  /** Every delivery is refused with `code` until `recover()`. */
  outageWith(code: number, message: string): void {
    this.outage = { code, message };
  }

  /** Every delivery is accepted `ms` after its data arrived (a slow relay), until `clear()`. */
  answerAfter(ms: number): void {
    this.delayMs = ms;
  }

  recover(): void {
    this.outage = null;
  }

  clear(): void {
    this.received.length = 0;
    this.failures = [];
    this.outage = null;
    this.delayMs = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
