import type { GroupBy } from '../../../src/reports/rates';
import { type EnterpriseRow, groupKeyOf } from '../../support/report-oracle';
import { anEnterprise } from '../../support/seed-county-fixture';

describe(groupKeyOf.name, () => {
  const e = anEnterprise({
    id: 1,
    ownershipType: 'foreign',
    township: '蟠龙镇',
    industry: 'Q',
    instructorId: 12,
  });
  it.each<[GroupBy, Partial<EnterpriseRow>, string]>([
    ['sector', {}, 'non_public'],
    ['sector', { ownershipType: 'state_controlled' }, 'state'],
    ['ownershipType', {}, 'foreign'],
    ['township', {}, '蟠龙镇'],
    ['industry', {}, 'Q'],
    ['instructor', {}, '12'],
    ['instructor', { instructorId: null }, 'none'],
  ])('%s of %p → %p', (groupBy, overrides, expected) => {
    const sut = groupKeyOf;
    expect(sut({ ...e, ...overrides }, groupBy)).toBe(expected);
  });
});
