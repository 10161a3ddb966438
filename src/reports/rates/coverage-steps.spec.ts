import fc from 'fast-check';
import { addDays, type BusinessDate } from '../../common/dates/business-date';
import { AGREEMENT_KINDS } from '../../negotiations/workflow/negotiation.types';
import {
  agreementCoversOn,
  type AgreementRow,
  inBase,
  isOpenOn,
  isUnionisedOn,
} from '../../../test/support/report-oracle';
import {
  countsOn,
  coverageSteps,
  coveredMeasure,
  STEP_MEASURES,
  type StepAgreement,
  type StepEnterprise,
} from './coverage-steps';
import { BASES, COVERAGE_STATUSES, type EnterpriseRow } from './types';

const START = '2019-01-01';
/** Days of a few years, so that random dates meet, touch and overlap often. */
const day = fc.integer({ min: 0, max: 6 * 365 }).map((offset) => addDays(START, offset));
const maybeDay = fc.option(day, { nil: null });

const enterprise = fc.record({
  registeredOn: maybeDay,
  closedOn: maybeDay,
  unionFoundedOn: maybeDay,
  employeeCount: fc.integer({ min: 0, max: 5000 }),
});

const agreement = fc
  .record({
    agreementKind: fc.constantFrom(...AGREEMENT_KINDS),
    signedOn: day,
    effectiveAfter: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
    years: fc.integer({ min: 0, max: 3 }),
    terminatedOn: maybeDay,
    setAsideOn: maybeDay,
  })
  .map(({ effectiveAfter, years, ...rest }): StepAgreement => ({
    ...rest,
    effectiveOn: effectiveAfter === null ? null : addDays(rest.signedOn, effectiveAfter),
    expiresOn: addDays(rest.signedOn, years * 365),
  }));

function oracleRow(e: StepEnterprise): EnterpriseRow {
  return {
    id: 1,
    name: '企业',
    creditCode: 'X',
    ownershipType: 'private',
    township: '金山镇',
    industry: 'C',
    instructorId: null,
    ...e,
  };
}

function oracleAgreement(a: StepAgreement): AgreementRow {
  return {
    id: 1,
    negotiationId: 1,
    scope: 'enterprise',
    coveredEmployees: 0,
    wageIncreasePct: null,
    enterpriseIds: [1],
    ...a,
  };
}

/** What the oracle counts of one enterprise on a day, measure by measure (1 or 0). */
function oracleCounts(e: StepEnterprise, agreements: readonly StepAgreement[], asOf: BusinessDate) {
  const row = oracleRow(e);
  const counts = new Map<string, number>([
    ['open', isOpenOn(row, asOf) ? 1 : 0],
    ['unionised', isOpenOn(row, asOf) && isUnionisedOn(row, asOf) ? 1 : 0],
  ]);
  for (const kind of AGREEMENT_KINDS)
    for (const status of COVERAGE_STATUSES)
      for (const base of BASES) {
        const covered = agreements.some(
          (a) => a.agreementKind === kind && agreementCoversOn(oracleAgreement(a), asOf, status),
        );
        counts.set(coveredMeasure(kind, status, base), covered && inBase(row, asOf, base) ? 1 : 0);
      }
  return counts;
}

describe('coverageSteps (the dated steps of an enterprise’s report counts)', () => {
  it('sums, on any day, to what the report oracle counts of the enterprise, for every measure', () => {
    fc.assert(
      fc.property(
        enterprise,
        fc.array(agreement, { maxLength: 5 }),
        fc.array(day, { minLength: 1, maxLength: 8 }),
        (e, agreements, days) => {
          const steps = coverageSteps(e, agreements);
          const summed = days.flatMap((asOf) => {
            const counts = countsOn(steps, asOf);
            return STEP_MEASURES.map((measure) => {
              const count = counts.get(measure) ?? { enterprises: 0, employees: 0 };
              return `${asOf} ${measure} ${count.enterprises} ${count.employees}`;
            });
          });
          const expected = days.flatMap((asOf) => {
            const counts = oracleCounts(e, agreements, asOf);
            return STEP_MEASURES.map(
              (measure) =>
                `${asOf} ${measure} ${counts.get(measure)} ${counts.get(measure)! * e.employeeCount}`,
            );
          });
          expect(summed).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes one +1 and at most one −1 per interval: an open-ended registration is one step since always', () => {
    const steps = coverageSteps(
      { registeredOn: null, closedOn: null, unionFoundedOn: '2024-03-01', employeeCount: 120 },
      [
        // Two wage agreements that touch make one interval; the second ends the coverage.
        {
          agreementKind: 'wage',
          signedOn: '2024-05-01',
          effectiveOn: '2024-05-20',
          expiresOn: '2025-05-01',
          terminatedOn: null,
          setAsideOn: null,
        },
        {
          agreementKind: 'wage',
          signedOn: '2025-05-01',
          effectiveOn: '2025-05-01',
          expiresOn: '2026-05-01',
          terminatedOn: '2025-11-15',
          setAsideOn: null,
        },
      ],
    );
    const of = (measure: string) =>
      steps.filter((step) => step.measure === measure).map((s) => [s.day, s.enterprises]);
    expect(of('open')).toEqual([['0001-01-01', 1]]);
    expect(of('unionised')).toEqual([['2024-03-01', 1]]);
    expect(of('covered:wage:signed:unionised')).toEqual([
      ['2024-05-01', 1],
      ['2025-11-15', -1],
    ]);
    expect(of('covered:wage:in_force:all')).toEqual([
      ['2024-05-20', 1],
      ['2025-11-15', -1],
    ]);
    expect(of('covered:women:signed:all')).toEqual([]);
    expect(steps.find((step) => step.measure === 'open')?.employees).toBe(120);
  });

  it('counts nothing for an enterprise closed before it opened, or an agreement set aside the day it was signed', () => {
    expect(
      coverageSteps(
        { registeredOn: '2025-02-01', closedOn: '2025-01-01', unionFoundedOn: null, employeeCount: 9 },
        [],
      ),
    ).toEqual([]);
    const steps = coverageSteps(
      { registeredOn: null, closedOn: null, unionFoundedOn: null, employeeCount: 9 },
      [
        {
          agreementKind: 'wage',
          signedOn: '2025-03-01',
          effectiveOn: null,
          expiresOn: '2028-03-01',
          terminatedOn: null,
          setAsideOn: '2025-03-01',
        },
      ],
    );
    expect(steps.map((step) => step.measure)).toEqual(['open']);
  });
});
