import type { NegotiationsConfig } from '../negotiations/negotiations.config';
import type { User } from '../users/user.entity';
import { digestItems } from './digest/digest-items';
import { dateLabel, summaryModel } from './mail-models';
import { MailTemplates } from './mail-templates';
import { ReminderBuilder } from './reminder-builder';
import type { SummaryFacts, TargetGap } from './reminder-gatherer';

const TODAY = '2026-11-25';
/** The builder reads one value of the config: after how many days a negotiation counts as stalled. */
const config = { ruleSets: { current: { stalledAfterDays: 30 } } } as unknown as NegotiationsConfig;

const recipient = (id: number, language: User['language'], displayName = '王丽'): User =>
  ({ id, email: `user${id}@example.cn`, displayName, language }) as User;

const enterprise = {
  id: 1,
  name: '金八角水泥有限公司',
  creditCode: '91360828MA35F0XK0Q',
  township: '万安镇',
};
const deadline = (kind: string, dueOn: string) => ({
  negotiationId: 7,
  kind,
  dueOn,
  rule: '集体合同规定 art. 32',
  enterprises: [enterprise],
});

const rateRow = (group: string, enterprises: number, covered: number, target?: number) => ({
  group,
  enterprises,
  covered,
  rate: enterprises === 0 ? null : covered / enterprises,
  employees: 0,
  employeesCovered: 0,
  employeeRate: null,
  ...(target === undefined
    ? {}
    : {
        target,
        meetsTarget: covered >= Math.ceil(target * enterprises),
        shortBy: Math.max(0, Math.ceil(target * enterprises) - covered),
      }),
});

const gap = (enterpriseId: number, instructorId: number | null): TargetGap => ({
  enterpriseId,
  name: `企业${enterpriseId}`,
  creditCode: `CODE${enterpriseId}`,
  ownershipType: 'private',
  township: '万安镇',
  employeeCount: 1000 - enterpriseId,
  instructorId,
  sector: 'non_public',
});

const JINSHAN = { id: 4, code: '990101000000', name: '金山县', level: 'county' as const };

const summaryFacts = (recipients: User[], unit: SummaryFacts['unit'] = JINSHAN): SummaryFacts => ({
  recipients,
  unit,
  rates: {
    asOf: TODAY,
    agreementKind: 'wage',
    base: 'unionised',
    groupBy: 'sector',
    status: 'signed',
    orgUnit: unit,
    rows: [rateRow('state', 4, 4, 0.9), rateRow('collective', 0, 0), rateRow('non_public', 10, 6, 0.8)],
    total: rateRow('total', 14, 10),
  },
  instructorNames: new Map([
    [3, '王丽'],
    [4, '李明'],
  ]),
  workloads: [
    { id: 3, overdue: 2, stalled: 1 },
    { id: 4, overdue: 0, stalled: 0 },
    { id: 9, overdue: 1, stalled: 0 },
  ],
  gaps: Array.from({ length: 12 }, (_, index) => gap(index + 1, index === 0 ? null : 3)),
});

describe(ReminderBuilder.name, () => {
  const sut = new ReminderBuilder(new MailTemplates(), config);

  it('writes no digest to an instructor with nothing due', () => {
    expect(sut.digests([{ recipient: recipient(3, 'zh-CN'), unitName: null, items: [] }], TODAY)).toEqual([]);
  });

  it("builds an instructor's digest for their slot, in their language, keyed by recipient and day", () => {
    const items = digestItems(
      [deadline('offer_reply', '2026-11-20'), deadline('stalled', '2026-11-15')],
      [{ ...enterprise, id: 2, name: '万安物流有限公司', employeeCount: 40 }],
      TODAY,
    );
    const [mail, ...others] = sut.digests(
      [{ recipient: recipient(3, 'en', 'Wang Li'), unitName: null, items }],
      TODAY,
    );
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      recipientId: 3,
      recipientEmail: 'user3@example.cn',
      slotKind: 'instructor_digest',
      slotDate: TODAY,
      dedupeKey: `instructor_digest.3.${TODAY}`,
      subject: '[Bargaining reminder] 1 overdue, 1 due soon, 1 enterprises without agreement',
    });
    expect(mail.textBody).toContain('Dear Wang Li,\n\nAs of 25 Nov 2026, 3 items');
    expect(mail.textBody).toContain(
      '[Reply to the offer to bargain] 1\n- 金八角水泥有限公司: 20 Nov 2026 (5 days overdue). Rule: 集体合同规定 art. 32\n',
    );
    // Stalled since 15 Nov, 30 days after the last event: nothing recorded for 40 days.
    expect(mail.textBody).toContain('- 金八角水泥有限公司: 15 Nov 2026 (nothing recorded for 40 days).');
    expect(mail.textBody).toContain('- 万安物流有限公司: no valid agreement.');
    expect(mail.htmlBody).toContain('金八角水泥有限公司');
  });

  it('cites the rules as Chinese cites them in a Chinese digest', () => {
    const items = digestItems([deadline('offer_reply', '2026-11-27')], [], TODAY);
    const [mail] = sut.digests([{ recipient: recipient(3, 'zh-CN'), unitName: '金山镇', items }], TODAY);
    expect(mail.subject).toBe('【协商提醒】0 项逾期，1 项将到期');
    expect(mail.textBody).toContain('您在金山镇负责的企业');
    expect(mail.textBody).toContain('集体合同规定第三十二条');
    expect(mail.textBody).toContain('2026年11月27日');
  });

  it('writes no summary when no supervisor wants it, and one per supervisor of their unit otherwise', () => {
    expect(sut.summaries([], TODAY)).toEqual([]);
    const mails = sut.summaries(
      [
        summaryFacts([recipient(1, 'en', 'Zhao'), recipient(2, 'zh-CN')]),
        summaryFacts([recipient(5, 'zh-CN')], null),
      ],
      TODAY,
    );
    expect(mails.map((mail) => [mail.recipientId, mail.slotKind, mail.dedupeKey])).toEqual([
      [1, 'supervisor_summary', `supervisor_summary.1.${TODAY}`],
      [2, 'supervisor_summary', `supervisor_summary.2.${TODAY}`],
      [5, 'supervisor_summary', `supervisor_summary.5.${TODAY}`],
    ]);
    expect(mails[0].subject).toBe(
      '[Weekly summary: 金山县] Wage agreement signing rate 71.4%, 3 negotiations overdue, 1 stalled',
    );
    expect(mails[0].textBody).toContain('collective wage bargaining in 金山县 as of');
    expect(mails[1].subject).toMatch(/^【周报·金山县】/);
    expect(mails[1].textBody).toContain('以下是金山县截至');
    expect(mails[2].subject).toMatch(/^【周报·全部单位】/);
    expect(mails[0].textBody).toContain(
      '- Non-public: 6 of 10 covered, 60.0%, target 80.0%, 2 more needed\n',
    );
  });
});

describe(summaryModel.name, () => {
  const labels = new MailTemplates().labels('en');
  const facts = summaryFacts([]);
  const sut = summaryModel(recipient(1, 'en', 'Zhao'), facts, TODAY, labels);

  it('gives each sector its rate, and its target where it has one', () => {
    expect(sut.sectors).toEqual([
      {
        label: 'State-owned and state-controlled',
        enterprises: 4,
        covered: 4,
        ratePct: '100.0%',
        targetPct: '90.0%',
        meets: true,
        shortBy: 0,
      },
      {
        label: 'Collective',
        enterprises: 0,
        covered: 0,
        ratePct: '—',
        targetPct: '',
        meets: true,
        shortBy: '',
      },
      {
        label: 'Non-public',
        enterprises: 10,
        covered: 6,
        ratePct: '60.0%',
        targetPct: '80.0%',
        meets: false,
        shortBy: 2,
      },
    ]);
    expect(sut.totalRatePct).toBe('71.4%');
  });

  it('lists the instructors with late work only, by name (or number when unnamed), and totals all', () => {
    expect(sut.instructors).toEqual([
      { name: '王丽', overdue: 2, stalled: 1 },
      { name: '#9', overdue: 1, stalled: 0 },
    ]);
    expect([sut.overdueTotal, sut.stalledTotal]).toEqual([3, 1]);
  });

  it('names the ten first gaps with their instructor, or unassigned', () => {
    expect(sut.gaps).toHaveLength(10);
    expect(sut.gaps.slice(0, 2)).toEqual([
      {
        name: '企业1',
        sector: 'Non-public',
        township: '万安镇',
        employeeCount: 999,
        instructor: 'unassigned',
      },
      { name: '企业2', sector: 'Non-public', township: '万安镇', employeeCount: 998, instructor: '王丽' },
    ]);
  });
});

describe(dateLabel.name, () => {
  it.each([
    ['zh-CN', '2026年3月5日'],
    ['en', '5 Mar 2026'],
  ] as const)('writes a date as %s readers read it: %s', (language, expected) => {
    expect(dateLabel('2026-03-05', language)).toBe(expected);
  });
});
