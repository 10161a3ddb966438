import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { NegotiationWriter } from './negotiation-writer';
import { NegotiationsRepository } from './negotiations.repository';
import { migratePersistedWorkflow, replay, WorkflowError } from './workflow';

export interface VerifyReport {
  checked: number;
  mismatches: { negotiationId: number; problem: string }[];
}

const PAGE = 500;

/**
 * Architecture invariant 2: the event log is the truth and the snapshot a cache of it.
 * Replays each negotiation's events through the machine and compares with what is stored.
 */
@Injectable()
export class WorkflowVerifier {
  constructor(
    private readonly negotiations: NegotiationsRepository,
    private readonly writer: NegotiationWriter,
  ) {}

  async verifyAll(): Promise<VerifyReport> {
    const report: VerifyReport = { checked: 0, mismatches: [] };
    for (let page = 1; ; page++) {
      const [rows] = await this.negotiations.findPage({}, page, PAGE);
      for (const row of rows) {
        report.checked += 1;
        const problem = await this.verifyOne(row.id);
        if (problem) report.mismatches.push({ negotiationId: row.id, problem });
      }
      if (rows.length < PAGE) return report;
    }
  }

  /** null when the replayed log gives the stored snapshot; otherwise what differs. */
  async verifyOne(id: number): Promise<string | null> {
    const row = await this.negotiations.findById(id);
    if (!row) return 'not found';
    const events = await this.negotiations.events(id);
    const gap = events.findIndex((event, index) => event.seq !== index + 1);
    if (gap >= 0) return `event log has a gap: expected seq ${gap + 1}, found ${events[gap].seq}`;
    if (events.length !== row.version) return `version ${row.version} but ${events.length} events`;
    try {
      const replayed = replay(
        events.map((event) => ({ type: event.type, occurredOn: event.occurredOn, ...event.payload })),
        {
          ruleSet: this.writer.ruleSetOf(row),
          createdWith: { agreementKind: row.agreementKind, scope: row.scope, createdOn: row.createdOn },
        },
      );
      const stored = migratePersistedWorkflow(this.writer.persistedOf(row));
      // Compared as stored: through JSON, where undefined fields do not exist.
      if (!isDeepStrictEqual(asJson(replayed.snapshot), asJson(stored.snapshot))) {
        return `stored snapshot (${row.state}) differs from the replayed log (${JSON.stringify(replayed.snapshot.value)})`;
      }
      return null;
    } catch (error) {
      if (error instanceof WorkflowError) return error.message;
      throw error;
    }
  }
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
