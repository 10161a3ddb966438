import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, exitCode, freePort, root, startApp, waitForHealth } from '../support/processes';

/**
 * Starts the built app as a separate process, the way the README's `npm start` does, on a
 * temporary SQLite file, and reads /health over real HTTP. In the `process` project, which
 * `npm test` runs and `test:mysql` does not (the MySQL tier covers the same code in-process).
 */
describe('the built app as a process', () => {
  let directory: string;
  let child: ChildProcess | undefined;
  let collected = () => '';

  beforeAll(() => {
    buildIfNeeded();
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-start-'));
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): ChildProcess {
    const started = startApp(env, directory);
    collected = started.output;
    return started.child;
  }

  it('migrates a new SQLite file, answers /health, logs where it listens, and stops on SIGTERM', async () => {
    const port = await freePort();
    child = start({
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(directory, 'app.sqlite')}`,
      BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap-secret-42',
    });
    const health = await waitForHealth(`http://127.0.0.1:${port}/health`, child, 15_000);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(collected()).toContain(`listening on http://`);
    expect(collected()).toContain(`:${port}, database sqlite:${join(directory, 'app.sqlite')}`);

    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bootstrap-secret-42' }),
    });
    expect(login.status).toBe(200);
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
      headers: { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` },
    });
    expect(await me.json()).toMatchObject({ username: 'admin', role: 'admin' });

    // A request still uploading its body when the signal comes must get its answer.
    const inFlight = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
    });
    const answered = new Promise<number | undefined>((resolve, reject) => {
      inFlight.on('response', (res) => resolve(res.statusCode)).on('error', reject);
    });
    inFlight.write('{"username": "admin", ');
    await new Promise((r) => setTimeout(r, 200));

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    inFlight.end('"password": "not the password"}');
    expect(await answered).toBe(401);
    expect(await exited).toBe(0);
    expect(collected()).toContain('SIGTERM received: finishing in-flight requests');
    expect(collected()).toContain('"msg":"stopped"');
    // Passwords and tokens never reach the log.
    expect(collected()).toContain('"url":"/api/v1/auth/login"');
    // One access line per request: the request, its address and the answer's status.
    const meLine = collected()
      .split('\n')
      .find((line) => line.includes('"url":"/api/v1/me"') && line.includes('"res"'));
    expect(JSON.parse(meLine ?? '{}')).toMatchObject({
      req: { method: 'GET', url: '/api/v1/me', ip: '127.0.0.1' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    expect(meLine).not.toContain('headers');
    expect(collected()).not.toContain('bootstrap-secret-42');
    expect(collected()).not.toContain('not the password');
    expect(collected()).not.toMatch(/Bearer ey/);
  });

  it('starts in a fresh folder with nothing configured but PORT, and prints the admin password on its own', async () => {
    // The README's first command on a fresh clone: no ./data folder, no variables.
    const fresh = mkdtempSync(join(tmpdir(), 'wagetrack-fresh-'));
    try {
      const port = await freePort();
      const started = startApp({ PORT: String(port) }, fresh);
      child = started.child;
      const health = await waitForHealth(`http://127.0.0.1:${port}/health`, child, 20_000);
      expect(health.status).toBe(200);
      const password = /^ {4}password: (\S+)$/m.exec(started.output())?.[1];
      expect(password).toBeDefined();
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      expect(existsSync(join(fresh, 'data', 'wagetrack.sqlite'))).toBe(true);
      // The password is on the console once, never inside a JSON log line.
      const jsonLines = started
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(jsonLines.some((line) => line.includes(password!))).toBe(false);
      child.kill('SIGKILL');
      await exitCode(child);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('signs tokens with a secret of each database file: a token of one is refused by the other', async () => {
    // The demo (data/demo.sqlite) sits beside the real database and publishes its admin password.
    const [demoPort, realPort] = [await freePort(), await freePort()];
    const env = { BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap-secret-42' };
    const demo = startApp(
      { ...env, PORT: String(demoPort), DATABASE_URL: `sqlite:${join(directory, 'demo.sqlite')}` },
      directory,
    );
    const real = startApp(
      { ...env, PORT: String(realPort), DATABASE_URL: `sqlite:${join(directory, 'real.sqlite')}` },
      directory,
    );
    try {
      await waitForHealth(`http://127.0.0.1:${demoPort}/health`, demo.child, 20_000);
      await waitForHealth(`http://127.0.0.1:${realPort}/health`, real.child, 20_000);
      const login = await fetch(`http://127.0.0.1:${demoPort}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'bootstrap-secret-42' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const meOn = (port: number) =>
        fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect((await meOn(demoPort)).status).toBe(200);
      expect((await meOn(realPort)).status).toBe(401);
    } finally {
      demo.child.kill('SIGKILL');
      real.child.kill('SIGKILL');
      await Promise.all([exitCode(demo.child), exitCode(real.child)]);
    }
  });

  it.each([
    [{ PORT: 'eighty' }, /^wagetrack: configuration error: PORT: "eighty" is not a port number/],
    [
      { DATABASE_URL: 'sqlite:/no/such/dir/x.sqlite' },
      /^wagetrack: configuration error: DATABASE_URL: directory \/no\/such\/dir does not exist/,
    ],
    [
      { WORKERS: '2' },
      /^wagetrack: configuration error: WORKERS: must be 1 with SQLite \(one writer per file\)/,
    ],
    [
      { DATABASE_URL: 'postgres://u:p@h/db' },
      /^wagetrack: configuration error: DATABASE_URL: unsupported URL/,
    ],
  ])('refuses to start with %o, in one line', async (env, message) => {
    const proc = start(env);
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(1);
    expect(collected().trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('masks the password of a server URL in its messages', async () => {
    const proc = start({ DATABASE_URL: 'mysql://wage:s3cret@127.0.0.1:1' });
    await new Promise((resolve) => proc.once('exit', resolve));
    expect(collected()).toContain('URL must name one database');
    expect(collected()).not.toContain('s3cret');
  });

  it('with MIGRATE_ON_START=off, refuses in one line a database not yet migrated, and starts once `migration:run` has run', async () => {
    const database = `sqlite:${join(directory, 'several-hosts.sqlite')}`;
    const env = { DATABASE_URL: database, JWT_SECRET: 'a-test-secret-that-is-long-enough-for-the-check' };
    const refused = start({ ...env, MIGRATE_ON_START: 'off' });
    expect(await exitCode(refused)).toBe(1);
    expect(collected().trim().split('\n')).toEqual([
      'wagetrack: configuration error: MIGRATE_ON_START: is off and this database has migrations pending: run `npm run migration:run` on it first',
    ]);

    execFileSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'migrate.js'), 'run'], {
      cwd: directory,
      env: { PATH: process.env.PATH, ...env },
      stdio: 'pipe',
    });
    const port = await freePort();
    child = start({ ...env, MIGRATE_ON_START: 'off', PORT: String(port) });
    const ready = await waitForHealth(`http://127.0.0.1:${port}/health/ready`, child, 15_000);
    expect(ready.status).toBe(200);
    child.kill('SIGTERM');
    await exitCode(child);
  });
});
