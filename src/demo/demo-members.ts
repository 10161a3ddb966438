import { addDays, type BusinessDate, laterOf } from '../common/dates/business-date';
import type { OwnershipType } from '../enterprises/domain/ownership';
import { random } from './random';

/**
 * The unions' members and workers' congresses of a demo county, and the unions it founded in the
 * last half-year: what the half-year work summary counts (docs/domain.md, Wave 2: definitions).
 * The seed report's county founded 54 unions in its half-year, 48 of them in non-public
 * enterprises, and gained 1,929 members (docs/domain.md, Who uses it); a demo county founds as
 * many for its size, and its counts grow (and sometimes shrink) over the months before `today`
 * as an office records them. Drawn from a generator of its own, after the rest of the county,
 * so that the county drawn before members existed stays as it was. Plain data, like the county.
 */

/** A member count as recorded on a day. */
export interface MemberRecord {
  recordedOn: BusinessDate;
  memberCount: number;
}

/** What of an enterprise its members depend on. */
interface DrawnFacts {
  key: number;
  ownershipType: OwnershipType;
  employeeCount: number;
  unionFoundedOn: BusinessDate | null;
  registeredOn: BusinessDate;
}

/** The agreements and rounds of a county, as far as they say since when an enterprise needs a union. */
interface DrawnWork {
  historical: { scope: string; enterprises: number[]; signedOn: BusinessDate }[];
  rounds: { scope: string; enterprises: number[]; events: Record<string, unknown>[] }[];
}

export interface Membership {
  unionFoundedOn: BusinessDate | null;
  memberCount: number | null;
  workersCongressOn: BusinessDate | null;
  memberHistory: MemberRecord[];
}

/** The seed report's half-year, for a county of the seed's size (SEED_COUNTY_OPTIONS.count). */
const SEED_REPORT = { countySize: 320, newUnions: { nonPublic: 48, other: 6 } };

/** The half-year a work summary looks back over: the 182 days up to today. */
export const HALF_YEAR_DAYS = 182;

/** A seed of its own, so that adding members draws nothing from the county's generator. */
const MEMBERS_SEED_SALT = 0x6d656d62; // 'memb'

const isState = (type: OwnershipType) => type === 'state_owned' || type === 'state_controlled';
const isNonPublic = (type: OwnershipType) =>
  type === 'private' || type === 'hk_macao_taiwan' || type === 'foreign';

/** The county's enterprises with their members, workers' congresses and the half-year's new unions. */
export function withMembers<E extends DrawnFacts>(
  county: DrawnWork & { enterprises: E[] },
  today: BusinessDate,
  options: { seed: number; count: number; landmarks: boolean },
): (Omit<E, keyof Membership> & Membership)[] {
  const rnd = random(options.seed ^ MEMBERS_SEED_SALT);
  const between = (from: BusinessDate, days: number) => addDays(from, Math.floor(rnd() * (days + 1)));
  const halfYearStart = addDays(today, -HALF_YEAR_DAYS + 1);
  const founded = newUnions(county, today, options, rnd);

  return county.enterprises.map((enterprise) => {
    const foundedOn = founded.get(enterprise.key) ?? enterprise.unionFoundedOn;
    if (foundedOn === null) {
      return {
        ...enterprise,
        unionFoundedOn: null,
        memberCount: null,
        workersCongressOn: null,
        memberHistory: [],
      };
    }
    // 60–95 % of the employees are members (at least the one who founded it).
    const memberCount = Math.max(1, Math.round(enterprise.employeeCount * (0.6 + rnd() * 0.35)));
    const isNew = founded.has(enterprise.key);
    const memberHistory = isNew
      ? newUnionHistory(foundedOn, memberCount, today, rnd, between)
      : oldUnionHistory(foundedOn, memberCount, today, halfYearStart, rnd, between);
    // A workers' congress in every state-owned enterprise, in four of five others with a
    // union of some standing, in a few of the new ones; some time after the union.
    const congress = isState(enterprise.ownershipType) || rnd() < (isNew ? 0.4 : 0.82);
    const workersCongressOn = congress
      ? [addDays(foundedOn, Math.floor((isNew ? 10 : 30) + rnd() * (isNew ? 50 : 700))), today].sort()[0]
      : null;
    return { ...enterprise, unionFoundedOn: foundedOn, memberCount, workersCongressOn, memberHistory };
  });
}

/**
 * Which unions were founded in the half-year, and when: as many as the seed report's for the
 * county's size, non-public and other (collective, other; not state-owned, whose unions are
 * old), among the enterprises with a union, each founded at least two weeks before its own
 * first agreement or round (a regional one, signed for small firms with or without a union,
 * needs none).
 */
function newUnions(
  county: DrawnWork & { enterprises: DrawnFacts[] },
  today: BusinessDate,
  options: { count: number; landmarks: boolean },
  rnd: () => number,
): Map<number, BusinessDate> {
  const ownWorkSince = new Map<number, BusinessDate>();
  const work = (key: number, on: BusinessDate) =>
    ownWorkSince.set(key, [ownWorkSince.get(key) ?? on, on].sort()[0]);
  for (const h of county.historical)
    if (h.scope === 'enterprise') for (const key of h.enterprises) work(key, h.signedOn);
  for (const round of county.rounds) {
    const first = round.events[0]?.occurredOn;
    if (round.scope === 'enterprise' && typeof first === 'string')
      for (const key of round.enterprises) work(key, first);
  }
  const earliest = addDays(today, -HALF_YEAR_DAYS + 7);
  const latestFor = (key: number) => {
    const before = ownWorkSince.get(key);
    return before === undefined ? addDays(today, -7) : [addDays(today, -7), addDays(before, -14)].sort()[0];
  };
  const candidates = county.enterprises.filter(
    (e) =>
      e.unionFoundedOn !== null &&
      !isState(e.ownershipType) &&
      // 金八角水泥, signed at the county meeting: a union of long standing.
      !(options.landmarks && e.key === 47) &&
      latestFor(e.key) >= earliest,
  );
  const scale = options.count / SEED_REPORT.countySize;
  // A campaign founds its unions mostly in small firms: the larger ones have had theirs for long.
  const weight = (e: DrawnFacts) => (e.employeeCount < 30 ? 1 : e.employeeCount < 100 ? 2 : 8);
  const pick = (pool: DrawnFacts[], wanted: number) => {
    const order = pool.map((e) => ({ e, at: rnd() * weight(e) })).sort((a, b) => a.at - b.at);
    return order.slice(0, Math.round(wanted * scale)).map(({ e }) => e);
  };
  const chosen = [
    ...pick(
      candidates.filter((e) => isNonPublic(e.ownershipType)),
      SEED_REPORT.newUnions.nonPublic,
    ),
    ...pick(
      candidates.filter((e) => !isNonPublic(e.ownershipType)),
      SEED_REPORT.newUnions.other,
    ),
  ];
  return new Map(
    chosen.map((e) => {
      const latest = latestFor(e.key);
      const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / 86_400_000);
      return [e.key, laterOf(addDays(earliest, Math.floor(rnd() * (span + 1))), e.registeredOn)];
    }),
  );
}

/** A new union's counts: recorded within two weeks of its founding, some grown since. */
function newUnionHistory(
  foundedOn: BusinessDate,
  memberCount: number,
  today: BusinessDate,
  rnd: () => number,
  between: (from: BusinessDate, days: number) => BusinessDate,
): MemberRecord[] {
  const firstOn = [between(foundedOn, 14), today].sort()[0];
  const growth =
    rnd() < 0.35 ? Math.min(memberCount - 1, Math.max(1, Math.round(memberCount * rnd() * 0.3))) : 0;
  if (growth <= 0 || firstOn >= today) return [{ recordedOn: firstOn, memberCount }];
  const days = Math.round((Date.parse(today) - Date.parse(firstOn)) / 86_400_000);
  return [
    { recordedOn: firstOn, memberCount: memberCount - growth },
    { recordedOn: addDays(firstOn, 1 + Math.floor(rnd() * days)), memberCount },
  ];
}

/**
 * An older union's counts: first recorded 7 to 18 months ago (never before the union), then
 * some grew in the half-year, a few shrank, some changed before it, the rest stayed.
 */
function oldUnionHistory(
  foundedOn: BusinessDate,
  memberCount: number,
  today: BusinessDate,
  halfYearStart: BusinessDate,
  rnd: () => number,
  between: (from: BusinessDate, days: number) => BusinessDate,
): MemberRecord[] {
  // First recorded well over a year ago (or when a younger union was founded), so that a
  // work summary of an earlier half-year than the last one also counts only that half-year's growth.
  const from = laterOf(foundedOn, addDays(today, -1100));
  const days = Math.round((Date.parse(addDays(today, -400)) - Date.parse(from)) / 86_400_000);
  const firstOn = between(from, Math.max(0, days));
  const share = (low: number, high: number) =>
    Math.max(1, Math.round(memberCount * (low + rnd() * (high - low))));
  const kind = rnd();
  let before = memberCount;
  let changedOn: BusinessDate = firstOn;
  if (kind < 0.25) {
    before = Math.max(0, memberCount - share(0.03, 0.12)); // grew in the half-year
    changedOn = between(halfYearStart, HALF_YEAR_DAYS - 1);
  } else if (kind < 0.35) {
    before = memberCount + share(0.02, 0.1); // some left in the half-year
    changedOn = between(halfYearStart, HALF_YEAR_DAYS - 1);
  } else if (kind < 0.5) {
    before = memberCount + (rnd() < 0.5 ? -1 : 1) * share(0.02, 0.1); // changed before it
    const span = Math.round((Date.parse(halfYearStart) - Date.parse(firstOn)) / 86_400_000) - 2;
    changedOn = addDays(firstOn, 1 + Math.floor(rnd() * Math.max(1, span)));
  }
  if (before === memberCount || before < 0 || changedOn <= firstOn)
    return [{ recordedOn: firstOn, memberCount }];
  return [
    { recordedOn: firstOn, memberCount: before },
    { recordedOn: changedOn, memberCount },
  ];
}
