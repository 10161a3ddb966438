import { type GapRow, targetGapsFromTallies } from './target-gaps';
import type { Tally } from './signing-rates';

function gap(id: number, employeeCount: number, openNegotiation: GapRow['openNegotiation'] = null): GapRow {
  return {
    id,
    name: `企业${id}`,
    creditCode: `CODE${id}`,
    ownershipType: 'private',
    township: '金山镇',
    industry: 'C',
    employeeCount,
    instructorId: id === 1 ? null : 7,
    unionFoundedOn: '2020-01-01',
    registeredOn: null,
    closedOn: null,
    openNegotiation,
  };
}

const tallies = (enterprises: number, covered: number) =>
  new Map<string, Tally>([['non_public', { enterprises, covered, employees: 0, employeesCovered: 0 }]]);

describe(targetGapsFromTallies.name, () => {
  const sut = targetGapsFromTallies;

  it('takes target and shortBy from the sector row of the signing rates (9 of 10 meets 90 %)', () => {
    expect(sut('non_public', tallies(10, 9), [gap(1, 5)], { non_public: 0.9 })).toMatchObject({
      target: 0.9,
      shortBy: 0,
    });
    expect(sut('non_public', tallies(10, 7), [], { non_public: 0.9 })).toMatchObject({ shortBy: 2 });
  });

  it('has no target and shortBy 0 for a sector without one', () => {
    expect(sut('collective', tallies(10, 0), [], { non_public: 0.9 })).toEqual({
      target: null,
      shortBy: 0,
      total: 0,
      items: [],
    });
  });

  it("counts every uncovered enterprise of the sector's base as total, whatever the page holds", () => {
    expect(sut('non_public', tallies(10, 7), [gap(1, 5)], { non_public: 0.9 })).toMatchObject({
      shortBy: 2,
      total: 3,
      items: [expect.objectContaining({ enterpriseId: 1 })],
    });
    expect(sut('non_public', tallies(10, 7), [], { non_public: 0.9 }).total).toBe(3);
  });

  it('lists the uncovered largest first, ties by id, with the open negotiation only when there is one', () => {
    const { items } = sut('non_public', tallies(3, 0), [
      gap(3, 10),
      gap(2, 40, { id: 9, stage: 'consultation' }),
      gap(1, 10),
    ]);
    expect(items).toEqual([
      {
        enterpriseId: 2,
        name: '企业2',
        creditCode: 'CODE2',
        ownershipType: 'private',
        township: '金山镇',
        employeeCount: 40,
        instructorId: 7,
        openNegotiation: { id: 9, stage: 'consultation' },
      },
      expect.objectContaining({ enterpriseId: 1, instructorId: null }),
      expect.objectContaining({ enterpriseId: 3 }),
    ]);
    expect(items[1]).not.toHaveProperty('openNegotiation');
  });
});
