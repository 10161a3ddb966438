// Child process of bench/mail.mjs, the anchor: nodemailer alone, with the app's transport
// settings (pool, 5 connections, same timeouts), sending pre-built messages (read by the
// parent from the app's outbox, so the same size and headers) to SMTP_URL. No database.
// argv[2]: a JSON file of messages; ANCHOR_INFLIGHT sendMail calls at a time (default 10).
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';

const messages = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const inflight = Number(process.env.ANCHOR_INFLIGHT ?? 10);
const transporter = nodemailer.createTransport({
  url: process.env.SMTP_URL,
  pool: true,
  maxConnections: 5,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
});
const cpu = process.cpuUsage();
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: inflight }, async () => {
    while (next < messages.length) {
      const m = messages[next++];
      await transporter.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: m.headers,
      });
    }
  }),
);
const ms = performance.now() - started;
const u = process.cpuUsage(cpu);
transporter.close();
console.log(JSON.stringify({ sent: messages.length, ms, cpuMs: (u.user + u.system) / 1000 }));
