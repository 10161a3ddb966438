/**
 * The dated steps of one enterprise's report counts: the first building block of the maintained
 * report aggregates (issue 17; design in docs/benchmarks.md, "Where the aggregates must hook in").
 * Pure: no framework, no I/O.
 *
 * An enterprise adds 1 (and its headcount) to a count from one day to another: to the open
 * enterprises while it is open, to the unionised ones from its union's founding, to the covered
 * ones, per agreement kind, coverage status and base, while an agreement of the kind that lists it
 * runs (docs/domain.md, Signing rate). Each count is therefore a few intervals of days, and the
 * count on any day D is the sum of the steps dated on or before D: +1 where an interval starts,
 * −1 where it ends. A report's figure for a group on D is the sum of its enterprises' steps up to D,
 * which is what stored aggregates can keep (per cell, per period) and update by difference when a
 * write changes an enterprise or an agreement: the steps after the write minus the steps before.
 *
 * The predicates are those of the reports' SQL and of the test oracle (test/support/report-oracle.ts),
 * read as intervals: `registeredOn`, `unionFoundedOn`, `signedOn` and `effectiveOn` are the first
 * day something holds (inclusive), `closedOn`, `expiresOn`, `terminatedOn` and `setAsideOn` the
 * first day it no longer does.
 */
import type { BusinessDate } from '../../common/dates/business-date';
import { AGREEMENT_KINDS, type AgreementKind } from '../../negotiations/workflow/negotiation.types';
import { BASES, type Base, COVERAGE_STATUSES, type CoverageStatus } from './types';

/** The day before every business day: a step on it holds "since always" (no registration date). */
export const SINCE_ALWAYS: BusinessDate = '0001-01-01';

/** The enterprise's fields the counts depend on (its grouping fields decide where the steps go, not what they are). */
export interface StepEnterprise {
  registeredOn: BusinessDate | null;
  closedOn: BusinessDate | null;
  unionFoundedOn: BusinessDate | null;
  employeeCount: number;
}

/** An agreement that lists the enterprise (its own, or a regional or industry one). */
export interface StepAgreement {
  agreementKind: AgreementKind;
  signedOn: BusinessDate;
  effectiveOn: BusinessDate | null;
  expiresOn: BusinessDate;
  terminatedOn: BusinessDate | null;
  setAsideOn: BusinessDate | null;
}

/** A count the reports read: `open`, `unionised`, or `covered:<kind>:<status>:<base>`. */
export type StepMeasure = 'open' | 'unionised' | `covered:${AgreementKind}:${CoverageStatus}:${Base}`;

/** Every measure, in a fixed order (the columns of a stored aggregate). */
export const STEP_MEASURES: readonly StepMeasure[] = [
  'open',
  'unionised',
  ...AGREEMENT_KINDS.flatMap((kind) =>
    COVERAGE_STATUSES.flatMap((status) => BASES.map((base) => coveredMeasure(kind, status, base))),
  ),
];

export function coveredMeasure(kind: AgreementKind, status: CoverageStatus, base: Base): StepMeasure {
  return `covered:${kind}:${status}:${base}`;
}

/** On `day`, the measure changes by `enterprises` (±1) and `employees` (± the headcount). */
export interface CountStep {
  measure: StepMeasure;
  day: BusinessDate;
  enterprises: number;
  employees: number;
}

/** Days `[from, to)`; `to` null: with no end. */
interface Span {
  from: BusinessDate;
  to: BusinessDate | null;
}

/**
 * The steps of an enterprise's counts, given the agreements that list it (any kind, any state):
 * one +1 and at most one −1 per interval of each measure, days ascending within a measure;
 * nothing for a measure the enterprise never adds to.
 */
export function coverageSteps(enterprise: StepEnterprise, agreements: readonly StepAgreement[]): CountStep[] {
  const open: Span = { from: enterprise.registeredOn ?? SINCE_ALWAYS, to: enterprise.closedOn };
  const spans = new Map<StepMeasure, Span[]>();
  spans.set('open', nonEmpty([open]));
  const unionised =
    enterprise.unionFoundedOn === null
      ? []
      : intersect([open], [{ from: enterprise.unionFoundedOn, to: null }]);
  spans.set('unionised', unionised);
  const bases: Record<Base, Span[]> = { all: nonEmpty([open]), unionised };
  for (const kind of AGREEMENT_KINDS) {
    const ofKind = agreements.filter((agreement) => agreement.agreementKind === kind);
    for (const status of COVERAGE_STATUSES) {
      const covering = union(ofKind.map((agreement) => coveringSpan(agreement, status)));
      for (const base of BASES)
        spans.set(coveredMeasure(kind, status, base), intersect(bases[base], covering));
    }
  }
  const steps: CountStep[] = [];
  for (const measure of STEP_MEASURES) {
    for (const span of spans.get(measure) ?? []) {
      steps.push({ measure, day: span.from, enterprises: 1, employees: enterprise.employeeCount });
      if (span.to !== null)
        steps.push({ measure, day: span.to, enterprises: -1, employees: -enterprise.employeeCount });
    }
  }
  return steps;
}

/** The days an agreement covers at a status: running (signed, not yet expired, terminated or set aside), and for in_force taken effect. */
function coveringSpan(agreement: StepAgreement, status: CoverageStatus): Span | null {
  const ends = [agreement.expiresOn, agreement.terminatedOn, agreement.setAsideOn].filter(
    (day): day is BusinessDate => day !== null,
  );
  const to = ends.reduce((earliest, day) => (day < earliest ? day : earliest));
  let from = agreement.signedOn;
  if (status === 'in_force') {
    if (agreement.effectiveOn === null) return null;
    if (agreement.effectiveOn > from) from = agreement.effectiveOn;
  }
  return from < to ? { from, to } : null;
}

/** Disjoint, ascending spans covering the same days as `spans` (touching spans merged). */
function union(spans: readonly (Span | null)[]): Span[] {
  const sorted = spans.filter((span): span is Span => span !== null).sort((a, b) => compare(a.from, b.from));
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || span.from <= last.to)) {
      if (last.to !== null && (span.to === null || span.to > last.to)) last.to = span.to;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** The days in both (each list disjoint and ascending). */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const both: Span[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = x.from > y.from ? x.from : y.from;
      const to = x.to === null ? y.to : y.to === null ? x.to : x.to < y.to ? x.to : y.to;
      if (to === null || from < to) both.push({ from, to });
    }
  }
  return both;
}

function nonEmpty(spans: Span[]): Span[] {
  return spans.filter((span) => span.to === null || span.from < span.to);
}

function compare(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The counts of each measure on `asOf` from an enterprise's steps: the sum of those dated on or before it. */
export function countsOn(
  steps: readonly CountStep[],
  asOf: BusinessDate,
): Map<StepMeasure, { enterprises: number; employees: number }> {
  const counts = new Map<StepMeasure, { enterprises: number; employees: number }>();
  for (const step of steps) {
    if (step.day > asOf) continue;
    const count = counts.get(step.measure) ?? { enterprises: 0, employees: 0 };
    count.enterprises += step.enterprises;
    count.employees += step.employees;
    counts.set(step.measure, count);
  }
  return counts;
}
