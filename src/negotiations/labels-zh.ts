import type { Stage } from './workflow';
import type { DeadlineKind } from './workflow/deadlines';
import { LAW } from './workflow/law';
import type { RuleSet } from './workflow/rule-set';

/** Stage names as the web interface shows them (web/src/i18n/zh-CN/stages.ts). */
export const STAGE_LABELS_ZH: Record<Stage, string> = {
  invitation: '要约',
  preparation: '确定代表',
  consultation: '协商',
  ratification: '职代会审议',
  signing: '签订',
  filing: '报送审查',
  in_force: '生效',
  expired: '已到期',
  terminated: '已终止',
  abandoned: '已放弃',
};

const SUBSTATE_LABELS_ZH: Record<string, string> = {
  active: '进行中',
  suspended: '中止',
  awaitingSubmission: '待报送',
  underReview: '审查中',
};

/** Deadline kinds as the web interface words them (web/src/i18n/zh-CN/negotiation.ts). */
export const DEADLINE_KIND_LABELS_ZH: Record<DeadlineKind, string> = {
  offer_reply: '要约答复期限',
  submission_for_review: '报送劳动保障部门审查',
  review_period_end: '审查期届满（届时自动生效）',
  publication: '向全体职工公布',
  suspension_resume: '中止协商后恢复协商',
  renewal_window_opens: '续订协商（到期前3个月内）',
  expiry: '集体合同到期',
  stalled: '协商长期无进展',
};

export function deadlineLabelZh(kind: string): string {
  return DEADLINE_KIND_LABELS_ZH[kind as DeadlineKind] ?? kind;
}

/** A full state path (`filing.underReview`) in Chinese: `报送审查（审查中）`. */
export function stateLabelZh(state: string): string {
  const [stage, substate] = state.split('.');
  const stageWords = STAGE_LABELS_ZH[stage as Stage] ?? stage;
  return substate ? `${stageWords}（${SUBSTATE_LABELS_ZH[substate] ?? substate}）` : stageWords;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–999 in Chinese numerals as article numbers are written: 32 → 三十二, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let words = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) words += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) words += '零';
  if (ones > 0) words += DIGITS[ones];
  return words;
}

/** An article list as cited in code (`36`, `19-24`, `19, 21`) as Chinese cites it: 第十九条至第二十四条. */
function articlesZh(articles: string): string {
  return articles
    .replace(/\d+/g, (digits) => `第${chineseNumeral(Number(digits))}条`)
    .replace(/\s*-\s*/g, '至')
    .replace(/\s*,\s*/g, '、');
}

/**
 * A rule as the workflow cites it (`集体合同规定 art. 47; 劳动合同法 art. 54`, `地方规定 (local rule)`,
 * `product rule (event dates)`) in Chinese: `集体合同规定第四十七条；劳动合同法第五十四条`.
 */
export function ruleZh(rule: string): string {
  return rule
    .split(/;\s*/)
    .map((part) => {
      if (part === LAW.LOCAL) return '地方规定';
      if (part.startsWith(LAW.PRODUCT)) return '本系统规则';
      const cited = /^(.+) art\. (.+)$/.exec(part);
      return cited ? `${cited[1]}${articlesZh(cited[2])}` : part;
    })
    .join('；');
}

/**
 * A historical agreement refused by one of the workflow's checks, in Chinese (for the agreement
 * import's row errors); null for a check not about historical agreements.
 */
export function historicalCheckZh(
  check: string | undefined,
  dates: { signedOn: string; effectiveOn: string; expiresOn: string },
  rules: RuleSet,
): string | null {
  switch (check) {
    case 'historicalEffectiveAfterSigning':
      return `生效日期 ${dates.effectiveOn} 不能早于签订日期 ${dates.signedOn}`;
    case 'historicalExpiresAfterEffect':
      return `到期日期 ${dates.expiresOn} 应晚于生效日期 ${dates.effectiveOn}`;
    case 'historicalTermMonthsWithinLimits':
      return `期限（月）应为 ${rules.minTermMonths}–${rules.maxTermMonths}（${ruleZh(`${LAW.CC} art. 38`)}）`;
    case 'historicalTermWithinLimits':
      // 集体合同规定 art. 38: the term, from effect to expiry.
      return `自生效日期至到期日期应为 ${rules.minTermMonths}–${rules.maxTermMonths} 个月（${ruleZh(`${LAW.CC} art. 38`)}）`;
    default:
      return null;
  }
}
