import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../../support/processes';

/** The Galera library Debian's galera-4 package installs. */
const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

export const CLUSTER_USER = 'wagetrack';
export const CLUSTER_PASSWORD = 'cluster-test-password';
export const CLUSTER_DATABASE = 'wagetrack';

interface Node {
  index: number;
  /** The SQL port apps connect to. */
  port: number;
  /** Galera's replication port (gcomm), and where it receives state transfers (IST, SST). */
  galeraPort: number;
  istPort: number;
  sstPort: number;
  dir: string;
  socket: string;
  config: string;
  process: ChildProcess | null;
}

/**
 * A MariaDB Galera cluster on 127.0.0.1 for the cluster test: its own ports and data folders
 * under the system's temporary folder, `mariadbd` run as the `mysql` user (as root, a node's state
 * transfer fails), the first node bootstrapping the others, which join by state transfer
 * (rsync). The caller must be root (to run the servers as `mysql`). `stop()` always removes
 * everything; a process that exits kills the servers it started.
 */
export class GaleraCluster {
  readonly nodes: Node[] = [];
  private root = '';
  private readonly log: string[] = [];

  /** `galera: false`: plain MariaDB servers with the same settings (a single node to compare with). */
  constructor(
    private readonly size = 3,
    private readonly galera = true,
  ) {}

  /** Starts every node and waits until all are synced (about 10 s here). */
  async start(): Promise<void> {
    if (process.getuid?.() !== 0)
      throw new Error('the cluster test runs as root (it starts mariadbd as mysql)');
    this.root = mkdtempSync(join(tmpdir(), 'wagetrack-galera-'));
    const mysql = { uid: Number(idOf('-u')), gid: Number(idOf('-g')) };
    chownSync(this.root, mysql.uid, mysql.gid);
    process.once('exit', () => this.killAll());
    const ports = await Promise.all(Array.from({ length: this.size * 4 }, () => freePort()));
    for (let index = 1; index <= this.size; index++) {
      const [port, galeraPort, istPort, sstPort] = ports.slice((index - 1) * 4, index * 4);
      const dir = join(this.root, `node${index}`);
      mkdirSync(dir);
      chownSync(dir, mysql.uid, mysql.gid);
      this.nodes.push({
        index,
        port,
        galeraPort,
        istPort,
        sstPort,
        dir,
        socket: join(this.root, `node${index}.sock`),
        config: join(this.root, `node${index}.cnf`),
        process: null,
      });
    }
    const addresses = this.nodes.map((n) => `127.0.0.1:${n.galeraPort}`).join(',');
    for (const node of this.nodes) {
      writeFileSync(
        node.config,
        [
          '[mysqld]',
          `datadir=${node.dir}`,
          `socket=${node.socket}`,
          `port=${node.port}`,
          'bind-address=127.0.0.1',
          `pid-file=${join(this.root, `node${node.index}.pid`)}`,
          `log-error=${join(this.root, `node${node.index}.err`)}`,
          'skip-name-resolve',
          'binlog_format=ROW',
          'default_storage_engine=InnoDB',
          'innodb_autoinc_lock_mode=2',
          'innodb_buffer_pool_size=64M',
          'innodb_log_file_size=16M',
          'max_connections=300',
          ...(this.galera ? this.wsrepSettings(node, addresses) : []),
          '',
        ].join('\n'),
      );
      execFileSync(
        'mariadb-install-db',
        [
          `--defaults-file=${node.config}`,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
          '--wsrep-on=OFF',
        ],
        { ...mysql, cwd: this.root, stdio: 'pipe' },
      );
    }
    this.launch(this.nodes[0], this.galera ? ['--wsrep-new-cluster'] : []);
    await this.waitSynced(this.nodes[0]);
    for (const node of this.nodes.slice(1)) this.launch(node);
    await Promise.all(this.nodes.slice(1).map((node) => this.waitSynced(node)));
    if (this.galera) await this.waitForSize(this.size);
    // A plain CREATE DATABASE: the server's default character set, latin1 (the migrations make
    // every table utf8mb4). Users and databases replicate to every node.
    await this.asRoot(this.nodes[0], [
      `CREATE DATABASE ${CLUSTER_DATABASE}`,
      `CREATE USER '${CLUSTER_USER}'@'127.0.0.1' IDENTIFIED BY '${CLUSTER_PASSWORD}'`,
      `GRANT ALL ON ${CLUSTER_DATABASE}.* TO '${CLUSTER_USER}'@'127.0.0.1'`,
    ]);
  }

  /** A node's Galera settings: its peers, its ports, a dead peer noticed within seconds. */
  private wsrepSettings(node: Node, addresses: string): string[] {
    return [
      'wsrep_on=ON',
      `wsrep_provider=${PROVIDER}`,
      'wsrep_cluster_name=wagetrack_test',
      `wsrep_cluster_address=gcomm://${addresses}`,
      `wsrep_node_address=127.0.0.1:${node.galeraPort}`,
      `wsrep_node_name=node${node.index}`,
      // Quick to notice a dead node (the defaults wait several seconds more).
      `wsrep_provider_options="base_port=${node.galeraPort};gmcast.listen_addr=tcp://127.0.0.1:${node.galeraPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.inactive_check_period=PT1S"`,
      'wsrep_sst_method=rsync',
      `wsrep_sst_receive_address=127.0.0.1:${node.sstPort}`,
    ];
  }

  /** The DATABASE_URL of an app on node `index` (1-based). */
  url(index: number): string {
    const node = this.nodes[index - 1];
    return `mariadb://${CLUSTER_USER}:${CLUSTER_PASSWORD}@127.0.0.1:${node.port}/${CLUSTER_DATABASE}`;
  }

  /** Kills a node's server at once (SIGKILL), as a crash would. */
  async kill(index: number): Promise<void> {
    const node = this.nodes[index - 1];
    const child = node.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    node.process = null;
  }

  /** Starts a node again; it rejoins by state transfer (IST from the others' cache). */
  async restart(index: number): Promise<void> {
    const node = this.nodes[index - 1];
    this.launch(node);
    await this.waitSynced(node);
  }

  /** Runs statements as root on a node, through its socket. */
  async asRoot(node: Node, statements: string[]): Promise<unknown[]> {
    const connection = await createConnection({ socketPath: node.socket, user: 'root' });
    try {
      const results = [];
      for (const sql of statements) results.push((await connection.query(sql))[0]);
      return results;
    } finally {
      await connection.end();
    }
  }

  /** One status variable of a node (`wsrep_cluster_size`, …); null while it does not answer. */
  async status(node: Node, name: string): Promise<string | null> {
    try {
      const [rows] = (await this.asRoot(node, [`SHOW STATUS LIKE '${name}'`])) as [Array<{ Value: string }>];
      return rows[0]?.Value ?? null;
    } catch {
      return null;
    }
  }

  async waitForSize(size: number, timeoutMs = 60_000): Promise<void> {
    const live = this.nodes.find((node) => node.process !== null)!;
    await until(
      async () => (await this.status(live, 'wsrep_cluster_size')) === String(size),
      timeoutMs,
      () => this.describe(`cluster size ${size}`),
    );
  }

  /** Stops every node and removes their folders. */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        const child = node.process;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
        node.process = null;
      }),
    );
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  /** The tail of each node's error log, for a failure's message. */
  describe(what: string): string {
    const tails = this.nodes.map((node) => {
      try {
        const text = readFileSync(join(this.root, `node${node.index}.err`), 'utf8')
          .trim()
          .split('\n');
        return `node${node.index}:\n  ${text.slice(-8).join('\n  ')}`;
      } catch {
        return `node${node.index}: no log`;
      }
    });
    return `waiting for ${what}\n${tails.join('\n')}\n${this.log.join('\n')}`;
  }

  private launch(node: Node, extra: string[] = []): void {
    const child = spawn('mariadbd', [`--defaults-file=${node.config}`, ...extra], {
      uid: Number(idOf('-u')),
      gid: Number(idOf('-g')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => this.log.push(`node${node.index}: ${String(chunk).trim()}`));
    child.stderr?.on('data', (chunk: Buffer) => this.log.push(`node${node.index}: ${String(chunk).trim()}`));
    node.process = child;
  }

  private async waitSynced(node: Node, timeoutMs = 90_000): Promise<void> {
    await until(
      async () => {
        if (node.process?.exitCode !== null) throw new Error(this.describe(`node${node.index} (it exited)`));
        if (!this.galera) return (await this.status(node, 'Uptime')) !== null;
        return (await this.status(node, 'wsrep_local_state_comment')) === 'Synced';
      },
      timeoutMs,
      () => this.describe(`node${node.index} to be synced`),
    );
  }

  private killAll(): void {
    for (const node of this.nodes)
      if (node.process && node.process.exitCode === null) node.process.kill('SIGKILL');
  }
}

function idOf(flag: '-u' | '-g'): string {
  return execFileSync('id', [flag, 'mysql'], { encoding: 'utf8' }).trim();
}

export async function until(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  explain: () => string = () => 'a condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
