/**
 * The product's rule on event dates (docs/domain.md, the procedure): an event is recorded once it
 * has happened, so `occurredOn` is not later than today nor earlier than the negotiation's previous
 * event, and neither are these other dates an event gives. Other dates are agreed for later (the
 * day a suspended consultation resumes) or set by the system.
 */
export const PAST_DATE_FIELDS: readonly string[] = ['receivedOn'];

/** Whether a date field of an event may not be later than the day it is recorded. */
export function isPastDateField(name: string): boolean {
  return name === 'occurredOn' || PAST_DATE_FIELDS.includes(name);
}
