import fc from 'fast-check';
import {
  addCounts,
  childOnPath,
  DEPLOYMENT_PATH,
  DIRECT_GROUP,
  type PathUnit,
  rollUpToChildren,
} from './roll-up';
import { emptyTally, signingRatesFromTallies, type Tally } from './signing-rates';

interface TreeUnit extends PathUnit {
  parentId: number | null;
}

/** A forest: unit i + 1 hangs under an earlier unit (or is a root), ids 1… so that /1/ and /12/ both occur. */
const forestArb = fc
  .array(fc.option(fc.nat(), { nil: null, freq: 6 }), { minLength: 1, maxLength: 40 })
  .map((parents) => {
    const units: TreeUnit[] = [];
    parents.forEach((parent, i) => {
      const id = i + 1;
      const under = parent === null || i === 0 ? null : units[parent % i];
      units.push({ id, parentId: under?.id ?? null, path: `${under?.path ?? '/'}${id}/` });
    });
    return units;
  });

const tallyArb: fc.Arbitrary<Tally> = fc
  .record({
    enterprises: fc.nat({ max: 50 }),
    employees: fc.nat({ max: 5000 }),
    coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ enterprises, employees, coveredShare }) => ({
    enterprises,
    covered: Math.floor(enterprises * coveredShare),
    employees,
    employeesCovered: Math.floor(employees * coveredShare),
  }));

/** A forest and counts per enterprise unit (as the SQL groups them), some in no unit (`null`). */
const caseArb = forestArb.chain((units) =>
  fc.record({
    units: fc.constant(units),
    tallies: fc
      .array(
        fc.tuple(fc.option(fc.constantFrom(...units.map((u) => u.id)), { nil: null, freq: 10 }), tallyArb),
        {
          maxLength: 60,
        },
      )
      .map((entries) => {
        const tallies = new Map<string, Tally>();
        for (const [unitId, tally] of entries) {
          const key = String(unitId);
          const known = tallies.get(key) ?? emptyTally();
          addCounts(known, tally);
          tallies.set(key, known);
        }
        return tallies;
      }),
  }),
);

const sumOf = (tallies: Iterable<Tally>): Tally => {
  const total = emptyTally();
  for (const tally of tallies) addCounts(total, tally);
  return total;
};

/** What the SQL of a unit's report counts: the tallies of the units in its subtree (scopeCondition). */
const restrictedTo = (tallies: ReadonlyMap<string, Tally>, units: readonly TreeUnit[], path: string) =>
  new Map(
    [...tallies].filter(([key]) => {
      if (path === DEPLOYMENT_PATH) return true;
      const unit = units.find((u) => String(u.id) === key);
      return unit !== undefined && unit.path.startsWith(path);
    }),
  );

const childrenOf = (units: readonly TreeUnit[], parentId: number | null) =>
  units.filter((u) => u.parentId === parentId);

describe(childOnPath.name, () => {
  it.each<[string, string, number | null]>([
    ['/1/', '/1/4/17/', 4],
    ['/1/4/', '/1/4/17/', 17],
    ['/1/4/17/', '/1/4/17/', null], // the unit itself
    ['/1/', '/12/3/', null], // /12/ is not under /1/
    ['/', '/12/3/', 12], // the whole deployment: the root
    ['/2/', '/1/4/', null],
  ])('child of %s on the path %s → %p', (parent, path, expected) => {
    expect(childOnPath(parent, path)).toBe(expected);
  });
});

describe(rollUpToChildren.name, () => {
  const sut = (
    parentPath: string,
    children: readonly PathUnit[],
    units: readonly TreeUnit[],
    tallies: ReadonlyMap<string, Tally>,
  ) =>
    rollUpToChildren(
      parentPath,
      children,
      new Map(units.map((u) => [u.id, u.path])),
      tallies,
      emptyTally,
      addCounts,
    );

  it('lists every child, empty ones too, in the given order, and the direct row last only when it counts something', () => {
    const units: TreeUnit[] = [
      { id: 1, parentId: null, path: '/1/' },
      { id: 4, parentId: 1, path: '/1/4/' },
      { id: 2, parentId: 1, path: '/1/2/' },
      { id: 17, parentId: 4, path: '/1/4/17/' },
    ];
    const one: Tally = { enterprises: 1, covered: 1, employees: 10, employeesCovered: 10 };
    const children = [units[1], units[2]];
    expect([...sut('/1/', children, units, new Map([['17', one]])).keys()]).toEqual(['4', '2']);
    const withDirect = sut(
      '/1/',
      children,
      units,
      new Map([
        ['1', one],
        ['null', one],
        ['17', one],
      ]),
    );
    expect([...withDirect.keys()]).toEqual(['4', '2', DIRECT_GROUP]);
    expect(withDirect.get(DIRECT_GROUP)).toEqual({
      enterprises: 2,
      covered: 2,
      employees: 20,
      employeesCovered: 20,
    });
    expect(withDirect.get('4')).toEqual(one);
    expect(withDirect.get('2')).toEqual(emptyTally());
  });

  it('children sum to the parent, at every unit of random trees, for every count (property)', () => {
    fc.assert(
      fc.property(caseArb, ({ units, tallies }) => {
        const asked: { path: string; id: number | null }[] = [
          { path: DEPLOYMENT_PATH, id: null },
          ...units.map((u) => ({ path: u.path, id: u.id })),
        ];
        for (const unit of asked) {
          const counted = restrictedTo(tallies, units, unit.path);
          const children = childrenOf(units, unit.id);
          const folded = sut(unit.path, children, units, counted);
          // Children (and the direct row) sum to the unit's total, as the report's total sums them.
          expect(sumOf(folded.values())).toEqual(sumOf(counted.values()));
          const report = signingRatesFromTallies('orgUnit', folded);
          expect(report.rows.map((row) => row.group)).toEqual([...folded.keys()]);
          const countsOf = ({ enterprises, covered, employees, employeesCovered }: Tally): Tally => ({
            enterprises,
            covered,
            employees,
            employeesCovered,
          });
          expect(sumOf(report.rows.map(countsOf))).toEqual(countsOf(report.total));
          // Each child's row is that child's own total: the same figure one level down.
          for (const child of children) {
            expect(folded.get(String(child.id))).toEqual(
              sumOf(restrictedTo(tallies, units, child.path).values()),
            );
          }
          // The direct row holds exactly what sits in the unit itself (or, at the deployment, in no unit).
          const direct = [...counted]
            .filter(([key]) => (unit.id === null ? key === 'null' : key === String(unit.id)))
            .map(([, tally]) => tally);
          if (direct.length === 0) expect(folded.has(DIRECT_GROUP)).toBe(false);
          else expect(folded.get(DIRECT_GROUP)).toEqual(sumOf(direct));
        }
      }),
      { numRuns: 200 },
    );
  });
});
