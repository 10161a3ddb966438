import type { EntityManager } from 'typeorm';

/**
 * What the writers of enterprises, units and agreements tell the report aggregates
 * (docs/architecture.md, "Report aggregates"), inside their own transactions. Declared here, on
 * the ground floor, so that those features need not import the reports, which import them; the
 * reports' aggregates implement it (src/reports/aggregates/coverage-ledger.ts), and the
 * composition root wires the one to the other.
 */
export abstract class ReportAggregates {
  /** These enterprises' rows (or the agreements that list them) were written. */
  abstract refresh(manager: EntityManager, enterpriseIds: Iterable<number>): Promise<void>;
  /** A township unit's name, copied on its enterprises, changed. */
  abstract refreshUnit(manager: EntityManager, unitId: number): Promise<void>;
  /** An agreement of this negotiation was written: its enterprises are counted anew. */
  abstract refreshNegotiation(manager: EntityManager, negotiationId: number): Promise<void>;
}
