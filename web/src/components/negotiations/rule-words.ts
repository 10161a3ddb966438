/**
 * The rule behind a deadline, an agenda item or a refusal, in the interface language: the API
 * sends each as it cites it (`集体合同规定 art. 32`) and as Chinese cites it (`ruleZh`,
 * `集体合同规定第三十二条`, worded by src/negotiations/labels-zh.ts).
 */
export function ruleIn(locale: string, cited: { rule: string; ruleZh?: string }): string {
  return locale.startsWith('zh') && cited.ruleZh ? cited.ruleZh : cited.rule;
}
