/**
 * Bad report parameters (a malformed date, month range, target, enum value). The HTTP layer
 * maps it to 400 with `code`; the message says what was wrong and what is accepted.
 */
export class RatesInputError extends Error {
  readonly code = 'REPORTS.BAD_INPUT';

  constructor(
    message: string,
    /** The parameter at fault, as named in docs/contract.md (`asOf`, `from`, `targets.state`, ...). */
    readonly field: string,
  ) {
    super(message);
    this.name = 'RatesInputError';
  }
}
