import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Claiming work (due timers, the reminder outbox) with lease rows: a claim is an UPDATE that sets
 * `lease_owner` and `lease_until` on rows whose lease is free or has run out, and the rows whose
 * `lease_owner` then holds the claim's token are the claimer's. Correctness rests on that single
 * UPDATE of each row, not on a lock: row locks (`FOR UPDATE SKIP LOCKED`, `GET_LOCK`) are local to
 * a node on a Galera cluster, and TiDB accepts `SKIP LOCKED` without locking. Two instances that
 * race for a row: the database applies one UPDATE first (on a cluster, the other's is
 * re-run by the node against the winner's row, or fails with 1213 and the write path retries it),
 * and the second finds the lease taken and changes nothing. A claimer that dies leaves its lease
 * to run out; the next claim takes the row.
 */

/** This process, as leases name it: host, pid and a random part (a restarted process is another). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

let claims = 0;

/** A token for one claim: this instance, and which of its claims. */
export function claimToken(): string {
  claims += 1;
  return `${INSTANCE_ID}#${claims}`;
}
