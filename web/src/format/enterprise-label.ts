import type { Language } from '../api/types';

/** What tells two enterprises of the same name apart: the credit code, then where they are. */
export interface EnterpriseIdentity {
  name: string;
  creditCode: string;
  township: string;
}

/**
 * An enterprise as a picker or the agenda names it: the demo county alone has 26 names used
 * twice or more (three 万安镇兴旺水泥有限公司 in one township), so the name comes with the full
 * credit code (unique; its first 8 characters are the same across a county) and the township:
 * `万安镇兴旺水泥有限公司（91360000MA35XXXX0X，万安镇）`.
 */
export function enterpriseLabel(
  { name, creditCode, township }: EnterpriseIdentity,
  language: Language,
): string {
  return language === 'zh-CN'
    ? `${name}（${creditCode}，${township}）`
    : `${name} (${creditCode}, ${township})`;
}
