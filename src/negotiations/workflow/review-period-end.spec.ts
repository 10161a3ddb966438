import { calendar2026 } from '../../common/dates/work-calendar.fixtures';
import { applyEvent, contextOf, deadlinesOf, replay, type ApplySuccess } from './negotiation-workflow';
import { NATIONAL_RULE_SET } from './rule-set';
import { PATH_TO, run, TODAY, type EventInput } from './workflow.fixtures';
import type { PersistedWorkflow } from './persisted-workflow';

// 2026's National Day week: 1–7 October off, Saturday 10 October worked.
const calendar = calendar2026();
const options = { ruleSet: NATIONAL_RULE_SET, today: TODAY, calendar };
const created = { agreementKind: 'comprehensive', scope: 'enterprise', createdOn: '2026-01-01' } as const;

/** Received on 16 September: 15 days (集体合同规定 art. 47) end on 1 October, a holiday. */
const submission: EventInput = { type: 'SUBMITTED_FOR_REVIEW', occurredOn: '2026-09-16' };

function submitted(event: EventInput = submission): { persisted: PersistedWorkflow; result: ApplySuccess } {
  const { persisted } = run(PATH_TO.awaitingSubmission);
  const result = applyEvent(persisted, event, { ...options, source: 'user' });
  if (!result.ok) throw new Error(result.message);
  return { persisted: result.persisted, result };
}

describe('the review period ends on a working day (集体合同规定 art. 47, 民法典 art. 203)', () => {
  it('writes the moved end on the submission, and the timer fires on it', () => {
    const { result } = submitted();
    expect(result.event).toMatchObject({ type: 'SUBMITTED_FOR_REVIEW', reviewEndsOn: '2026-10-08' });
    expect(contextOf(result.persisted).review).toMatchObject({
      receivedOn: '2026-09-16',
      endsOn: '2026-10-08',
    });
    expect(result.deadlines).toEqual([
      expect.objectContaining({
        kind: 'review_period_end',
        dueOn: '2026-10-08',
        action: 'fire',
        event: 'REVIEW_PERIOD_ELAPSED',
        calendarMissing: false,
      }),
    ]);
  });

  it('takes an answer given during the holiday, and makes the agreement take effect on the moved end', () => {
    const { persisted } = submitted();
    const answer = applyEvent(
      persisted,
      { type: 'REVIEW_APPROVED', occurredOn: '2026-10-05' },
      { ...options, source: 'user' },
    );
    expect(answer).toMatchObject({ ok: true, toStage: 'in_force' });

    const early = applyEvent(
      persisted,
      { type: 'REVIEW_PERIOD_ELAPSED', occurredOn: '2026-10-01' },
      { ...options, source: 'system' },
    );
    expect(early).toMatchObject({ ok: false, code: 'GUARD_FAILED' });
    expect(early.ok ? '' : early.message).toContain('runs until 2026-10-08');

    const elapsed = applyEvent(
      persisted,
      { type: 'REVIEW_PERIOD_ELAPSED', occurredOn: '2026-10-08' },
      { ...options, source: 'system' },
    );
    if (!elapsed.ok) throw new Error(elapsed.message);
    expect(elapsed.agreement).toMatchObject({ effectiveOn: '2026-10-08' });
  });

  it('replays the log to the same state without any calendar', () => {
    const { result } = submitted();
    const log = [...PATH_TO.awaitingSubmission, result.event];
    const replayed = replay(log, { ruleSet: NATIONAL_RULE_SET, createdWith: created });
    expect(contextOf(replayed).review).toEqual(contextOf(result.persisted).review);
  });

  it('replays a submission logged before the end was written with the end it had then (calendar days)', () => {
    const replayed = replay([...PATH_TO.awaitingSubmission, submission], {
      ruleSet: NATIONAL_RULE_SET,
      createdWith: created,
    });
    expect(contextOf(replayed).review).toMatchObject({ endsOn: '2026-10-01' });
  });

  it('refuses a client that sends the end itself, naming the field', () => {
    const { persisted } = run(PATH_TO.awaitingSubmission);
    const sent = applyEvent(
      persisted,
      { ...submission, reviewEndsOn: '2026-12-31' },
      { ...options, source: 'user' },
    );
    expect(sent).toMatchObject({ ok: false, code: 'INVALID_EVENT', field: 'reviewEndsOn' });
  });

  it('flags the deadline when the calendar now counts the end elsewhere (a year loaded after the submission)', () => {
    const { persisted } = run(PATH_TO.awaitingSubmission);
    const withoutCalendar = applyEvent(persisted, submission, {
      ...options,
      calendar: undefined,
      source: 'user',
    });
    if (!withoutCalendar.ok) throw new Error(withoutCalendar.message);
    expect(withoutCalendar.deadlines[0]).toMatchObject({ dueOn: '2026-10-01', calendarMissing: true });
    // The year is loaded afterwards: the recorded end stands, and the deadline stays flagged.
    expect(deadlinesOf(withoutCalendar.persisted, NATIONAL_RULE_SET, calendar)).toEqual([
      expect.objectContaining({ dueOn: '2026-10-01', calendarMissing: true }),
    ]);
    expect(deadlinesOf(submitted().persisted, NATIONAL_RULE_SET, calendar)).toEqual([
      expect.objectContaining({ dueOn: '2026-10-08', calendarMissing: false }),
    ]);
    const later = applyEvent(
      withoutCalendar.persisted,
      { type: 'REVIEW_PERIOD_ELAPSED', occurredOn: '2026-10-01' },
      { ...options, source: 'system' },
    );
    expect(later).toMatchObject({ ok: true, toStage: 'in_force' });
  });
});
