/** The negotiation's vocabulary as the API speaks it (docs/domain.md, Agreements; docs/workflow.md, Stages). */

/** A day as the API writes it, `YYYY-MM-DD` (calendar days, no time zone). */
export type BusinessDate = string;

export const AGREEMENT_KINDS = ['comprehensive', 'wage', 'women', 'safety'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const SCOPES = ['enterprise', 'regional', 'industry'] as const;
export type Scope = (typeof SCOPES)[number];

/** Top-level states of the machine, the `stage` of the API, in procedure order. */
export const STAGES = [
  'invitation',
  'preparation',
  'consultation',
  'ratification',
  'signing',
  'filing',
  'in_force',
  'expired',
  'terminated',
  'abandoned',
] as const;
export type Stage = (typeof STAGES)[number];

export const FINAL_STAGES: readonly Stage[] = ['expired', 'terminated', 'abandoned'];

/** Stages of a round still being negotiated: before the agreement is in force. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter(
  (stage) => stage !== 'in_force' && !FINAL_STAGES.includes(stage),
);

/** Stages with nothing left to negotiate: an agreement in force or a closed round. */
export const SETTLED_STAGES: readonly Stage[] = ['in_force', ...FINAL_STAGES];

/** The sides of a negotiation; either may send the offer (集体合同规定 art. 32). */
export const SIDES = ['union', 'employer'] as const;
export type Side = (typeof SIDES)[number];

/** The dates a deadline can fall on (the workflow computes them; docs/workflow.md, Deadlines). */
export const DEADLINE_KINDS = [
  'offer_reply',
  'submission_for_review',
  'review_period_end',
  'publication',
  'suspension_resume',
  'renewal_window_opens',
  'expiry',
  'stalled',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
