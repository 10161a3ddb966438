import { shallowRef } from 'vue';
import { fetchRuleSet, type RuleSet } from '../../api/negotiations';

const ruleSet = shallowRef<RuleSet | null>(null);
let asked = false;

/** The current rule set (GET /workflow), asked once per page load and shared; null until it arrives. */
export function useRuleSet() {
  if (!asked) {
    asked = true;
    fetchRuleSet().then(
      (rules) => (ruleSet.value = rules),
      () => (asked = false),
    );
  }
  return ruleSet;
}
