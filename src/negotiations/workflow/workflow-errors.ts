/**
 * Errors for programming or data faults, never for a user's event (applyEvent answers
 * those with `{ ok: false }`): a corrupt or foreign snapshot, a snapshot from a newer
 * machine, a rule set that does not match the negotiation, a replay that no longer fits.
 */
export class WorkflowError extends Error {
  constructor(
    readonly code:
      | 'WORKFLOW.BAD_SNAPSHOT'
      | 'WORKFLOW.UNKNOWN_VERSION'
      | 'WORKFLOW.RULE_SET_MISMATCH'
      | 'WORKFLOW.BAD_INPUT'
      | 'WORKFLOW.REPLAY_REJECTED',
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}
