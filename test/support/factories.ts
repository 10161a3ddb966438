import { creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../../src/enterprises/domain/credit-code';
import type { CreateEnterpriseDto } from '../../src/enterprises/dto/create-enterprise.dto';

let sequence = 0;

/** A valid credit code, different on every call: 9135 + 7 random characters + a 6-character serial + check. */
export function aCreditCode(): string {
  sequence += 1;
  const pick = (n: number) => CREDIT_CODE_ALPHABET[n % CREDIT_CODE_ALPHABET.length];
  let random = '';
  for (let i = 0; i < 7; i++) random += pick(Math.floor(Math.random() * 31));
  let serial = '';
  for (let n = sequence, i = 0; i < 6; i++, n = Math.floor(n / 31)) serial = pick(n) + serial;
  const first17 = `9135${random}${serial}`;
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
