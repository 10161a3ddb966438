import { isApiError } from '../../api/api-error';
import type { RuleSet } from '../../api/negotiations';
import { i18n } from '../../i18n';
import { ruleIn } from './rule-words';

/** An event the workflow refused, worded in the interface language. */
export interface GuardRefusal {
  /** The form field to change, when the check concerns one. */
  field: string | null;
  /** The check's sentence and the article behind it. */
  text: string;
  /** The API's own (English) explanation with this event's numbers, without the article again. */
  detail: string;
}

/** A share as the law writes it (1/3, 2/3); anything else as a percentage. */
function shareWords(share: number): string {
  for (let denominator = 2; denominator <= 12; denominator++) {
    const numerator = Math.round(share * denominator);
    if (Math.abs(share * denominator - numerator) < 1e-9) return `${numerator}/${denominator}`;
  }
  return `${Math.round(share * 1000) / 10}%`;
}

/** The rule-set numbers a check's sentence names (`guards.<check>` placeholders). */
const NUMBERS: Record<string, (rules: RuleSet) => Record<string, string | number>> = {
  representativesPerSide: (rules) => ({ n: rules.minRepresentativesPerSide }),
  expertShare: (rules) => ({ share: shareWords(rules.maxExpertShare) }),
  suspensionWithinCap: (rules) => ({ days: rules.maxSuspensionDays }),
  quorumReached: (rules) => ({ share: shareWords(rules.quorumShare) }),
  majorityReached: (rules) => ({ share: shareWords(rules.majorityShare) }),
  termWithinLimits: (rules) => ({ min: rules.minTermMonths, max: rules.maxTermMonths }),
  historicalTermWithinLimits: (rules) => ({ min: rules.minTermMonths, max: rules.maxTermMonths }),
  historicalTermMonthsWithinLimits: (rules) => ({ min: rules.minTermMonths, max: rules.maxTermMonths }),
};

/**
 * A NEGOTIATION.GUARD_FAILED answer that names its check, worded from `guards.<check>`; null for
 * any other error, or when the sentence needs rule-set numbers not known here (`rules` null: a
 * round under another rule set), which the general error message then covers.
 */
export function guardRefusal(error: unknown, rules: RuleSet | null): GuardRefusal | null {
  if (!isApiError(error, 'NEGOTIATION.GUARD_FAILED')) return null;
  const { check, rule, ruleZh } = error.body;
  const { t, te, locale } = i18n.global;
  if (!check || !te(`guards.${check}`)) return null;
  const numbers = NUMBERS[check];
  if (numbers && !rules) return null;
  const sentence = t(`guards.${check}`, numbers && rules ? numbers(rules) : {});
  return {
    field: error.fieldErrors[0]?.field ?? null,
    text: rule
      ? t('negotiation.refusal.text', { text: sentence, rule: ruleIn(locale.value, { rule, ruleZh }) })
      : sentence,
    detail:
      rule && error.message.startsWith(`${rule}: `) ? error.message.slice(rule.length + 2) : error.message,
  };
}
