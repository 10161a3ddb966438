import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../api/enterprises';
import { unsavedEdits } from './unsaved-edits';

const current: Enterprise = {
  id: 1,
  name: '万安镇兴旺水泥有限公司',
  creditCode: '913607310001000017',
  ownershipType: 'private',
  sector: 'non_public',
  township: '万安镇',
  orgUnitId: 3,
  community: null,
  industry: 'C',
  employeeCount: 650,
  unionFoundedOn: null,
  instructorId: 4,
  registeredOn: '2021-04-09',
  closedOn: null,
  memberCount: null,
  workersCongressOn: null,
  version: 3,
};

describe('unsavedEdits', () => {
  it('keeps what the user typed and the record does not hold, beside the current value', () => {
    expect(unsavedEdits({ employeeCount: 700, community: '家和社区' }, current)).toEqual([
      { field: 'employeeCount', mine: 700, current: 650 },
      { field: 'community', mine: '家和社区', current: null },
    ]);
  });

  it('drops an edit the other person saved too: nothing of it would be lost', () => {
    expect(unsavedEdits({ employeeCount: 650, closedOn: null }, current)).toEqual([]);
  });
});
