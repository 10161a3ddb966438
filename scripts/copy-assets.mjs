// Files the compiled app reads at run time that tsc does not emit: the e-mail templates, and the
// built-in Word templates (templates/documents/ → dist/templates/documents/, found two levels up
// from dist/src/documents/ as from src/documents/).
import { cpSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
cpSync(`${root}src/reminders/templates`, `${root}dist/src/reminders/templates`, { recursive: true });
cpSync(`${root}templates/documents`, `${root}dist/templates/documents`, { recursive: true });
