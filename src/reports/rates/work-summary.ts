/**
 * The figures a half-year or annual work report (工作总结) states, and its paragraph
 * (docs/domain.md, Work summary figures; docs/contract.md, Documents and statistics):
 * unions founded, members added, the non-public unionisation rate, the signing rates of
 * state-owned and non-public enterprises, the workers' congress rate, regional and industry
 * agreements. Pure: counts in, figures and Chinese prose out; no framework, no I/O.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { checkTarget, ratio } from './ratios';

/** Numerator and denominator of a rate, kept so that the answer can show how it was made. */
export interface RateCount {
  numerator: number;
  denominator: number;
}

/** What the database counts for the summary of one unit's subtree over a period. */
export interface WorkSummaryCounts {
  /** Open enterprises at `to` whose union was founded in the period, and the non-public ones of them. */
  unionsFounded: number;
  unionsFoundedNonPublic: number;
  /** Sum of the member count increases recorded in the period. */
  membersAdded: number;
  /** Non-public enterprises open at `to`: with a union by `to` / all. */
  unionisationNonPublic: RateCount;
  /** Wage agreements, base unionised, at `to`: covered / in base, per sector. */
  signingState: RateCount;
  signingNonPublic: RateCount;
  /** Unionised non-public enterprises open at `to`: with a workers' congress by `to` / all. */
  workersCongressNonPublic: RateCount;
  /** Agreements (every kind) in force at `to`, and the open enterprises they cover (each once). */
  regional: { agreements: number; enterprisesCovered: number };
  industry: { agreements: number; enterprisesCovered: number };
}

/** Targets (fractions 0–1) the prose measures each rate against (reports.config.ts). */
export interface WorkSummaryTargets {
  unionisationNonPublic: number;
  signingState: number;
  signingNonPublic: number;
  workersCongressNonPublic: number;
}

export interface WorkSummaryFigures {
  unionsFounded: number;
  unionsFoundedNonPublic: number;
  membersAdded: number;
  unionisationRate: { nonPublic: number | null };
  signingRate: { state: number | null; nonPublic: number | null };
  workersCongressRate: { nonPublic: number | null };
  regionalAgreements: number;
  industryAgreements: number;
}

/** How the prose names the unit: 全县 … 我县 (a 县级市: 全市 … 我市; a 街道: 全街道 … 我街道). */
export interface PlaceWords {
  whole: string;
  our: string;
}

export function workSummaryFigures(counts: WorkSummaryCounts): WorkSummaryFigures {
  const rate = (count: RateCount) => ratio(count.numerator, count.denominator);
  return {
    unionsFounded: counts.unionsFounded,
    unionsFoundedNonPublic: counts.unionsFoundedNonPublic,
    membersAdded: counts.membersAdded,
    unionisationRate: { nonPublic: rate(counts.unionisationNonPublic) },
    signingRate: { state: rate(counts.signingState), nonPublic: rate(counts.signingNonPublic) },
    workersCongressRate: { nonPublic: rate(counts.workersCongressNonPublic) },
    regionalAgreements: counts.regional.agreements,
    industryAgreements: counts.industry.agreements,
  };
}

/** 90 % as offices write it: "90%", "72.5%" (at most two decimals, none when whole). */
export function percentZh(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/**
 * A rate as offices write it (docs/domain.md): one that meets its target "达到了100%" (a target
 * of 100 %) or "达到了90%以上"; one that does not, its figure to one decimal ("为78.5%", as the
 * screens round it), cut rather than rounded where rounding would reach the target it missed
 * (89.96 % of a 90 % target reads "为89.9%", never "为90.0%"). No enterprise to count: said so.
 */
export function rateInWords(count: RateCount, target: number): string {
  if (count.denominator === 0) return '暂无可统计的企业';
  if (checkTarget(target, count.denominator, count.numerator).meetsTarget) {
    return target >= 1 ? '达到了100%' : `达到了${percentZh(target)}以上`;
  }
  // Tenths of a percent, on integers: numerator × 1000 / denominator, rounded half up.
  const rounded = Math.floor((count.numerator * 2000 + count.denominator) / (2 * count.denominator));
  const cut = Math.floor((count.numerator * 1000) / count.denominator);
  const tenths = rounded >= Math.round(target * 1000) ? cut : rounded;
  return `为${(tenths / 10).toFixed(1)}%`;
}

/** 2026年3月5日. */
export function dateZh(date: BusinessDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * The period as a report's title says it: 2026年上半年, 2026年下半年, 2026年 for whole halves and
 * years; otherwise 2026年1月1日至2026年3月31日.
 */
export function periodZh(from: BusinessDate, to: BusinessDate): string {
  const year = from.slice(0, 4);
  if (to.slice(0, 4) === year) {
    const span = `${from.slice(5)}/${to.slice(5)}`;
    if (span === '01-01/12-31') return `${year}年`;
    if (span === '01-01/06-30') return `${year}年上半年`;
    if (span === '07-01/12-31') return `${year}年下半年`;
  }
  return `${dateZh(from)}至${dateZh(to)}`;
}

/**
 * The unit's words in the prose, from the end of its name (a county-level unit may be a 县, a
 * 县级市 or a 区; a township-level one a 镇, 乡 or 街道), else from its level.
 */
export function placeWordsOf(name: string, level: string | null): PlaceWords {
  const suffixes = [
    '自治区',
    '自治州',
    '自治县',
    '街道',
    '省',
    '市',
    '州',
    '盟',
    '县',
    '旗',
    '区',
    '镇',
    '乡',
  ];
  const byLevel: Record<string, string> = { province: '省', city: '市', county: '县', township: '镇' };
  const found = suffixes.find((suffix) => name.endsWith(suffix));
  const word = found === '自治区' ? '区' : found === '自治州' ? '州' : found === '自治县' ? '县' : found;
  const place = word ?? (level ? byLevel[level] : undefined);
  return place ? { whole: `全${place}`, our: `我${place}` } : { whole: '全辖区', our: '辖区内' };
}

/**
 * The paragraph of the work report, in the register of a 工作总结, with every figure of the
 * summary: the seed is an office's own ("全县新建工会组织54个，其中非公企业工会48个，新增会员
 * 1929人，非公企业的建会率达到了90%以上 …").
 */
export function workSummaryText(
  place: PlaceWords,
  from: BusinessDate,
  to: BusinessDate,
  counts: WorkSummaryCounts,
  targets: WorkSummaryTargets,
): string {
  const sentences = [
    `${periodZh(from, to)}，${place.whole}新建工会组织${counts.unionsFounded}个，其中非公企业工会${counts.unionsFoundedNonPublic}个，` +
      `新增会员${counts.membersAdded}人，非公企业的建会率${rateInWords(counts.unionisationNonPublic, targets.unionisationNonPublic)}。`,
    `集体合同、工资集体协议在${place.our}国有及国有控股企业的签订率${signingWords(counts.signingState, targets.signingState)}，` +
      `非公企业的签订率${rateInWords(counts.signingNonPublic, targets.signingNonPublic)}。`,
    `已建工会的非公有制企业职代会建制率${rateInWords(counts.workersCongressNonPublic, targets.workersCongressNonPublic)}。`,
    areaAgreementsSentence(place, counts),
  ];
  return sentences.join('');
}

/** "已经达到了100%" reads as the seed does when met; otherwise as any rate. */
function signingWords(count: RateCount, target: number): string {
  const words = rateInWords(count, target);
  return words.startsWith('达到了') ? `已经${words}` : words;
}

function areaAgreementsSentence(place: PlaceWords, counts: WorkSummaryCounts): string {
  const { regional, industry } = counts;
  if (regional.agreements === 0 && industry.agreements === 0) {
    return `截至期末，${place.whole}尚无在有效期内的区域性、行业性集体合同。`;
  }
  return (
    `截至期末，${place.whole}在有效期内的区域性集体合同${regional.agreements}份，覆盖企业${regional.enterprisesCovered}家；` +
    `行业性集体合同${industry.agreements}份，覆盖企业${industry.enterprisesCovered}家。`
  );
}
