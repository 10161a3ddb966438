import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the built app as a separate process, the way the README's `npm start` does, on a
 * temporary SQLite file, and reads /health over real HTTP. In the `process` project, which
 * `npm test` runs and `test:mysql` does not (the MySQL tier covers the same code in-process).
 */
const root = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

describe('the built app as a process', () => {
  let directory: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
    directory = mkdtempSync(join(tmpdir(), 'wagetrack-start-'));
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): ChildProcess {
    output = '';
    const proc = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      cwd: directory,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
    });
    proc.stdout?.on('data', (chunk) => (output += chunk));
    proc.stderr?.on('data', (chunk) => (output += chunk));
    return proc;
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
    expect(output).toContain(`listening on http://`);
    expect(output).toContain(`:${port}, database sqlite:${join(directory, 'app.sqlite')}`);

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
    expect(output).toContain('SIGTERM received: finishing in-flight requests');
    expect(output).toContain('"msg":"stopped"');
    // Passwords and tokens never reach the log.
    expect(output).toContain('"url":"/api/v1/auth/login"');
    expect(output).not.toContain('bootstrap-secret-42');
    expect(output).not.toContain('not the password');
    expect(output).not.toMatch(/Bearer ey/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^wagetrack: configuration error: PORT: "eighty" is not a port number/],
    [
      { DATABASE_URL: 'sqlite:/no/such/dir/x.sqlite' },
      /^wagetrack: configuration error: DATABASE_URL: directory \/no\/such\/dir does not exist/,
    ],
    [
      { DATABASE_URL: 'postgres://u:p@h/db' },
      /^wagetrack: configuration error: DATABASE_URL: unsupported URL/,
    ],
  ])('refuses to start with %o, in one line', async (env, message) => {
    const proc = start(env);
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('masks the password of a server URL in its messages', async () => {
    const proc = start({ DATABASE_URL: 'mysql://wage:s3cret@127.0.0.1:1' });
    await new Promise((resolve) => proc.once('exit', resolve));
    expect(output).toContain('URL must name one database');
    expect(output).not.toContain('s3cret');
  });
});
