import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Clock } from '../src/common/clock/clock';
import { loadMailConfig } from '../src/reminders/mail.config';
import { parseDatabaseUrl } from '../src/config/database-url';
import { MailTransport } from '../src/reminders/mail-transport';
import { Reminder } from '../src/reminders/reminder.entity';
import { LEASE_MS, ReminderSender } from '../src/reminders/reminder-sender';
import { RemindersService } from '../src/reminders/reminders.service';
import { anEnterprise } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, TestApp } from './support/test-app';
import { isServerDatabase, testDatabaseConfig } from './support/test-database';
import { aSignedInUser } from './support/users';

/**
 * Reminders across app lives and instances on one database: a crash between sending and
 * marking loses nothing, and two instances deliver each digest once.
 */
describe('Reminders across instances and crashes (e2e, real SMTP)', () => {
  let sink: SmtpSink;
  let directory: string;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-reminders-'));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    while (apps.length > 0) await apps.pop()!.close();
    sink.clear();
  });
  afterAll(async () => {
    await sink.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  /** An app on the shared database (a SQLite file here, the test database on MySQL). */
  async function anInstance(name: string, truncate: boolean): Promise<TestApp> {
    const database = isServerDatabase()
      ? testDatabaseConfig()
      : parseDatabaseUrl(`sqlite:${join(directory, `${name}.sqlite`)}`);
    const mail = { ...loadMailConfig({}), smtpUrl: sink.url };
    const app = await createTestApp({ server: { database }, mail }, { truncate });
    apps.push(app);
    return app;
  }

  async function instructorsWithWork(app: TestApp, count: number): Promise<void> {
    const admin = await aSignedInUser(app, 'admin');
    for (let i = 0; i < count; i++) {
      const instructor = await aSignedInUser(app, 'instructor');
      await request(app.http)
        .post('/api/v1/enterprises')
        .set(admin.auth)
        .send(anEnterprise({ instructorId: instructor.id }))
        .expect(201);
    }
  }

  it('re-sends, with the same Message-ID, what a sender sent but could not mark before it died; none is lost', async () => {
    const first = await anInstance('shared', true);
    await instructorsWithWork(first, 5);
    expect((await first.app.get(RemindersService).runNow({ includeSummary: false })).queued).toBe(5);

    // The first instance claims the batch, delivers two, and dies before marking anything.
    const sender = first.app.get(ReminderSender) as unknown as {
      claim(limit: number, owner: string): Promise<Reminder[]>;
    };
    const claimed = await sender.claim(5, 'a-sender-that-dies#1');
    expect(claimed).toHaveLength(5);
    for (const row of claimed.slice(0, 2)) await first.app.get(MailTransport).send(row);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const second = await anInstance('shared', false);
    expect(await second.app.get(ReminderSender).deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 }); // leased
    jest.spyOn(second.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + LEASE_MS + 1000));
    expect(await second.app.get(ReminderSender).deliverDue()).toEqual({ sent: 5, failed: 0, parked: 0 });

    const rows = await second.dataSource.getRepository(Reminder).find();
    expect(rows.map((row) => row.status)).toEqual(Array(5).fill('sent'));
    const ids = sink.received.map((mail) => mail.messageId);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(5);
    const resent = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(resent.sort()).toEqual(
      claimed
        .slice(0, 2)
        .map((row) => `<${row.dedupeKey}@wagetrack.reminders>`)
        .sort(),
    );
  });

  it('delivers each digest once when two instances build and send the same slot at the same moment', async () => {
    const a = await anInstance('pair', true);
    await instructorsWithWork(a, 12);
    // MySQL/MariaDB: a second instance on the same database. SQLite is one process by design:
    // there, the same instance runs both at once.
    const b = isServerDatabase() ? await anInstance('pair', false) : a;

    const built = await Promise.all(
      [a, b].map((app) => app.app.get(RemindersService).runNow({ includeSummary: false })),
    );
    expect(built[0].queued + built[1].queued).toBe(12);
    const sent = await Promise.all([a, b].map((app) => app.app.get(ReminderSender).deliverDue()));
    expect(sent[0].sent + sent[1].sent).toBe(12);

    const ids = sink.received.map((mail) => mail.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('finishes the mails in hand when the app stops and gives the rest of its claim back at once', async () => {
    const first = await anInstance('stopping', true);
    await instructorsWithWork(first, 12);
    expect((await first.app.get(RemindersService).runNow({ includeSummary: false })).queued).toBe(12);
    const transport = first.app.get(MailTransport);
    const send = transport.send.bind(transport);
    let started = 0;
    jest.spyOn(transport, 'send').mockImplementation(async (row) => {
      started += 1;
      await new Promise((resolve) => setTimeout(resolve, 300)); // a slow mail server
      return send(row);
    });
    const delivering = first.app.get(ReminderSender).deliverDue();
    while (started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.close(); // what SIGTERM does
    apps.splice(apps.indexOf(first), 1);
    const report = await delivering;
    expect(report.sent).toBeGreaterThan(0);
    expect(report.sent).toBeLessThan(12);

    const second = await anInstance('stopping', false);
    const rows = await second.dataSource.getRepository(Reminder).find();
    const sent = rows.filter((row) => row.status === 'sent');
    expect(sent).toHaveLength(report.sent);
    expect(sink.received).toHaveLength(report.sent);
    // The rest went back: not leased, so another sender takes them now, not after the lease.
    expect(
      rows.filter((row) => row.status !== 'sent').map((row) => [row.leaseOwner, row.leaseUntil]),
    ).toEqual(Array(12 - report.sent).fill([null, null]));
    expect(await second.app.get(ReminderSender).deliverDue()).toEqual({
      sent: 12 - report.sent,
      failed: 0,
      parked: 0,
    });
  });
});
