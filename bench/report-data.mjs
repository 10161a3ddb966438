// Deterministic county data for bench/report.mjs: E enterprises with about 1.2 agreements
// each (95 % enterprise scope, 5 % regional covering 15–25 enterprises each), one in-force
// historical negotiation per agreement, for the app's tables (columns as in
// migrations/1764000000000…0002, 0006). `rows()` yields [table, row] with row in COLUMNS order.
//
// With `hierarchy` (bench/report-hierarchy.mjs), the org_units rows come first and every
// enterprise sits in one of its townships (`org_unit_id`, `township` = that unit's name),
// placed by a random stream of its own: every other value is the same as without it.
import { creditCode } from './credit-code.mjs';
import { mulberry32 } from './random.mjs';

export const COLUMNS = {
  org_units: ['id', 'code', 'name', 'level', 'parent_id', 'path'],
  enterprises: [
    'id',
    'name',
    'credit_code',
    'ownership_type',
    'township',
    'industry',
    'employee_count',
    'union_founded_on',
    'registered_on',
    'closed_on',
    'org_unit_id',
  ],
  negotiations: [
    'id',
    'agreement_kind',
    'scope',
    'stage',
    'state',
    'snapshot',
    'machine_version',
    'rule_set_version',
    'version',
    'created_on',
    'historical',
  ],
  negotiation_enterprises: ['negotiation_id', 'enterprise_id'],
  agreements: [
    'id',
    'negotiation_id',
    'agreement_kind',
    'scope',
    'signed_on',
    'effective_on',
    'expires_on',
    'terminated_on',
    'term_months',
    'covered_employees',
    'wage_increase_pct',
    'set_aside_on',
  ],
};

export const TOWNSHIPS = [
  '金山镇',
  '万安镇',
  '蟠龙镇',
  '青溪镇',
  '白沙镇',
  '龙泉镇',
  '石门镇',
  '桃源镇',
  '新塘镇',
  '东坝镇',
  '西河镇',
  '南岭镇',
  '北关镇',
  '柳林镇',
  '松山镇',
  '梅花镇',
  '清水镇',
  '高桥镇',
  '永宁镇',
  '城关街道',
];
const INDUSTRIES = 'CCCCCCFFGGGHHIKLMNOEDAPQR';
// Cumulative shares: state ≈ 5 %, collective 5 %, non-public ≈ 80 %, other 10 %.
const OWNERSHIP = [
  [0.03, 'state_owned'],
  [0.05, 'state_controlled'],
  [0.1, 'collective'],
  [0.72, 'private'],
  [0.8, 'hk_macao_taiwan'],
  [0.9, 'foreign'],
  [1, 'other'],
];

const DAY = 86_400_000;
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoCache = new Map();
const iso = (day) => {
  let s = isoCache.get(day);
  if (!s) isoCache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
};
/** The same day `months` later (clamped to the month's end), as day number. */
const addMonths = (day, months) => {
  const d = new Date(day * DAY);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return target / DAY + Math.min(d.getUTCDate(), last) - 1;
};

/**
 * `until`: the last day of the data (signings spread over the three years up to it).
 * Enterprises come first; then the agreements with their negotiations, numbered in the order
 * they were signed, as ids grow in a running system (the agreements in force on a date are
 * then a band of recent ids, not scattered over the whole table).
 */
export function* rows({ enterprises: E, seed = 20261125, until = '2026-11-24', hierarchy = null }) {
  const random = mulberry32(seed);
  const place = mulberry32(seed ^ 0x5eed16);
  if (hierarchy) for (const unit of hierarchy.units) yield ['org_units', unit];
  const end = dayOf(until);
  const signStart = end - 3 * 365;
  const between = (from, to) => from + Math.floor(random() * (to - from + 1));

  // Agreements are collected compactly, sorted by signing day, then written out.
  const MAX = Math.ceil(E * 1.5) + 16;
  const signedOn = new Int32Array(MAX);
  const flags = new Uint8Array(MAX); // bit 0: comprehensive (else wage), bit 1: regional
  const covered = new Int32Array(MAX);
  const firstLink = new Int32Array(MAX + 1);
  let links = new Int32Array(E * 3 + 64);
  let count = 0;
  let linkCount = 0;
  const collect = (kind, scope, signed, coveredEmployees, enterpriseIds) => {
    signedOn[count] = signed;
    flags[count] = (kind === 'comprehensive' ? 1 : 0) | (scope === 'regional' ? 2 : 0);
    covered[count] = coveredEmployees;
    firstLink[count] = linkCount;
    if (linkCount + enterpriseIds.length > links.length) {
      const grown = new Int32Array(links.length * 2);
      grown.set(links);
      links = grown;
    }
    for (const id of enterpriseIds) links[linkCount++] = id;
    count++;
  };

  for (let id = 1; id <= E; id++) {
    const r = random();
    const ownership = OWNERSHIP.find(([upTo]) => r < upTo)[1];
    const countyTownship = TOWNSHIPS[Math.floor(random() ** 1.4 * TOWNSHIPS.length)];
    const unit = hierarchy ? hierarchy.pick(place()) : null;
    const township = unit ? unit.name : countyTownship;
    const industry = INDUSTRIES[Math.floor(random() * INDUSTRIES.length)];
    // Log-normal headcount, median ≈ 33, a few thousand at the top.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const employees = Math.max(3, Math.min(20_000, Math.round(Math.exp(3.5 + 1.2 * normal))));
    const registered = random() < 0.05 ? null : between(dayOf('1995-01-01'), end);
    const opened = registered ?? dayOf('1995-01-01');
    const closed = random() < 0.04 ? between(opened + 30, end + 30) : null;
    const union = random() < 0.85 ? between(Math.max(opened, dayOf('2005-01-01')), end) : null;
    yield [
      'enterprises',
      [
        id,
        `基准企业${id}有限公司`,
        creditCode(id),
        ownership,
        township,
        industry,
        employees,
        union === null ? null : iso(union),
        registered === null ? null : iso(registered),
        closed === null ? null : iso(closed),
        unit ? unit.id : null,
      ],
    ];

    // Own agreements: 0 (30 %), 1 (33 %), 2 (30 %) or 3 (7 %) yearly renewals, 12-month terms.
    const x = random();
    const k = x < 0.3 ? 0 : x < 0.63 ? 1 : x < 0.93 ? 2 : 3;
    let signed = between(signStart, signStart + 364);
    for (let n = 0; n < k && signed <= end; n++) {
      collect(random() < 0.9 ? 'wage' : 'comprehensive', 'enterprise', signed, employees, [id]);
      signed = addMonths(signed, 12) - between(0, 20);
    }
    // Regional agreements: 6 % of enterprises bring one (5 % of all agreements), 15–25 firms.
    if (random() < 0.06) {
      const size = between(15, 25);
      const ids = new Set();
      while (ids.size < size) ids.add(between(1, E));
      collect(random() < 0.9 ? 'wage' : 'comprehensive', 'regional', between(signStart, end), 30 * size, [
        ...ids,
      ]);
    }
  }
  firstLink[count] = linkCount;

  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => signedOn[a] - signedOn[b] || a - b);
  let id = 0;
  for (const i of order) {
    id++;
    const signed = signedOn[i];
    const kind = flags[i] & 1 ? 'comprehensive' : 'wage';
    const scope = flags[i] & 2 ? 'regional' : 'enterprise';
    const terminated = random() < 0.01 ? signed + between(30, 330) : null;
    const setAside = terminated === null && random() < 0.005 ? signed + between(5, 40) : null;
    yield [
      'negotiations',
      [
        id,
        kind,
        scope,
        'in_force',
        'in_force',
        '{}',
        2,
        'national-2004.1',
        0,
        iso(signed - between(30, 90)),
        1,
      ],
    ];
    for (let l = firstLink[i]; l < firstLink[i + 1]; l++) yield ['negotiation_enterprises', [id, links[l]]];
    yield [
      'agreements',
      [
        id,
        id,
        kind,
        scope,
        iso(signed),
        random() < 0.97 ? iso(signed + between(10, 30)) : null,
        iso(addMonths(signed, 12)),
        terminated === null ? null : iso(terminated),
        12,
        covered[i],
        Math.round((3 + random() * 5) * 10) / 10,
        setAside === null ? null : iso(setAside),
      ],
    ];
  }
}
