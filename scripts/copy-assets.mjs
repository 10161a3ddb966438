// Files the compiled app reads at run time that tsc does not emit: the e-mail templates.
import { cpSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
cpSync(`${root}src/reminders/templates`, `${root}dist/src/reminders/templates`, { recursive: true });
