import { addDays, addMonths, type BusinessDate } from '../common/dates/business-date';
import { creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../enterprises/domain/credit-code';
import type { OwnershipType } from '../enterprises/domain/ownership';
import type { AgreementKind, Scope } from '../negotiations/workflow';
import { type MemberRecord, withMembers } from './demo-members';
import { random } from './random';

/**
 * A demo county, generated from a fixed seed so every load is the same: townships and
 * communities from the seed report (docs/domain.md), a few hundred enterprises, and work in every
 * stage of the procedure, dated relative to `today`. Plain data; DemoLoader writes it
 * through the services.
 */
export interface DemoEnterprise {
  key: number;
  name: string;
  creditCode: string;
  ownershipType: OwnershipType;
  township: string;
  community: string;
  industry: string;
  employeeCount: number;
  instructor: number;
  unionFoundedOn: BusinessDate | null;
  registeredOn: BusinessDate;
  /** 会员人数 now: the last of `memberHistory`; null without a union. */
  memberCount: number | null;
  workersCongressOn: BusinessDate | null;
  /** The member counts as the office recorded them, oldest first (demo-members.ts). */
  memberHistory: MemberRecord[];
}

/** The enterprise as first drawn, before its members (demo-members.ts). */
export type DrawnEnterprise = Omit<DemoEnterprise, 'memberCount' | 'workersCongressOn' | 'memberHistory'>;

export interface DemoRound {
  agreementKind: AgreementKind;
  scope: Scope;
  enterprises: number[];
  title: string;
  events: Record<string, unknown>[];
}

export interface DemoHistorical {
  agreementKind: AgreementKind;
  scope: Scope;
  enterprises: number[];
  title: string;
  signedOn: BusinessDate;
  effectiveOn: BusinessDate;
  expiresOn: BusinessDate;
  coveredEmployees: number;
  wageIncreasePct: number;
}

export interface DemoCounty {
  instructors: { username: string; displayName: string; email: string }[];
  supervisor: { username: string; displayName: string; email: string };
  enterprises: DemoEnterprise[];
  historical: DemoHistorical[];
  rounds: DemoRound[];
}

/** The county as first drawn: its enterprises before their members. */
export type DrawnCounty = Omit<DemoCounty, 'enterprises'> & { enterprises: DrawnEnterprise[] };

const TOWNSHIPS: Record<string, string[]> = {
  金山镇: ['家和社区', '金雁社区', '金山村'],
  万安镇: ['红玉村', '万安社区', '东岭村'],
  蟠龙镇: ['蟠龙社区', '龙泉村', '新桥村'],
};
const INDUSTRIES = ['C', 'C', 'C', 'G', 'F', 'H', 'E', 'Q', 'O', 'A', 'I', 'L'];
const TRADES: Record<string, string[]> = {
  C: ['水泥', '纺织', '机械', '食品', '五金', '电子', '塑料制品'],
  G: ['物流', '货运', '快递'],
  F: ['超市', '建材经营部', '商贸'],
  H: ['餐馆', '农家乐', '酒店'],
  E: ['建筑', '装饰工程'],
  Q: ['诊所', '医院', '护理院'],
  O: ['汽车修理', '家政服务'],
  A: ['茶叶', '农机服务', '种植专业合作社'],
  I: ['网络科技', '软件'],
  L: ['物业服务', '人力资源'],
};
const SURNAMES = [
  '鑫源',
  '宏达',
  '顺发',
  '明珠',
  '兴旺',
  '绿源',
  '恒通',
  '新锐',
  '仁和',
  '康宁',
  '博爱',
  '金八角',
  '华泰',
  '永安',
  '瑞丰',
];

function creditCode(serial: number): string {
  let body = '';
  for (let n = serial + 31 ** 5, i = 0; i < 9; i++, n = Math.floor(n / 31)) {
    body = CREDIT_CODE_ALPHABET[n % 31] + body;
  }
  const first17 = `91360731${body}`; // 91: enterprise; 360731: the county's division code
  return first17 + creditCodeCheckCharacter(first17);
}

const REPS = {
  workerReps: ['张伟', '李娜', '王芳'],
  employerReps: ['刘洋', '陈静', '杨磊'],
  workerChief: '张伟',
  employerChief: '刘洋',
};

/** The events from an offer up to the point `stage`, starting `start`, each a few days apart. */
export function demoEvents(
  stage:
    | 'invitation'
    | 'preparation'
    | 'consultation'
    | 'suspended'
    | 'ratification'
    | 'signing'
    | 'filing'
    | 'review'
    | 'in_force'
    | 'abandoned',
  start: BusinessDate,
  coveredEmployees: number,
  wageIncreasePct: number,
): Record<string, unknown>[] {
  const at = (days: number) => addDays(start, days);
  const all: [string, Record<string, unknown>][] = [
    ['invitation', { type: 'OFFER_SENT', occurredOn: at(0), sentBy: 'union', receivedOn: at(1) }],
    ['preparation', { type: 'OFFER_ACCEPTED', occurredOn: at(8) }],
    ['consultation', { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: at(14), ...REPS }],
    [
      'consultation',
      { type: 'MEETING_HELD', occurredOn: at(20), summary: '首次协商会议，双方交换工资调整方案' },
    ],
    ['ratification', { type: 'DRAFT_AGREED', occurredOn: at(28) }],
    ['signing', { type: 'VOTE_RECORDED', occurredOn: at(33), total: 60, present: 52, inFavour: 47 }],
    ['filing', { type: 'SIGNED', occurredOn: at(35), coveredEmployees, wageIncreasePct, minimumWage: 1900 }],
    ['review', { type: 'SUBMITTED_FOR_REVIEW', occurredOn: at(38) }],
    ['in_force', { type: 'REVIEW_APPROVED', occurredOn: at(50) }],
    ['in_force', { type: 'PUBLISHED', occurredOn: at(53) }],
  ];
  if (stage === 'suspended') {
    return [
      ...all.slice(0, 4).map(([, e]) => e),
      { type: 'SUSPENDED', occurredOn: at(24), resumeOn: at(70) },
    ];
  }
  if (stage === 'abandoned') {
    return [
      ...all.slice(0, 2).map(([, e]) => e),
      { type: 'ABANDONED', occurredOn: at(30), reason: '企业停产，协商终止' },
    ];
  }
  const order = [
    'invitation',
    'preparation',
    'consultation',
    'ratification',
    'signing',
    'filing',
    'review',
    'in_force',
  ];
  const upTo = order.indexOf(stage);
  return all.filter(([step]) => order.indexOf(step) <= upTo).map(([, e]) => e);
}

/** What makes one demo county differ from another; the defaults are the seed county's. */
export interface DemoCountyOptions {
  /** PRNG seed. */
  seed: number;
  /** Township → its communities. */
  townships: Record<string, string[]>;
  count: number;
  /** Added to the credit codes' serials, so that counties never share one. */
  serialOffset: number;
  /** The seed county's own cases: 金八角水泥 signed at the county meeting, an expired and a terminated agreement. */
  landmarks: boolean;
  instructors: { username: string; displayName: string; email: string }[];
  supervisor: { username: string; displayName: string; email: string };
}

export const SEED_COUNTY_OPTIONS: DemoCountyOptions = {
  seed: 20260106,
  townships: TOWNSHIPS,
  count: 320,
  serialOffset: 0,
  landmarks: true,
  instructors: ['王丽', '李明', '张华', '陈静'].map((displayName, index) => ({
    username: `demo.instructor${index + 1}`,
    displayName,
    email: `instructor${index + 1}@demo.example.cn`,
  })),
  supervisor: {
    username: 'demo.supervisor',
    displayName: '县总工会 赵主席',
    email: 'supervisor@demo.example.cn',
  },
};

export function demoCounty(
  today: BusinessDate,
  options: DemoCountyOptions = SEED_COUNTY_OPTIONS,
): DemoCounty {
  const drawn = drawnCounty(today, options);
  return { ...drawn, enterprises: withMembers(drawn, today, options) };
}

/**
 * The county's enterprises, agreements and rounds, drawn as they always were (the spec keeps
 * them so): the members, the workers' congresses and the unions of the last half-year are
 * added after, from a generator of their own (demo-members.ts).
 */
export function drawnCounty(
  today: BusinessDate,
  options: DemoCountyOptions = SEED_COUNTY_OPTIONS,
): DrawnCounty {
  const { landmarks } = options;
  const TOWNSHIPS = options.townships;
  const rnd = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const townships = Object.keys(TOWNSHIPS);
  const taken = new Set<string>(landmarks ? ['金八角水泥有限公司'] : []);
  /**
   * The drawn name, or when a firm already has it, the next trade name (字号) in SURNAMES that is
   * free: a registry office does not register one name twice (企业名称登记管理规定 art. 17), and
   * no random number is drawn for it, so the rest of the county stays as it was.
   */
  const uniqueName = (township: string, surname: string, trade: string): string => {
    const first = SURNAMES.indexOf(surname);
    for (let step = 0; step < SURNAMES.length; step++) {
      const name = `${township}${SURNAMES[(first + step) % SURNAMES.length]}${trade}有限公司`;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
    throw new Error(`demo county: every trade name of ${township}…${trade} is taken`);
  };
  const enterprises: DrawnEnterprise[] = [];
  const count = options.count;
  for (let key = 1; key <= count; key++) {
    const township = townships[key % townships.length];
    const ownershipType: OwnershipType =
      key <= 24
        ? key % 2
          ? 'state_owned'
          : 'state_controlled'
        : key <= 40
          ? 'collective'
          : key <= 46
            ? 'other'
            : pick(['private', 'private', 'private', 'private', 'hk_macao_taiwan', 'foreign'] as const);
    const industry = pick(INDUSTRIES);
    const small = rnd() < 0.55;
    const employeeCount = small ? 3 + Math.floor(rnd() * 25) : 30 + Math.floor(rnd() * 600);
    const unionised = ownershipType === 'state_owned' || ownershipType === 'state_controlled' || rnd() < 0.92;
    // Drawn in the order the county was first drawn in, so it stays as it was (names, dates);
    // a union is founded once the firm exists.
    const name =
      landmarks && key === 47
        ? '金八角水泥有限公司'
        : uniqueName(township, pick(SURNAMES), pick(TRADES[industry]));
    const community = pick(TOWNSHIPS[township]);
    const unionAge = unionised ? Math.floor(200 + rnd() * 3000) : null;
    const age = Math.floor(1500 + rnd() * 5000);
    enterprises.push({
      key,
      name,
      creditCode: creditCode(key + options.serialOffset),
      ownershipType,
      township,
      community,
      industry,
      employeeCount,
      instructor: key % 4,
      unionFoundedOn: unionAge === null ? null : addDays(today, -Math.min(unionAge, age)),
      registeredOn: addDays(today, -age),
    });
  }

  const historical: DemoHistorical[] = [];
  const rounds: DemoRound[] = [];
  const smallFirms = (township: string) =>
    enterprises
      .filter((e) => e.township === township && e.employeeCount < 30 && e.ownershipType === 'private')
      .map((e) => e.key);
  // Regional federations (区域性工会联合会) sign for the small firms of each township.
  for (const township of townships) {
    const members = smallFirms(township);
    const signedOn = addDays(today, -Math.floor(60 + rnd() * 200));
    historical.push({
      agreementKind: 'wage',
      scope: 'regional',
      enterprises: members,
      title: `${township}区域性工资集体协议`,
      signedOn,
      effectiveOn: addDays(signedOn, 18),
      expiresOn: addMonths(addDays(signedOn, 18), 12),
      coveredEmployees: members.reduce((sum, key) => sum + enterprises[key - 1].employeeCount, 0),
      wageIncreasePct: 4 + Math.round(rnd() * 20) / 10,
    });
  }
  // The health-sector industry federation (卫生行业工会联合会).
  const health = enterprises
    .filter((e) => e.industry === 'Q' && e.ownershipType === 'private')
    .map((e) => e.key);
  historical.push({
    agreementKind: 'wage',
    scope: 'industry',
    enterprises: health,
    title: '卫生行业工资集体协议',
    signedOn: addDays(today, -150),
    effectiveOn: addDays(today, -130),
    expiresOn: addMonths(addDays(today, -130), 12),
    coveredEmployees: health.reduce((sum, key) => sum + enterprises[key - 1].employeeCount, 0),
    wageIncreasePct: 5,
  });
  const regional = new Set(historical.flatMap((h) => h.enterprises));
  const stages = [
    'invitation',
    'preparation',
    'consultation',
    'suspended',
    'ratification',
    'signing',
    'filing',
    'review',
    'abandoned',
  ] as const;
  let roundNo = 0;
  for (const e of enterprises) {
    if (regional.has(e.key) || e.unionFoundedOn === null || (landmarks && e.key === 47)) continue;
    const coveredEmployees = e.employeeCount;
    const increase = 3 + Math.round(rnd() * 50) / 10;
    if (e.ownershipType.startsWith('state') || rnd() < 0.72) {
      // An agreement signed in the last year, in force (some expiring within 90 days: renewal reminders).
      const signedOn = addDays(today, -Math.floor(40 + rnd() * 330));
      historical.push({
        agreementKind: 'wage',
        scope: 'enterprise',
        enterprises: [e.key],
        title: `${e.name}工资专项集体合同`,
        signedOn,
        effectiveOn: addDays(signedOn, 15),
        expiresOn: addMonths(addDays(signedOn, 15), 12),
        coveredEmployees,
        wageIncreasePct: increase,
      });
      continue;
    }
    const stage = stages[roundNo++ % stages.length];
    rounds.push({
      agreementKind: 'wage',
      scope: 'enterprise',
      enterprises: [e.key],
      title: `${e.name}${today.slice(0, 4)}年度工资集体协商`,
      events: demoEvents(stage, addDays(today, -Math.floor(45 + rnd() * 25)), coveredEmployees, increase),
    });
  }
  if (landmarks) addLandmarks(today, enterprises, historical, rounds);
  return {
    instructors: options.instructors,
    supervisor: options.supervisor,
    enterprises,
    historical,
    rounds,
  };
}

/** The seed county's own cases, drawn after everything else. */
function addLandmarks(
  today: BusinessDate,
  enterprises: DrawnEnterprise[],
  historical: DemoHistorical[],
  rounds: DemoRound[],
): void {
  // An agreement that ran out last year, and one ended early.
  historical.push({
    agreementKind: 'wage',
    scope: 'enterprise',
    enterprises: [48],
    title: `${enterprises[47].name}工资专项集体合同（上一期）`,
    signedOn: addDays(today, -800),
    effectiveOn: addDays(today, -780),
    expiresOn: addMonths(addDays(today, -780), 12),
    coveredEmployees: enterprises[47].employeeCount,
    wageIncreasePct: 4.5,
  });
  rounds.push({
    agreementKind: 'women',
    scope: 'enterprise',
    enterprises: [49],
    title: `${enterprises[48].name}女职工权益保护专项集体合同`,
    events: [
      ...demoEvents('in_force', addDays(today, -200), enterprises[48].employeeCount, 0).map((event) =>
        event.type === 'SIGNED'
          ? {
              type: 'SIGNED',
              occurredOn: event.occurredOn,
              termMonths: 24,
              coveredEmployees: enterprises[48].employeeCount,
            }
          : event,
      ),
      { type: 'TERMINATED', occurredOn: addDays(today, -20), reason: '企业合并，原合同终止' },
    ],
  });
  // A round that went all the way through here: signed on the spot at the county meeting.
  rounds.push({
    agreementKind: 'wage',
    scope: 'enterprise',
    enterprises: [47],
    title: '金八角水泥有限公司工资集体协商（县集体协商会现场签订）',
    events: demoEvents('in_force', addDays(today, -120), enterprises[46].employeeCount, 6.5),
  });
}
