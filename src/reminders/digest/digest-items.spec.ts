import { type DeadlineFact, digestCounts, digestItems } from './digest-items';

const TODAY = '2026-11-25';
const fact = (kind: string, dueOn: string, names = ['金八角水泥有限公司']): DeadlineFact => ({
  negotiationId: 1,
  kind,
  dueOn,
  rule: `rule of ${kind}`,
  enterprises: names.map((name, index) => ({
    id: index + 1,
    name,
    creditCode: `91360828MA35F0XK${index}Q`,
    township: '万安镇',
  })),
});

describe(digestItems.name, () => {
  it.each([
    ['an overdue filing', fact('submission_for_review', '2026-11-20'), true, true],
    ['a reply due today', fact('offer_reply', '2026-11-25'), true, false],
    ['a reply due in 7 days', fact('offer_reply', '2026-12-02'), true, false],
    ['a reply due in 8 days', fact('offer_reply', '2026-12-03'), false, false],
    ['an agreement expiring in 90 days', fact('expiry', '2027-02-23'), true, false],
    ['an agreement expiring in 91 days', fact('expiry', '2027-02-24'), false, false],
    ['a negotiation stalled since yesterday', fact('stalled', '2026-11-24'), true, false],
    ['a negotiation that will stall in 3 days', fact('stalled', '2026-11-28'), false, false],
    ['a review period ending in 2 days', fact('review_period_end', '2026-11-27'), true, false],
    ['a renewal window open since last week', fact('renewal_window_opens', '2026-11-18'), true, false],
    ['a kind the digest does not know', fact('party', '2026-11-25'), false, false],
  ])('lists %s: %s', (_case, deadline, listed, overdue) => {
    const sut = digestItems([deadline], [], TODAY);
    expect(sut.length).toBe(listed ? 1 : 0);
    if (listed) expect(sut[0].overdue).toBe(overdue);
  });

  it('counts days left and overdue, orders by kind then date, and shortens long enterprise lists', () => {
    const sut = digestItems(
      [
        fact('publication', '2026-11-23'),
        fact('offer_reply', '2026-11-30', ['甲', '乙', '丙']),
        fact('offer_reply', '2026-11-26'),
      ],
      [
        {
          id: 9,
          name: '万安物流有限公司',
          creditCode: '91360828MA35F0XL3R',
          township: '万安镇',
          employeeCount: 40,
        },
      ],
      TODAY,
    );
    expect(sut.map((item) => [item.kind, item.daysLeft, item.enterprise])).toEqual([
      ['offer_reply', 1, '金八角水泥有限公司'],
      ['offer_reply', 5, '甲、乙 等 3 家'],
      ['publication', -2, '金八角水泥有限公司'],
      ['uncovered', null, '万安物流有限公司'],
    ]);
    expect(digestCounts(sut)).toEqual({ overdue: 1, dueSoon: 2, uncovered: 1, total: 4 });
  });

  it('names every enterprise of an item with its credit code and township, since names may repeat', () => {
    const twins = ['万安镇兴旺水泥有限公司', '万安镇兴旺水泥有限公司', '万安镇兴旺水泥有限公司'];
    const [item] = digestItems([fact('offer_reply', '2026-11-30', twins)], [], TODAY);
    expect(item!.enterprises.map((e) => `${e.name}（${e.creditCode}，${e.township}）`)).toEqual([
      '万安镇兴旺水泥有限公司（91360828MA35F0XK0Q，万安镇）',
      '万安镇兴旺水泥有限公司（91360828MA35F0XK1Q，万安镇）',
      '万安镇兴旺水泥有限公司（91360828MA35F0XK2Q，万安镇）',
    ]);
  });
});
