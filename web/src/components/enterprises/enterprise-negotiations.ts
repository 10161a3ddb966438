import type { Negotiation, Stage } from '../../api/negotiations';

/** The stages that end a round without an agreement in force (types only: api/ needs a browser). */
const ENDED: readonly Stage[] = ['expired', 'terminated', 'abandoned'];

/** An enterprise's rounds as its page shows them: under way, agreements in force, and the past. */
export interface NegotiationGroups {
  open: Negotiation[];
  inForce: Negotiation[];
  past: Negotiation[];
}

const newestFirst = (a: Negotiation, b: Negotiation) => b.createdOn.localeCompare(a.createdOn) || b.id - a.id;

/** The agreement that ends last first: the one a renewal is due for next. */
const expiringLast = (a: Negotiation, b: Negotiation) =>
  (b.agreement?.expiresOn ?? '').localeCompare(a.agreement?.expiresOn ?? '') || b.id - a.id;

/** Open rounds (before in force) newest first; in force by expiry; ended ones (expired, terminated, abandoned) newest first. */
export function groupNegotiations(negotiations: readonly Negotiation[]): NegotiationGroups {
  const inForce = negotiations.filter((round) => round.stage === 'in_force');
  const past = negotiations.filter((round) => ENDED.includes(round.stage));
  const open = negotiations.filter((round) => round.stage !== 'in_force' && !ENDED.includes(round.stage));
  return {
    open: open.sort(newestFirst),
    inForce: inForce.sort(expiringLast),
    past: past.sort(newestFirst),
  };
}
