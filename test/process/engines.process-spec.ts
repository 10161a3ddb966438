import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { intersects, minVersion, satisfies } from 'semver';
import { root } from '../support/processes';

interface LockedPackage {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

/**
 * Packages that declare a newer Node than ours and still run on it, each with the reason. Anything
 * else that the app runs and declares a Node it does not support is a finding: pin a version
 * that supports ours (package.json `overrides`) or raise `engines` and say so in the README.
 */
const DECLARED_NEWER_BUT_RUN_HERE: Record<string, string> = {
  // Loads the ESM-only @nestjs packages with require(), which Node does by default since 20.19.
  'nestjs-pino': 'require(esm), default since Node 20.19',
  // Bundled by Vite into the browser's code: Node never runs them.
  'vue-i18n': 'browser bundle',
  '@intlify/core-base': 'browser bundle',
  '@intlify/devtools-types': 'browser bundle (types)',
  '@intlify/message-compiler': 'browser bundle',
  '@intlify/shared': 'browser bundle',
  '@vueuse/core': 'browser bundle',
  '@vueuse/metadata': 'browser bundle',
  '@vueuse/shared': 'browser bundle',
  // vue-router 5 ships a Vite plugin for file-based routes, with these dependencies; the app
  // declares its routes itself (web/src/router) and never loads that plugin.
  'ast-walker-scope': 'unused vue-router plugin',
  'ast-kit': 'unused vue-router plugin',
  '@babel/helper-string-parser': 'unused vue-router plugin',
  '@babel/helper-validator-identifier': 'unused vue-router plugin',
  '@babel/parser': 'unused vue-router plugin',
  '@babel/types': 'unused vue-router plugin',
  chokidar: 'unused vue-router plugin',
};

describe('the Node version', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const oldestNode = minVersion(manifest.engines.node)!.version;

  it('declares one that the Node running the tests satisfies', () => {
    expect(satisfies(process.versions.node, manifest.engines.node)).toBe(true);
  });

  it(`is supported (from ${oldestNode}) by every package the app runs, but the ones explained`, () => {
    const unsupported = Object.entries(lock.packages)
      .filter(([path, locked]) => path.includes('node_modules/') && !locked.dev)
      .flatMap(([path, locked]) => {
        const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
        const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
        if (!range || name in DECLARED_NEWER_BUT_RUN_HERE) return [];
        return satisfies(oldestNode, range) || !intersects(range, '>=0.0.0')
          ? []
          : [`${name}@${locked.version} (${range})`];
      });
    expect(unsupported).toEqual([]);
  });
});
