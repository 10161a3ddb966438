import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../api/enterprises';
import { changedFields, emptyEnterpriseForm, enterpriseForm, enterpriseInput } from './enterprise-form';

const enterprise: Enterprise = {
  id: 1,
  name: '万安镇兴旺水泥有限公司',
  creditCode: '913607310001000017',
  ownershipType: 'state_owned',
  sector: 'state',
  township: '万安镇',
  orgUnitId: 3,
  community: null,
  industry: 'C',
  employeeCount: 616,
  unionFoundedOn: '2024-11-02',
  instructorId: 4,
  registeredOn: '2021-04-09',
  closedOn: null,
  memberCount: 480,
  workersCongressOn: '2022-03-15',
  version: 2,
};

describe('enterpriseInput', () => {
  it('trims, upper-cases the credit code and sends an empty community as none', () => {
    const form = {
      ...emptyEnterpriseForm(),
      name: ' 新企业 ',
      creditCode: ' 91350100m000100y43',
      ownershipType: 'private' as const,
      township: '金山镇 ',
      community: '  ',
      industry: 'C',
      employeeCount: 12,
    };
    expect(enterpriseInput(form)).toEqual({
      name: '新企业',
      creditCode: '91350100M000100Y43',
      ownershipType: 'private',
      township: '金山镇',
      community: null,
      industry: 'C',
      employeeCount: 12,
      unionFoundedOn: null,
      instructorId: null,
      registeredOn: null,
      closedOn: null,
      memberCount: null,
      workersCongressOn: null,
    });
  });

  it('sends the township unit when one was picked', () => {
    const form = { ...enterpriseForm(enterprise), township: '金山镇', orgUnitId: 7 };
    expect(enterpriseInput(form)).toMatchObject({ township: '金山镇', orgUnitId: 7 });
    expect(changedFields(enterprise, enterpriseInput(form))).toEqual({ township: '金山镇', orgUnitId: 7 });
  });
});

describe('changedFields', () => {
  it('is empty for an enterprise saved as it was loaded', () => {
    expect(changedFields(enterprise, enterpriseInput(enterpriseForm(enterprise)))).toEqual({});
  });

  it('sends a member count and a workers’ congress date as given, and null for a cleared count', () => {
    const form = { ...enterpriseForm(enterprise), memberCount: 500, workersCongressOn: '2023-01-09' };
    expect(changedFields(enterprise, enterpriseInput(form))).toEqual({
      memberCount: 500,
      workersCongressOn: '2023-01-09',
    });
    const cleared = { ...enterpriseForm(enterprise), memberCount: null };
    expect(changedFields(enterprise, enterpriseInput(cleared))).toEqual({ memberCount: null });
    expect(enterpriseInput({ ...emptyEnterpriseForm(), memberCount: 0 }).memberCount).toBe(0);
  });

  it('holds only what the form changed, null for a cleared date', () => {
    const form = { ...enterpriseForm(enterprise), employeeCount: 620, unionFoundedOn: null };
    expect(changedFields(enterprise, enterpriseInput(form))).toEqual({
      employeeCount: 620,
      unionFoundedOn: null,
    });
  });
});
