import { registerAs } from '@nestjs/config';
import { parseMegabytes } from '../config/env';

export interface ImportsConfig {
  /** Largest upload for the imports (IMPORT_MAX_MB, default 20), in bytes. */
  maxUploadBytes: number;
}

export function loadImportsConfig(env: NodeJS.ProcessEnv): ImportsConfig {
  return { maxUploadBytes: parseMegabytes('IMPORT_MAX_MB', env.IMPORT_MAX_MB, 20) };
}

export const importsConfig = registerAs('imports', () => loadImportsConfig(process.env));
