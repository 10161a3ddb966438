import { rmSync } from 'node:fs';
import { exitCode } from '../../support/processes';

export default async function globalTeardown(): Promise<void> {
  const app = globalThis.browserTestApp;
  if (!app) return;
  app.child.kill('SIGTERM');
  await exitCode(app.child);
  rmSync(app.directory, { recursive: true, force: true });
}
