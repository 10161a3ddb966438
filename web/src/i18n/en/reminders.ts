import type zh from '../zh-CN/reminders';

export default {
  run: 'Build today’s reminders now',
  queued: '{queued} reminder e-mails queued',
  retry: 'Retry',
  retried: 'Queued again',
  status: {
    pending: 'Pending',
    failed: 'Failed',
    parked: 'Parked',
    sent: 'Sent',
  },
  kind: {
    instructor_digest: 'Instructor digest',
    supervisor_summary: 'Supervisor summary',
  },
  column: {
    recipient: 'Recipient',
    kind: 'Kind',
    slotDate: 'Date',
    subject: 'Subject',
    attempts: 'Attempts',
    nextAttempt: 'Next attempt',
    sentAt: 'Sent',
    lastError: 'Last error',
  },
} satisfies typeof zh;
