import {
  AGREEMENT_SCOPE_COLUMNS_ZH,
  GROUP_LABELS_ZH,
  groupLabelZh,
  RATE_COLUMNS_ZH,
  scopeLabelZh,
  UNION_FOUNDING_COLUMNS_ZH,
} from './labels-zh';
import {
  agreementsByScopeFromTallies,
  type GroupBy,
  signingRatesFromTallies,
  unionFoundingFromTallies,
} from './rates';

describe(groupLabelZh.name, () => {
  it.each<[GroupBy, string, string]>([
    ['sector', 'state', '国有及国有控股企业'],
    ['sector', 'non_public', '非公企业'],
    ['ownershipType', 'hk_macao_taiwan', '港澳台商投资企业'],
    ['sector', 'total', '合计'],
    ['instructor', 'none', '未分配指导员'],
    ['instructor', '3', '3'],
    ['township', '金山镇', '金山镇'],
  ])('%s %s → %s', (groupBy, group, expected) => {
    const sut = groupLabelZh;
    expect(sut(groupBy, group)).toBe(expected);
  });

  it('reuses the ownership module labels', () => {
    expect(GROUP_LABELS_ZH.sector.collective).toBe('集体企业');
    expect(scopeLabelZh('regional')).toBe('区域性');
    expect(scopeLabelZh('total')).toBe('合计');
  });
});

describe('column labels', () => {
  const rates = signingRatesFromTallies(
    'sector',
    new Map([['state', { enterprises: 4, covered: 3, employees: 500, employeesCovered: 300 }]]),
  );
  const unions = unionFoundingFromTallies('sector', new Map([['state', { enterprises: 4, unionised: 3 }]]));
  const scopes = agreementsByScopeFromTallies({ scopes: new Map(), enterprisesCovered: 0 });

  it.each<[string, object, Record<string, string>]>([
    ['signing-rate row with target', rates.rows[0], RATE_COLUMNS_ZH],
    ['union-founding row', unions.total, UNION_FOUNDING_COLUMNS_ZH],
    ['scope row', scopes.total, AGREEMENT_SCOPE_COLUMNS_ZH],
  ])('has a header for every field of a %s, in the same order', (_, row, columns) => {
    expect(Object.keys(columns)).toEqual(Object.keys(row));
  });
});
