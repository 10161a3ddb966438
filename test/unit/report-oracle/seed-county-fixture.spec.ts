import { isBusinessDate } from '../../../src/common/dates/business-date';
import { checkCreditCode } from '../../../src/enterprises/domain/credit-code';
import { seedCountyFixture } from '../../support/seed-county-fixture';

describe(seedCountyFixture.name, () => {
  const sut = seedCountyFixture;
  const { enterprises, agreements } = sut();

  it('is loadable through the API: valid, unique credit codes and ids', () => {
    expect(enterprises.map((e) => checkCreditCode(e.creditCode))).toEqual(
      enterprises.map(() => ({ valid: true })),
    );
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.id)).size).toBe(enterprises.length);
    expect(new Set(agreements.map((a) => a.id)).size).toBe(agreements.length);
  });

  it('lists only known enterprises, one per enterprise-scope agreement', () => {
    const ids = new Set(enterprises.map((e) => e.id));
    for (const agreement of agreements) {
      expect(agreement.enterpriseIds.every((id) => ids.has(id))).toBe(true);
      if (agreement.scope === 'enterprise') expect(agreement.enterpriseIds).toHaveLength(1);
    }
  });

  it('has ordered agreement dates: signed ≤ effective < expires, terminated before expiry', () => {
    for (const a of agreements) {
      const dates = [a.signedOn, a.effectiveOn, a.expiresOn, a.terminatedOn].filter((d) => d !== null);
      expect(dates.every(isBusinessDate)).toBe(true);
      if (a.effectiveOn !== null)
        expect(a.signedOn <= a.effectiveOn && a.effectiveOn < a.expiresOn).toBe(true);
      expect(a.signedOn < a.expiresOn).toBe(true);
      if (a.terminatedOn !== null) expect(a.terminatedOn < a.expiresOn).toBe(true);
    }
  });

  it('returns a fresh copy each call', () => {
    const pristine = sut();
    const mutated = sut();
    mutated.agreements[0].enterpriseIds.push(999);
    mutated.enterprises[0].employeeCount = 0;
    expect(sut()).toEqual(pristine);
  });
});
