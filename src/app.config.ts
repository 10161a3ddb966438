import { authConfig, loadAuthConfig } from './auth/auth.config';
import { businessTimeConfig, loadBusinessTimeConfig } from './common/clock/business-time.config';
import { campaignsConfig, loadCampaignsConfig } from './campaigns/campaigns.config';
import { documentsConfig, loadDocumentsConfig } from './documents/documents.config';
import { loadSchedulerConfig, schedulerConfig } from './common/scheduler/scheduler.config';
import { importsConfig, loadImportsConfig } from './imports/imports.config';
import { loadNegotiationsConfig, negotiationsConfig } from './negotiations/negotiations.config';
import { loadOrgUnitsConfig, orgUnitsConfig } from './org-units/org-units.config';
import { loadMailConfig, mailConfig } from './reminders/mail.config';
import { loadReportsConfig, reportsConfig } from './reports/reports.config';
import { loadServerConfig, serverConfig } from './server.config';
import { loadUsersConfig, usersConfig } from './users/users.config';

/**
 * Every config slice of the app, each owned by the code that reads it (docs/architecture.md,
 * "Configuration"). Listed here, at the composition root, so that start-up can check them all
 * at once; in the order they are checked (the first bad variable is the one named).
 */
const LOADERS = {
  server: loadServerConfig,
  businessTime: loadBusinessTimeConfig,
  auth: loadAuthConfig,
  users: loadUsersConfig,
  orgUnits: loadOrgUnitsConfig,
  negotiations: loadNegotiationsConfig,
  scheduler: loadSchedulerConfig,
  reports: loadReportsConfig,
  mail: loadMailConfig,
  imports: loadImportsConfig,
  documents: loadDocumentsConfig,
  campaigns: loadCampaignsConfig,
};

export type AllConfig = { [Slice in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[Slice]> };

/** The Nest registration (`registerAs`) of each slice: its injection token is `.KEY`. */
export const CONFIG_SLICES = {
  server: serverConfig,
  businessTime: businessTimeConfig,
  auth: authConfig,
  users: usersConfig,
  orgUnits: orgUnitsConfig,
  negotiations: negotiationsConfig,
  scheduler: schedulerConfig,
  reports: reportsConfig,
  mail: mailConfig,
  imports: importsConfig,
  documents: documentsConfig,
  campaigns: campaignsConfig,
} satisfies { [Slice in keyof AllConfig]: { KEY: string | symbol; (): AllConfig[Slice] } };

/**
 * Reads and validates every variable of every slice before anything starts (main.ts, the CLI),
 * so that a bad value stops the process with one line naming it (a `ConfigError`).
 * The modules read their slices again when Nest builds them, from the same environment.
 */
export function loadAllConfig(env: NodeJS.ProcessEnv = process.env): AllConfig {
  const all: Partial<Record<keyof AllConfig, unknown>> = {};
  for (const [slice, load] of Object.entries(LOADERS)) all[slice as keyof AllConfig] = load(env);
  return all as AllConfig;
}
