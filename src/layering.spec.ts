import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The layering check of `npm run lint` (scripts/check-layers.mjs, rules in .dependency-cruiser.cjs)
// must pass on the code as it is and fail on each kind of violation docs/architecture.md forbids.
// It runs on a copy of src/ (and packages/), so the planted files never touch the working tree.

const repository = resolve(__dirname, '..');

function copyOfTheCode(): string {
  const root = mkdtempSync(join(tmpdir(), 'wagetrack-layers-'));
  for (const entry of ['src', 'packages', 'tsconfig.json', 'tsconfig.build.json']) {
    const from = join(repository, entry);
    if (existsSync(from))
      cpSync(from, join(root, entry), { recursive: true, filter: (path) => !path.includes('node_modules') });
  }
  symlinkSync(join(repository, 'node_modules'), join(root, 'node_modules'));
  return root;
}

function checkLayers(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(repository, 'scripts', 'check-layers.mjs'), root], {
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function plant(root: string, path: string, source: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), source);
}

describe('the layering check', () => {
  let root: string;
  beforeAll(() => {
    root = copyOfTheCode();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes on the code as it is', () => {
    const { status, output } = checkLayers(root);
    expect(output).toContain('Layering holds');
    expect(status).toBe(0);
  });

  it('fails, naming each rule and file, on planted violations', () => {
    plant(
      root,
      'src/negotiations/workflow/planted-nest.ts',
      "import { Injectable } from '@nestjs/common';\nexport const planted = Injectable;\n",
    );
    plant(
      root,
      'src/reports/rates/planted-io.ts',
      "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n",
    );
    plant(
      root,
      'src/config/planted-feature.ts',
      "import { NATIONAL_RULE_SET } from '../negotiations/workflow';\nexport const planted = NATIONAL_RULE_SET;\n",
    );
    plant(
      root,
      'src/database/planted-feature.ts',
      "import { User } from '../users/user.entity';\nexport const planted = User;\n",
    );
    plant(
      root,
      'src/access/planted-feature.ts',
      "import { User } from '../users/user.entity';\nexport const planted = User;\n",
    );
    plant(
      root,
      'src/common/planted-feature.ts',
      "import { Reminder } from '../reminders/reminder.entity';\nexport const planted = Reminder;\n",
    );
    plant(
      root,
      'src/users/planted-auth.ts',
      "import { AuthService } from '../auth/auth.service';\nexport const planted = AuthService;\n",
    );
    plant(
      root,
      'packages/shared/src/planted-vue.ts',
      "import { ref } from 'vue';\nexport const planted = ref;\n",
    );
    // Two features importing each other, through different files (no file-level cycle).
    plant(
      root,
      'src/health/planted-a.ts',
      "import { b } from '../reminders/planted-b';\nexport const a = b;\n",
    );
    plant(root, 'src/reminders/planted-b.ts', 'export const b = 1;\n');
    plant(
      root,
      'src/reminders/planted-c.ts',
      "import { d } from '../health/planted-d';\nexport const c = d;\n",
    );
    plant(root, 'src/health/planted-d.ts', 'export const d = 1;\n');

    const { status, output } = checkLayers(root);

    expect(status).toBe(1);
    expect(output).toMatch(
      /pure-core-stays-pure: src\/negotiations\/workflow\/planted-nest\.ts → \S*@nestjs\/common/,
    );
    expect(output).toContain('pure-core-stays-pure: src/reports/rates/planted-io.ts → fs');
    expect(output).toContain(
      'config-imports-no-feature: src/config/planted-feature.ts → src/negotiations/workflow/index.ts',
    );
    expect(output).toContain(
      'database-imports-no-feature: src/database/planted-feature.ts → src/users/user.entity.ts',
    );
    expect(output).toMatch(
      /no-feature-folder-cycles: (health → reminders → health|reminders → health → reminders)/,
    );
  });
});
