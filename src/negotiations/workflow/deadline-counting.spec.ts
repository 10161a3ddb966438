import { calendar2026 } from '../../common/dates/work-calendar.fixtures';
import { deadlinesFor } from './deadlines';
import { NATIONAL_RULE_SET, resolveRuleSet, RuleSetError, RuleSetRegistry } from './rule-set';
import type { NegotiationContext } from './negotiation.types';

const calendar = calendar2026();

const invited = (receivedOn: string) =>
  ({
    createdOn: '2026-09-01',
    lastEventOn: receivedOn,
    offer: { receivedOn },
  }) as unknown as NegotiationContext;

describe('deadline counting (rule set × calendar)', () => {
  it('moves every national limit off a rest day (民法典 art. 203) and counts calendar days', () => {
    for (const counting of Object.values(NATIONAL_RULE_SET.counting)) {
      expect(counting).toEqual({ unit: 'calendar', movesOffRestDay: true });
    }
    const [reply] = deadlinesFor('invitation', invited('2026-09-11'), NATIONAL_RULE_SET, calendar);
    expect(reply).toMatchObject({
      kind: 'offer_reply',
      dueOn: '2026-10-08',
      unit: 'calendar',
      calendarMissing: false,
    });
  });

  it('flags the deadlines when no calendar is given, counting calendar days', () => {
    const [reply, stalled] = deadlinesFor('invitation', invited('2026-09-11'), NATIONAL_RULE_SET);
    expect(reply).toMatchObject({ dueOn: '2026-10-01', calendarMissing: true });
    expect(stalled).toMatchObject({ kind: 'stalled', unit: 'calendar', calendarMissing: false });
  });

  it('counts working days where a county rule set says so', () => {
    const county = resolveRuleSet({ version: 'county-1', counting: { offer_reply: { unit: 'workday' } } });
    expect(county.counting.offer_reply).toEqual({ unit: 'workday', movesOffRestDay: true });
    expect(county.counting.publication).toEqual(NATIONAL_RULE_SET.counting.publication);
    const [reply] = deadlinesFor('invitation', invited('2026-09-30'), county, calendar);
    expect(reply).toMatchObject({ dueOn: '2026-11-03', unit: 'workday' });
  });

  it('refuses counting it does not know, naming the field', () => {
    const bad = (counting: unknown) => () => resolveRuleSet({ version: 'x', counting } as never);
    expect(bad({ expiry: { unit: 'workday' } })).toThrow('unknown counted limit "counting.expiry"');
    expect(bad({ offer_reply: { unit: 'hours' } })).toThrow(RuleSetError);
    expect(bad({ offer_reply: { unit: 'hours' } })).toThrow('counting.offer_reply.unit');
    expect(bad({ offer_reply: { movesOffRestDay: 'yes' } })).toThrow('counting.offer_reply.movesOffRestDay');
    expect(bad({ offer_reply: { days: 3 } })).toThrow('unknown field "counting.offer_reply.days"');
  });

  it('sees a changed counting as changed numbers of a version', () => {
    const registry = new RuleSetRegistry([resolveRuleSet({ version: 'county-1' })]);
    expect(() =>
      registry.register(
        resolveRuleSet({ version: 'county-1', counting: { publication: { unit: 'workday' } } }),
      ),
    ).toThrow('already registered with different numbers');
    expect(() => registry.register(resolveRuleSet({ version: 'county-1' }))).not.toThrow();
  });
});
