import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
    child = start({ PORT: String(port), DATABASE_URL: `sqlite:${join(directory, 'app.sqlite')}` });
    const health = await waitForHealth(`http://127.0.0.1:${port}/health`, child, 15_000);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(output).toContain(`listening on http://`);
    expect(output).toContain(`:${port}, database sqlite:${join(directory, 'app.sqlite')}`);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
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
