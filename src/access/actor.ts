import type { Role } from './roles';

/** Who is making a request: the authenticated user, as the services need to know them. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** Client address, for the audit trail. */
  ip: string | null;
}

/** For writes made by the system itself (start-up, scheduler, CLI). */
export const SYSTEM_ACTOR: Actor = { id: 0, username: 'system', role: 'admin', ip: null };

export function isSystem(actor: Actor): boolean {
  return actor.id === SYSTEM_ACTOR.id;
}
