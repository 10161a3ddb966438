import type { Role } from './roles';

/** Who is making a request: the authenticated user, as the services need to know them. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** Client address, for the audit trail. */
  ip: string | null;
  /** The user's organisation unit; null: the whole deployment. */
  orgUnitId: number | null;
  /**
   * The units the user governs: their unit and everything below it (docs/architecture.md,
   * Access); null: the whole deployment (no unit, or the only root unit).
   */
  governedUnitIds: readonly number[] | null;
}

/** For writes made by the system itself (start-up, scheduler, CLI). */
export const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  role: 'admin',
  ip: null,
  orgUnitId: null,
  governedUnitIds: null,
};

export function isSystem(actor: Actor): boolean {
  return actor.id === SYSTEM_ACTOR.id;
}
