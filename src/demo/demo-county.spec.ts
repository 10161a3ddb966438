import { createHash } from 'node:crypto';
import { addDays } from '../common/dates/business-date';
import { MAX_MEMBER_COUNT, memberIncrease } from '../enterprises/domain/member-count';
import { demoCounty, drawnCounty, SEED_COUNTY_OPTIONS } from './demo-county';
import { HALF_YEAR_DAYS } from './demo-members';

describe('demoCounty', () => {
  const today = '2026-06-15';
  const county = demoCounty(today);
  const drawn = drawnCounty(today);
  const halfYearStart = addDays(today, -HALF_YEAR_DAYS + 1);
  const isNonPublic = (type: string) => ['private', 'hk_macao_taiwan', 'foreign'].includes(type);

  it('names every enterprise differently, so a picker or a list never shows two alike', () => {
    const names = county.enterprises.map((e) => e.name);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });

  it('draws the rest of the county as before: everything but the names (and titles made of them)', () => {
    const withoutNames = {
      ...drawn,
      enterprises: drawn.enterprises.map(({ name: _name, ...rest }) => rest),
      historical: drawn.historical.map(({ title: _title, ...rest }) => rest),
      rounds: drawn.rounds.map(({ title: _title, ...rest }) => rest),
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(withoutNames)).digest('hex');
    expect(fingerprint).toBe('2042e731c5a8b8a2ae5d0e40bb1035c07aab5b375765793c9ee765b900c9caf2');
  });

  it('adds the members to the county as drawn, moving only the founding dates of the half-year’s new unions', () => {
    expect({ ...county, enterprises: [] }).toEqual({ ...drawn, enterprises: [] });
    const moved = county.enterprises.filter(
      (e, i) => e.unionFoundedOn !== drawn.enterprises[i].unionFoundedOn,
    );
    expect(moved.length).toBeGreaterThan(0);
    for (const e of moved) {
      expect(drawn.enterprises[e.key - 1].unionFoundedOn).not.toBeNull(); // a union it has in any case
      expect(e.unionFoundedOn! >= halfYearStart).toBe(true);
    }
    const strip = ({
      unionFoundedOn: _union,
      memberCount: _members,
      workersCongressOn: _congress,
      memberHistory: _history,
      ...rest
    }: (typeof county.enterprises)[number]) => rest;
    expect(county.enterprises.map(strip)).toEqual(
      drawn.enterprises.map(({ unionFoundedOn: _, ...rest }) => rest),
    );
  });

  it('founds the seed report’s unions in the half-year (54, 48 of them non-public) and adds members of its order', () => {
    // 全县新建工会组织54个，其中非公企业工会48个，新增会员1929人 (docs/domain.md, Who uses it).
    const founded = county.enterprises.filter(
      (e) => e.unionFoundedOn !== null && e.unionFoundedOn >= halfYearStart,
    );
    expect(founded).toHaveLength(54);
    expect(founded.filter((e) => isNonPublic(e.ownershipType))).toHaveLength(48);
    // Members added: the increases recorded in the half-year (docs/domain.md, Wave 2: definitions).
    let added = 0;
    for (const e of county.enterprises) {
      let previous: number | null = null;
      for (const { recordedOn, memberCount } of e.memberHistory) {
        if (recordedOn >= halfYearStart && recordedOn <= today)
          added += memberIncrease(previous, memberCount);
        previous = memberCount;
      }
    }
    expect(added).toBe(1976);
    const unionisedNonPublic = county.enterprises.filter(
      (e) => isNonPublic(e.ownershipType) && e.unionFoundedOn,
    );
    const withCongress = unionisedNonPublic.filter((e) => e.workersCongressOn !== null);
    expect(withCongress.length / unionisedNonPublic.length).toBeCloseTo(0.73, 2);
    const state = county.enterprises.filter((e) => e.ownershipType.startsWith('state'));
    expect(state.every((e) => e.workersCongressOn !== null)).toBe(true);
  });

  it('keeps every count and date within the API’s rules, each count recorded after its union was founded', () => {
    const ownWork = new Map<number, string>();
    for (const h of county.historical)
      if (h.scope === 'enterprise')
        for (const key of h.enterprises)
          ownWork.set(key, [ownWork.get(key) ?? h.signedOn, h.signedOn].sort()[0]);
    for (const round of county.rounds)
      for (const key of round.enterprises)
        ownWork.set(
          key,
          [
            ownWork.get(key) ?? String(round.events[0].occurredOn),
            String(round.events[0].occurredOn),
          ].sort()[0],
        );
    for (const e of county.enterprises) {
      if (e.unionFoundedOn === null) {
        expect([e.memberCount, e.workersCongressOn, e.memberHistory]).toEqual([null, null, []]);
        continue;
      }
      expect(e.unionFoundedOn >= e.registeredOn && e.unionFoundedOn <= today).toBe(true);
      const dates = e.memberHistory.map((record) => record.recordedOn);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates[0] >= e.unionFoundedOn && dates.at(-1)! <= today).toBe(true);
      expect(e.memberHistory.at(-1)!.memberCount).toBe(e.memberCount);
      for (const { memberCount } of e.memberHistory)
        expect(Number.isInteger(memberCount) && memberCount >= 0 && memberCount <= MAX_MEMBER_COUNT).toBe(
          true,
        );
      if (e.workersCongressOn !== null)
        expect(e.workersCongressOn >= e.registeredOn && e.workersCongressOn <= today).toBe(true);
      if (e.unionFoundedOn >= halfYearStart && ownWork.has(e.key))
        expect(addDays(e.unionFoundedOn, 14) <= ownWork.get(e.key)!).toBe(true);
    }
  });

  it('founds as many unions for a smaller county’s size', () => {
    const small = demoCounty(today, {
      ...SEED_COUNTY_OPTIONS,
      seed: 20260201,
      count: 80,
      serialOffset: 1000,
      landmarks: false,
    });
    const founded = small.enterprises.filter(
      (e) => e.unionFoundedOn !== null && e.unionFoundedOn >= halfYearStart,
    );
    expect(founded).toHaveLength(14); // 54 × 80 / 320, rounded per sector: 12 + 2
  });
});
