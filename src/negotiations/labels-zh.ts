import type { RuleSet } from './workflow/rule-set';
import { LAW } from './workflow/law';
import { ruleZh } from '@wagetrack/shared';

// The Chinese words the server shares with the web are in the shared package.
export {
  chineseNumeral,
  DEADLINE_KIND_LABELS_ZH,
  deadlineLabelZh,
  ruleZh,
  STAGE_LABELS_ZH,
  stateLabelZh,
} from '@wagetrack/shared';

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
