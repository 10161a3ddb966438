import { createServer, type Server, type Socket, connect } from 'node:net';
import request from 'supertest';
import { anEnterprise } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { isServerDatabase, testDatabaseConfig } from './support/test-database';
import { aSignedInUser, type SignedInUser } from './support/users';

/**
 * A database server that goes away under a running app (a node killed, a network cut), made here
 * with a TCP relay between the app and MySQL/MariaDB that the test cuts and restores. The app
 * answers 503 with Retry-After while it cannot reach the database, never 500, writes nothing
 * half, and serves again once the database is back. SQLite has no server to lose (health.e2e-spec.ts
 * closes its database instead).
 */
const onServerDatabase = isServerDatabase() ? describe : describe.skip;

class Relay {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private server!: Server;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.cut) return client.destroy();
      const upstream = connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Drops every connection and refuses new ones, as a dead server's host would. */
  cutOff(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.cutOff();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

onServerDatabase('a MySQL/MariaDB server lost under a running app (e2e)', () => {
  let sut: TestApp;
  let relay: Relay;
  let admin: SignedInUser;

  beforeAll(async () => {
    const config = testDatabaseConfig();
    if (config.kind === 'sqlite') throw new Error('a server database is needed');
    relay = new Relay(config.host, config.port);
    await relay.start();
    const database = {
      ...config,
      host: '127.0.0.1',
      port: relay.port,
      url: config.url.replace(/@[^/]+\//, `@127.0.0.1:${relay.port}/`),
    };
    sut = await createTestApp({ server: { database } });
    admin = await aSignedInUser(sut, 'admin');
  }, 60_000);
  afterAll(async () => {
    relay.restore();
    await sut.close();
    await relay.stop();
  });

  it('answers 503 with Retry-After while the database is unreachable, writes nothing half, and serves again after', async () => {
    const before = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);

    relay.cutOff();
    const read = await request(sut.http).get('/api/v1/enterprises').set(admin.auth);
    expect(read.status).toBe(503);
    expect(read.headers['retry-after']).toBe('5');
    expect(read.body.code).toBe('DATABASE.UNAVAILABLE');
    const enterprise = anEnterprise({ name: '断线时登记的企业' });
    const write = await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(enterprise);
    expect(write.status).toBe(503);
    const ready = await request(sut.http).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    await request(sut.http).get('/health/live').expect(200);

    relay.restore();
    await waitFor(async () => (await request(sut.http).get('/health/ready')).status === 200);
    const after = await request(sut.http).get('/api/v1/enterprises').set(admin.auth).expect(200);
    expect(after.body.total).toBe(before.body.total); // the refused write left nothing
    await request(sut.http).post('/api/v1/enterprises').set(admin.auth).send(enterprise).expect(201);
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
