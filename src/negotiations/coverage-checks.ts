import type { FieldError } from '../common/errors/app-error';
import { type BusinessDate, compareDates, isBusinessDate } from '../common/dates/business-date';

const DATE_FIELD_ZH: Record<string, string> = { occurredOn: '发生日期', signedOn: '签订日期' };

/** A field error, also worded in Chinese (for the import's row errors). */
export interface CoverageProblem extends FieldError {
  messageZh: string;
}

/** What the roster says of a covered enterprise that the workflow machine cannot know. */
export interface CoveredFacts {
  name: string;
  employeeCount: number;
  registeredOn: BusinessDate | null;
}

/**
 * An event's date and headcount checked against the covered enterprises' roster: nothing
 * happens to an enterprise before it was registered, and an agreement covers no more employees
 * than the enterprises have (judged only when every headcount is known: 0 is taken as not known). `dateField` names the
 * date as the client sent it (`signedOn` for a historical agreement).
 */
export function coverageProblems(
  event: { date: unknown; dateField: string; coveredEmployees?: unknown },
  enterprises: readonly CoveredFacts[],
): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const { date, dateField } = event;
  if (isBusinessDate(date)) {
    const younger = enterprises.find(
      (e) => e.registeredOn !== null && compareDates(date, e.registeredOn) < 0,
    );
    if (younger) {
      problems.push({
        field: dateField,
        message: `${dateField} ${date} is before ${younger.name} was registered (${younger.registeredOn})`,
        messageZh: `${DATE_FIELD_ZH[dateField] ?? '日期'} ${date} 不能早于${younger.name}的成立日期 ${younger.registeredOn}`,
      });
    }
  }
  // Only when every covered enterprise's headcount is known: one unknown (0) could be any size.
  const known = enterprises.every((e) => e.employeeCount > 0);
  const headcount = enterprises.reduce((sum, e) => sum + e.employeeCount, 0);
  if (typeof event.coveredEmployees === 'number' && known && event.coveredEmployees > headcount) {
    problems.push({
      field: 'coveredEmployees',
      message: `coveredEmployees ${event.coveredEmployees} is more than the ${headcount} employees the covered enterprises have on the roster; correct it, or update their employee counts first`,
      messageZh: `覆盖职工数 ${event.coveredEmployees} 超过所涉企业在册职工总数 ${headcount}：请核对，或先更新企业的职工人数`,
    });
  }
  return problems;
}
