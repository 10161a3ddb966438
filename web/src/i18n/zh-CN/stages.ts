import { STAGE_LABELS_ZH } from '@wagetrack/shared';

/** The stages of a negotiation round, shared by the negotiation screens and the reports (packages/shared). */
export default { ...STAGE_LABELS_ZH };
