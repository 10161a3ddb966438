import { creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../../src/enterprises/domain/credit-code';
import type { CreateEnterpriseDto } from '../../src/enterprises/dto/create-enterprise.dto';

let sequence = 0;

/** A valid credit code, different on every call: 9135 (enterprise, Fujian) + serial + check. */
export function aCreditCode(): string {
  sequence += 1;
  let serial = '';
  let n = sequence + Math.floor(Math.random() * 1e6) * 1000;
  for (let i = 0; i < 13; i++) {
    serial = CREDIT_CODE_ALPHABET[n % 31] + serial;
    n = Math.floor(n / 31);
  }
  const first17 = `9135${serial}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export function anEnterprise(overrides: Partial<CreateEnterpriseDto> = {}): CreateEnterpriseDto {
  return {
    name: `金山镇测试企业${sequence + 1}有限公司`,
    creditCode: aCreditCode(),
    ownershipType: 'private',
    township: '金山镇',
    community: '家和社区',
    industry: 'C',
    employeeCount: 120,
    unionFoundedOn: '2020-05-01',
    registeredOn: '2015-03-02',
    ...overrides,
  };
}
