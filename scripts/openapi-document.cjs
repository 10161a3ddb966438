// Writes the API's OpenAPI document (the one served at /api/docs-json) to the file named by the
// first argument, from the TypeScript sources: no build, no running server, no database. Nest
// runs in preview mode (modules and routes are scanned, no provider is created, so nothing
// connects). Run by scripts/api-types.mjs with `--conditions=@wagetrack/source`, so the shared
// package comes from its sources too.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..');
const swcOptions = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));

// TypeScript through SWC, as Jest runs it (decorator metadata included: Swagger reads it).
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swcOptions,
    filename,
    sourceMaps: false,
    swcrc: false,
  });
  module._compile(code, filename);
};

async function main() {
  const output = process.argv[2];
  if (!output) throw new Error('usage: openapi-document.cjs <output.json>');
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(root, 'src', 'app.module.ts'));
  const { openApiDocument } = require(join(root, 'src', 'app.setup.ts'));
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  writeFileSync(output, JSON.stringify(openApiDocument(app), null, 2));
  await app.close();
}

main().catch((error) => {
  console.error(`openapi-document: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
