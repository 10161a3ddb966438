import { plainTextProblem } from '../common/text/plain-text';
import { checkCreditCode } from '../enterprises/domain/credit-code';
import { OWNERSHIP_LABELS_ZH } from '../enterprises/domain/ownership';
import { MAX_MEMBER_COUNT } from '../enterprises/domain/member-count';
import { MAX_EMPLOYEE_COUNT } from '../enterprises/dto/enterprise-field-rules';
import { AGREEMENT_KIND_LABELS_ZH, SIGNING_FORM_LABELS_ZH } from '@wagetrack/shared';

const DATE_FIELDS = [
  'unionFoundedOn',
  'registeredOn',
  'closedOn',
  'workersCongressOn',
  'signedOn',
  'effectiveOn',
  'expiresOn',
];

/** The free-text fields, refused for control and bidi characters (common/text/plain-text.ts). */
const TEXT_FIELDS = ['name', 'township', 'community', 'title'];

const oneOf = (labels: Record<string, string>) => `应为以下之一：${Object.values(labels).join('、')}`;

/**
 * What a spreadsheet cell must hold, in Chinese, for the field whose rule it broke: the row
 * errors of an import are read by the office that fixes the file (the API's `message` stays
 * in the API's words).
 */
export function fieldRuleZh(field: string, value: unknown): string {
  if (DATE_FIELDS.includes(field)) return '应为有效日期，如 2026-03-05';
  const forbidden = TEXT_FIELDS.includes(field) && typeof value === 'string' ? plainTextProblem(value) : null;
  if (forbidden) return forbidden.zh;
  switch (field) {
    case 'name':
      return '不能为空，且不超过 200 个字';
    case 'creditCode': {
      const check = typeof value === 'string' ? checkCreditCode(value) : null;
      return check && !check.valid ? check.reasonZh : '应为 18 位统一社会信用代码';
    }
    case 'ownershipType':
      return oneOf(OWNERSHIP_LABELS_ZH);
    case 'township':
      return '不能为空，且不超过 100 个字';
    case 'community':
      return '不超过 100 个字';
    case 'industry':
      return '应为国民经济行业分类（GB/T 4754）门类字母 A–T';
    case 'employeeCount':
      return `应为 0 至 ${MAX_EMPLOYEE_COUNT} 之间的整数`;
    case 'memberCount':
      return `应为 0 至 ${MAX_MEMBER_COUNT} 之间的整数（不知道可留空）`;
    case 'coveredEmployees':
      return '应为 1 至 10000000 之间的整数';
    case 'creditCodes':
      return '至少填写一家企业的统一社会信用代码';
    case 'agreementKind':
      return oneOf(AGREEMENT_KIND_LABELS_ZH);
    case 'scope':
      return oneOf(SIGNING_FORM_LABELS_ZH);
    case 'title':
      return '不超过 200 个字';
    case 'wageIncreasePct':
      return '应为 -50 至 100 之间的数（百分比）';
    case 'minimumWage':
      return '应为 0 至 100000 之间的整数（元/月）';
    case 'termMonths':
      return '应为整数（月）';
    default:
      return '填写有误';
  }
}
