import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** `npm run cli -- users:create …` as an operator runs it, on a temporary SQLite file. */
const root = join(__dirname, '..', '..');

describe('npm run cli -- users:create', () => {
  let directory: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-cli-'));
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], {
      cwd: directory,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${join(directory, 'cli.sqlite')}`, ...env },
    });

  it('creates a user with a hashed password from WAGETRACK_PASSWORD', () => {
    const result = cli(
      ['users:create', '-u', 'wang.li', '-n', '王丽', '-r', 'instructor', '-e', 'wang@example.cn'],
      {
        WAGETRACK_PASSWORD: 'from the environment',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^created instructor wang\.li \(id \d+\)$/m);
    expect(result.status).toBe(0);
    const db = new Database(join(directory, 'cli.sqlite'), { readonly: true });
    const row = db
      .prepare('SELECT role, email, password_hash FROM users WHERE username = ?')
      .get('wang.li') as {
      role: string;
      email: string;
      password_hash: string;
    };
    db.close();
    expect(row).toMatchObject({ role: 'instructor', email: 'wang@example.cn' });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('generates and prints a password when none is given', () => {
    const result = cli(['users:create', '-u', 'li.ming', '-n', '李明', '-r', 'supervisor']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^password: \S{16} /m);
  });

  it('refuses bad values and a taken username with exit code 1 and the reasons', () => {
    const bad = cli(['users:create', '-u', 'X Y', '-n', '名', '-r', 'boss', '-p', 'short']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('username must be 3 to 32 of a-z');
    expect(bad.stderr).toContain('role must be one of admin, supervisor, instructor');
    expect(bad.stderr).toContain('password must be at least 10 characters');
    const taken = cli(['users:create', '-u', 'wang.li', '-n', '王丽', '-r', 'instructor']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('the username wang.li is taken');
  });

  it('verifies the stored workflow snapshots against their logs (workflow:verify)', () => {
    const result = cli(['workflow:verify']);
    expect(result.stdout).toContain('verified 0 negotiation(s): 0 mismatch(es)');
    expect(result.status).toBe(0);
  });

  it('imports a roster file with import:enterprises, reporting bad rows and exiting 1 when there are any', () => {
    const file = join(directory, 'roster.csv');
    writeFileSync(
      file,
      '企业名称,统一社会信用代码,所有制类型,乡镇/街道,行业门类,职工人数\n金山纸厂,91350100M000100Y43,私营企业,金山镇,C,12\n坏企业,91350100M000100Y44,私营企业,金山镇,C,12\n',
    );
    const dry = cli(['import:enterprises', file, '--dry-run']);
    expect(dry.stdout).toContain('created 1, updated 0, unchanged 0, bad rows 1 (nothing written)');
    expect(dry.stdout).toContain('row 3, 统一社会信用代码 "91350100M000100Y44": creditCode check character');
    expect(dry.status).toBe(1);
    const real = cli(['import:enterprises', file]);
    expect(real.stdout).toContain('created 1, updated 0, unchanged 0, bad rows 1\n');
    const again = cli(['import:enterprises', file]);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 1, bad rows 1');
    const missing = cli(['import:enterprises', join(directory, 'nope.xlsx')]);
    expect(missing.stderr).toMatch(/cannot read/);
    expect(missing.status).toBe(1);
  });

  it('imports a list of units with import:org-units, parents after their children or not', () => {
    const file = join(directory, 'units.csv');
    writeFileSync(
      file,
      '区划代码,名称,上级区划代码\n510104,锦江区,510100\n510100,成都市,510000\n510000,四川省,\n510105,青羊区,519900\n',
    );
    const dry = cli(['import:org-units', file, '--dry-run']);
    expect(dry.stdout).toContain('created 3, updated 0, unchanged 0, bad rows 1 (nothing written)');
    expect(dry.stdout).toContain('row 5, 上级区划代码 "519900000000": no unit has the code 519900000000');
    expect(dry.status).toBe(1);
    expect(cli(['import:org-units', file]).stdout).toContain(
      'created 3, updated 0, unchanged 0, bad rows 1\n',
    );
    expect(cli(['import:org-units', file]).stdout).toContain('created 0, updated 0, unchanged 3, bad rows 1');
  });

  it('lists its commands with --help', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('users:create');
    expect(result.stdout).toContain('workflow:verify');
    expect(result.stdout).toContain('reports:verify');
    expect(result.stdout).toContain('reports:rebuild');
  });
});

describe('npm run cli -- demo:load', () => {
  let directory: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-demo-'));
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], {
      cwd: directory,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${join(directory, 'demo.sqlite')}` },
    });

  it('loads the demo city once, through the workflow, and prints the demo users with what each sees', () => {
    const first = cli(['demo:load']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/demo city 江川市 loaded: 3 counties, 480 enterprises, \d{3} negotiations/);
    expect(first.stdout).toContain('demo.supervisor / demo-supervisor-2026  (supervisor, 金山县 only)');
    expect(first.stdout).toContain(
      'demo.city.supervisor / demo-supervisor-2026  (supervisor, 江川市: its three counties)',
    );
    expect(first.stdout).toContain('demo.yunling.admin / demo-admin-2026  (admin, 云岭县 only)');

    const second = cli(['demo:load']);
    expect(second.stdout).toContain('demo city already loaded: nothing to do');

    const dryRun = cli(['reminders:run', '--dry-run']);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toMatch(
      /instructor_digest \d{4}-\d\d-\d\d → instructor1@demo\.example\.cn: 【协商提醒】\d+ 项逾期/,
    );
    // One weekly summary per supervisor, of their own unit, naming it.
    expect(dryRun.stdout).toMatch(/supervisor_summary .* → supervisor@demo\.example\.cn: 【周报·金山县】/);
    expect(dryRun.stdout).toMatch(
      /supervisor_summary .* → yunling-supervisor@demo\.example\.cn: 【周报·云岭县】/,
    );
    expect(dryRun.stdout).toMatch(
      /supervisor_summary .* → city-supervisor@demo\.example\.cn: 【周报·江川市】/,
    );
    expect(dryRun.stdout).toMatch(/dry run: 12 e-mail\(s\) would be queued; nothing was written/);

    // Without SMTP_URL, the embedded default: each e-mail becomes an .eml file, named by its dedupe key.
    const outbox = join(directory, 'outbox');
    const sent = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'reminders:run'], {
      cwd: directory,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(directory, 'demo.sqlite')}`,
        MAIL_OUTBOX_DIR: outbox,
      },
    });
    expect(sent.stdout).toMatch(/queued 12 new e-mail\(s\); delivered 12, failed 0, parked 0/);
    const files = readdirSync(outbox).sort();
    expect(files).toHaveLength(12);
    expect(files[0]).toMatch(/^instructor_digest\.\d+\.\d{4}-\d\d-\d\d\.eml$/);
    const eml = readFileSync(join(outbox, files[0]), 'utf8');
    expect(eml).toContain(`Message-ID: <${files[0].replace(/\.eml$/, '')}@wagetrack.reminders>`);
    expect(eml).toContain('Content-Type: multipart/alternative');

    const verify = cli(['workflow:verify']);
    expect(verify.stdout).toMatch(/verified \d{3} negotiation\(s\): 0 mismatch\(es\)/);
    expect(verify.status).toBe(0);

    // The report aggregates, kept by the demo's writes through the app, equal the base tables;
    // a hand edit past the app is listed (exit 1) until reports:rebuild.
    const aggregates = cli(['reports:verify']);
    expect(aggregates.stdout).toMatch(
      /verified the report aggregates of 480 enterprise\(s\), \d+ cell and day cell row\(s\): 0 difference\(s\)/,
    );
    expect(aggregates.status).toBe(0);
    const edit = new Database(join(directory, 'demo.sqlite'));
    const { id } = edit.prepare('SELECT MIN(id) AS id FROM enterprises').get() as { id: number };
    edit.prepare("UPDATE enterprises SET closed_on = '2021-01-01' WHERE id = ?").run(id);
    edit.close();
    const stale = cli(['reports:verify']);
    expect(stale.stdout).toContain(`enterprise ${id}: the days hold other steps or another place`);
    expect(stale.stdout).toMatch(/: [1-9]\d* difference\(s\)/);
    expect(stale.status).toBe(1);
    const rebuilt = cli(['reports:rebuild']);
    expect(rebuilt.stdout).toMatch(/rebuilt the report aggregates of 480 enterprise\(s\) in \d+\.\d s/);
    expect(rebuilt.status).toBe(0);
    expect(cli(['reports:verify']).stdout).toMatch(/: 0 difference\(s\)/);

    const db = new Database(join(directory, 'demo.sqlite'), { readonly: true });
    const stages = db.prepare('SELECT DISTINCT stage FROM negotiations ORDER BY stage').all() as {
      stage: string;
    }[];
    const scopes = db.prepare('SELECT DISTINCT scope FROM agreements ORDER BY scope').all() as {
      scope: string;
    }[];
    db.close();
    expect(stages.map((s) => s.stage)).toEqual(
      expect.arrayContaining([
        'abandoned',
        'consultation',
        'filing',
        'in_force',
        'invitation',
        'preparation',
        'ratification',
        'signing',
      ]),
    );
    expect(scopes.map((s) => s.scope)).toEqual(['enterprise', 'industry', 'regional']);
    const db2 = new Database(join(directory, 'demo.sqlite'), { readonly: true });
    expect(db2.prepare("SELECT COUNT(*) AS n FROM reminders WHERE status = 'sent'").get()).toEqual({ n: 12 });
    db2.close();
  }, 60_000);
});

describe('npm run cli -- backup', () => {
  let directory: string;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-cli-backup-'));
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], {
      cwd: directory,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(directory, 'app.sqlite')}`,
        WAGETRACK_PASSWORD: 'a-backup-check-password',
      },
    });

  it('backs up the database to a new file (backup), and refuses to overwrite one', () => {
    expect(cli(['users:create', '-u', 'backup.check', '-n', '备份检查', '-r', 'admin']).status).toBe(0);
    const file = join(directory, 'copy.sqlite');
    const result = cli(['backup', file]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^backed up to .*copy\.sqlite \(SQLite online backup, \d+ bytes\)$/m);
    expect(result.status).toBe(0);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare("SELECT display_name FROM users WHERE username = 'backup.check'").get()).toEqual({
      display_name: '备份检查',
    });
    copy.close();
    const again = cli(['backup', file]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(`wagetrack: error: ${file} exists already; choose a new file`);
  });
});
