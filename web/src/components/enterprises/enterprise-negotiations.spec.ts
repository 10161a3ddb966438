import { describe, expect, it } from 'vitest';
import type { Agreement, Negotiation, Stage } from '../../api/negotiations';
import { groupNegotiations } from './enterprise-negotiations';

function round(id: number, stage: Stage, createdOn: string, expiresOn?: string): Negotiation {
  return {
    id,
    stage,
    createdOn,
    agreement: expiresOn ? ({ expiresOn } as Agreement) : null,
  } as Negotiation;
}

describe('groupNegotiations', () => {
  it('puts rounds under way first, newest first; agreements in force by expiry; ended ones newest first', () => {
    const groups = groupNegotiations([
      round(1, 'expired', '2020-01-05', '2023-01-04'),
      round(2, 'in_force', '2024-03-01', '2027-02-28'),
      round(3, 'consultation', '2026-01-10'),
      round(4, 'abandoned', '2025-06-01'),
      round(5, 'invitation', '2026-02-01'),
      round(6, 'in_force', '2025-01-01', '2026-12-31'),
      round(7, 'terminated', '2022-05-01', '2025-04-30'),
      round(8, 'filing', '2026-02-01'),
    ]);
    expect(groups.open.map((r) => r.id)).toEqual([8, 5, 3]);
    expect(groups.inForce.map((r) => r.id)).toEqual([2, 6]);
    expect(groups.past.map((r) => r.id)).toEqual([4, 7, 1]);
  });

  it('gives three empty groups for an enterprise without rounds', () => {
    expect(groupNegotiations([])).toEqual({ open: [], inForce: [], past: [] });
  });
});
