import {
  agreementCoversOn,
  coveredEnterpriseIds,
  inBase,
  isOpenOn,
  isUnionisedOn,
} from '../../support/report-oracle';
import { anAgreement, anEnterprise } from '../../support/seed-county-fixture';
import type { Base, CoverageStatus } from '../../../src/reports/rates';
import type { AgreementRow, EnterpriseRow } from '../../support/report-oracle';

const AS_OF = '2026-06-30';

describe(isOpenOn.name, () => {
  it.each<[string, Partial<EnterpriseRow>, boolean]>([
    ['no dates', { registeredOn: null, closedOn: null }, true],
    ['registered the day before', { registeredOn: '2026-06-29' }, true],
    ['registered on asOf', { registeredOn: AS_OF }, true],
    ['registered the day after', { registeredOn: '2026-07-01' }, false],
    ['closed the day before', { closedOn: '2026-06-29' }, false],
    ['closed on asOf (first day closed)', { closedOn: AS_OF }, false],
    ['closed the day after', { closedOn: '2026-07-01' }, true],
  ])('%s → %p', (_, overrides, expected) => {
    const sut = isOpenOn;
    expect(sut(anEnterprise({ id: 1, ...overrides }), AS_OF)).toBe(expected);
  });
});

describe(isUnionisedOn.name, () => {
  it.each<[string, string | null, boolean]>([
    ['no union', null, false],
    ['founded the day before', '2026-06-29', true],
    ['founded on asOf', AS_OF, true],
    ['founded the day after', '2026-07-01', false],
  ])('%s → %p', (_, unionFoundedOn, expected) => {
    const sut = isUnionisedOn;
    expect(sut(anEnterprise({ id: 1, unionFoundedOn }), AS_OF)).toBe(expected);
  });
});

describe(inBase.name, () => {
  it.each<[string, Partial<EnterpriseRow>, Base, boolean]>([
    ['open and unionised, base unionised', {}, 'unionised', true],
    ['open and unionised, base all', {}, 'all', true],
    ['open without union, base unionised', { unionFoundedOn: null }, 'unionised', false],
    ['open without union, base all', { unionFoundedOn: null }, 'all', true],
    ['union founded later, base unionised', { unionFoundedOn: '2026-07-01' }, 'unionised', false],
    ['closed with a union, base unionised', { closedOn: AS_OF }, 'unionised', false],
    ['closed, base all', { closedOn: AS_OF }, 'all', false],
    ['not yet registered, base all', { registeredOn: '2026-07-01' }, 'all', false],
  ])('%s → %p', (_, overrides, base, expected) => {
    const sut = inBase;
    expect(sut(anEnterprise({ id: 1, ...overrides }), AS_OF, base)).toBe(expected);
  });
});

describe(agreementCoversOn.name, () => {
  it.each<[string, Partial<AgreementRow>, CoverageStatus, boolean]>([
    ['signed and effective', {}, 'signed', true],
    ['signed and effective, in_force', {}, 'in_force', true],
    ['signed on asOf', { signedOn: AS_OF, effectiveOn: null }, 'signed', true],
    ['signed the day after', { signedOn: '2026-07-01', effectiveOn: null }, 'signed', false],
    ['expires the day after', { expiresOn: '2026-07-01' }, 'signed', true],
    ['expires on asOf (first day not applying)', { expiresOn: AS_OF }, 'signed', false],
    ['expires on asOf, in_force', { expiresOn: AS_OF }, 'in_force', false],
    ['expired before', { expiresOn: '2026-06-01' }, 'signed', false],
    ['terminated on asOf', { terminatedOn: AS_OF }, 'signed', false],
    ['terminated on asOf, in_force', { terminatedOn: AS_OF }, 'in_force', false],
    ['terminated the day after', { terminatedOn: '2026-07-01' }, 'signed', true],
    ['terminated the day after, in_force', { terminatedOn: '2026-07-01' }, 'in_force', true],
    ['not yet effective (under review)', { effectiveOn: null }, 'signed', true],
    ['not yet effective, in_force', { effectiveOn: null }, 'in_force', false],
    ['effective the day after, in_force', { effectiveOn: '2026-07-01' }, 'in_force', false],
    ['effective on asOf, in_force', { effectiveOn: AS_OF }, 'in_force', true],
    ['effective the day after, signed', { effectiveOn: '2026-07-01' }, 'signed', true],
  ])('%s (%s) → %p', (_, overrides, status, expected) => {
    const sut = agreementCoversOn;
    expect(sut(anAgreement({ id: 1, ...overrides }), AS_OF, status)).toBe(expected);
  });
});

describe(coveredEnterpriseIds.name, () => {
  const sut = coveredEnterpriseIds;

  it('counts an enterprise covered by its own and a regional agreement once', () => {
    const agreements = [
      anAgreement({ id: 1, enterpriseIds: [7] }),
      anAgreement({ id: 2, scope: 'regional', enterpriseIds: [7, 8, 9] }),
    ];
    expect([...sut(agreements, AS_OF, 'wage', 'signed')].sort()).toEqual([7, 8, 9]);
  });

  it.each<[string, Partial<AgreementRow>, CoverageStatus, number[]]>([
    ['wage kind', {}, 'signed', [1]],
    ['another kind', { agreementKind: 'comprehensive' }, 'signed', []],
    ['expired', { expiresOn: AS_OF }, 'signed', []],
    ['not effective, signed', { effectiveOn: null }, 'signed', [1]],
    ['not effective, in_force', { effectiveOn: null }, 'in_force', []],
  ])('%s (%s) → %p', (_, overrides, status, expected) => {
    expect([...sut([anAgreement({ id: 1, ...overrides })], AS_OF, 'wage', status)]).toEqual(expected);
  });
});

describe(`${agreementCoversOn.name} with a set-aside signing`, () => {
  it.each([
    ['the day before it was set aside', '2026-04-09', true],
    ['the day it was set aside', '2026-04-10', false],
    ['after', '2026-05-01', false],
  ])('covers %s: %s → %s', (_case, asOf, expected) => {
    const sut = anAgreement({
      id: 1,
      signedOn: '2026-03-01',
      expiresOn: '2027-03-01',
      setAsideOn: '2026-04-10',
    });
    expect(agreementCoversOn(sut, asOf, 'signed')).toBe(expected);
  });
});
