import { Inject, Injectable } from '@nestjs/common';
import type { BusinessDate } from '../common/dates/business-date';
import { type NegotiationsConfig, negotiationsConfig } from '../negotiations/negotiations.config';
import { digestModel, type MailRecipient, summaryModel } from './mail-models';
import { MailTemplates, type TemplateName } from './mail-templates';
import type { DigestFacts, SummaryFacts } from './reminder-gatherer';
import type { SlotKind } from './reminder.entity';
import type { NewReminder } from './reminders.repository';
import { dedupeKey } from './slots';

export type PlannedReminder = NewReminder;

/**
 * Turns a slot's gathered facts into its e-mails (the instructors' digests, the supervisors'
 * weekly summary), one per recipient, each with the dedupe key of its slot. Reads nothing
 * but the templates and writes nothing: the service puts what it builds in the outbox.
 */
@Injectable()
export class ReminderBuilder {
  constructor(
    private readonly templates: MailTemplates,
    @Inject(negotiationsConfig.KEY) private readonly negotiationsConfig: NegotiationsConfig,
  ) {}

  digests(facts: readonly DigestFacts[], slotDate: BusinessDate): PlannedReminder[] {
    const stalledAfter = this.negotiationsConfig.ruleSets.current.stalledAfterDays;
    return facts
      .filter(({ items }) => items.length > 0) // nothing due: no mail
      .map(({ recipient, unitName, items }) =>
        this.plan(
          recipient,
          'instructor_digest',
          slotDate,
          'digest',
          digestModel(
            recipient,
            items,
            slotDate,
            this.templates.labels(recipient.language),
            stalledAfter,
            unitName,
          ),
        ),
      );
  }

  /** One summary per supervisor, of their unit (each SummaryFacts is one unit's). */
  summaries(summaries: readonly SummaryFacts[], slotDate: BusinessDate): PlannedReminder[] {
    return summaries.flatMap((facts) => this.unitSummaries(facts, slotDate));
  }

  private unitSummaries(facts: SummaryFacts, slotDate: BusinessDate): PlannedReminder[] {
    return facts.recipients.map((recipient) =>
      this.plan(
        recipient,
        'supervisor_summary',
        slotDate,
        'summary',
        summaryModel(recipient, facts, slotDate, this.templates.labels(recipient.language)),
      ),
    );
  }

  private plan(
    recipient: MailRecipient,
    kind: SlotKind,
    slotDate: BusinessDate,
    template: TemplateName,
    model: object,
  ): PlannedReminder {
    const mail = this.templates.render(recipient.language, template, model);
    return {
      recipientId: recipient.id,
      recipientEmail: recipient.email!,
      slotKind: kind,
      slotDate,
      dedupeKey: dedupeKey(kind, recipient.id, slotDate),
      subject: mail.subject.slice(0, 300),
      textBody: mail.text,
      htmlBody: mail.html,
    };
  }
}
