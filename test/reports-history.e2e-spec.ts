import request from 'supertest';
import { Clock } from '../src/common/clock/clock';
import { addDays, addMonths, compareDates, daysBetween } from '../src/common/dates/business-date';
import { creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from '../src/enterprises/domain/credit-code';
import { OWNERSHIP_TYPES, SECTORS, type Sector } from '../src/enterprises/domain/ownership';
import { Enterprise } from '../src/enterprises/enterprise.entity';
import { Agreement } from '../src/negotiations/entities/agreement.entity';
import { NegotiationEnterprise } from '../src/negotiations/entities/negotiation-enterprise.entity';
import type { NegotiationResponse } from '../src/negotiations/dto/negotiation.response';
import type { AgreementKind } from '../src/negotiations/workflow/negotiation.types';
import { OrgUnit } from '../src/org-units/org-unit.entity';
import {
  BASES,
  COVERAGE_STATUSES,
  emptyTally,
  GROUP_BYS,
  signingRatesFromTallies,
  type Tally,
  type Targets,
  trendFromTallies,
  trendMonths,
  unionFoundingFromTallies,
  type UnionTally,
} from '../src/reports/rates';
import { reportsConfig, type ReportsConfig } from '../src/reports/reports.config';
import { toEnterpriseRow } from '../src/reports/reports.repository';
import { User } from '../src/users/user.entity';
import { aCityOfTwoCounties } from './support/org-tree';
import { REPRESENTATIVES } from './support/negotiations';
import {
  agreementsByScope,
  type AgreementRow,
  type EnterpriseRow,
  groupKeyOf,
  isOpenOn,
  isUnionisedOn,
  monthlyTrend,
  signingTallies,
  targetGaps,
  toAgreementRow,
} from './support/report-oracle';
import { createTestApp, type TestApp } from './support/test-app';
import { aSignedInUser, type SignedInUser } from './support/users';

/**
 * Proof of exactness (issue 17): random histories driven through the HTTP API, and every report
 * compared with the oracle (test/support/report-oracle.ts), which computes it row by row from
 * the plain enterprise and agreement rows read back from the database. Whatever the reports are
 * computed from (direct SQL today, maintained aggregates tomorrow), they must equal that.
 *
 * A history is a sequence of what an office really does, each through the API: enterprises
 * created in the townships of a small tree (江川市 → 金山县, 云岭县, beside the root 本县); rounds
 * negotiated event by event (offer, representatives, meetings, vote passed or failed, signing,
 * review approved, objected to or taking effect by the timer, publication, termination,
 * abandonment before or after signing); backdated historical agreements (enterprise, regional,
 * industry; wage, comprehensive, safety; one by one and by spreadsheet); enterprises closed
 * (backdated, now and then in the future) and reopened, moved between townships and between
 * instructors, union founding dates and headcounts changed, ownership and industry corrected;
 * an instructor deactivated (their enterprises released) and new ones created; a roster import
 * (new rows and updates, placed by 区划代码); townships added and renamed; unit targets set and
 * dropped; the timers run.
 *
 * After each batch of operations, for four dates (in the history or today, two on dates of the
 * data ± 1 day, where the boundaries are, and one in the future), every report is compared for
 * the whole deployment with every parameter: signing rates (every groupBy, both bases, both
 * statuses; targets, shortBy and where each target comes from), union founding (every groupBy),
 * agreements by scope (wage and another kind), target gaps (every sector: target, shortBy, the
 * uncovered enterprises largest first, paged or not); and for one random unit with a sample of
 * the parameters (its subtree, its targets, its children for groupBy=orgUnit). A trend of a few
 * months is compared for each.
 *
 * A failure names its seed and the history up to it; the seed replays it, on any day (the app's
 * clock is pinned; on MySQL/MariaDB the ids differ, not the history). Sizes, through the environment (defaults: SQLite ≈ 40 s):
 *
 *   REPORT_HISTORY_RUNS=20 REPORT_HISTORY_OPS=60 REPORT_HISTORY_SEED=12345 \
 *     npx jest test/reports-history.e2e-spec.ts
 *
 * - REPORT_HISTORY_RUNS: histories (default 3), the n-th with seed SEED + n;
 * - REPORT_HISTORY_OPS: operations per history (default 25);
 * - REPORT_HISTORY_BATCH: operations between two checks of every report (default 5);
 * - REPORT_HISTORY_SEED: the first history's seed (default: random, printed on failure);
 * - REPORT_HISTORY_TODAY: the app's today, its Clock pinned (default 2026-12-05);
 * - REPORT_HISTORY_VERBOSE=1: prints each history's operations.
 */
const RUNS = Number(process.env.REPORT_HISTORY_RUNS ?? 3);
const OPS = Number(process.env.REPORT_HISTORY_OPS ?? 25);
const BATCH = Number(process.env.REPORT_HISTORY_BATCH ?? 5);
const BASE_SEED = process.env.REPORT_HISTORY_SEED
  ? Number(process.env.REPORT_HISTORY_SEED)
  : Math.floor(Math.random() * 2 ** 31);

/** The history begins here; every event is dated between it and today (never in the future). */
const DAY0 = '2022-01-01';
/**
 * The app's today (its Clock, pinned), so that a seed replays the same history, timers and
 * checks on any day: events are dated up to it, and the current month of a trend is its month.
 */
const TODAY = process.env.REPORT_HISTORY_TODAY ?? '2026-12-05';
const INDUSTRIES = ['A', 'C', 'G', 'Q'];
const OTHER_KINDS: AgreementKind[] = ['comprehensive', 'safety'];
const TARGET_KEYS = [
  { key: 'state', sector: 'state', column: 'targetState' },
  { key: 'nonPublic', sector: 'non_public', column: 'targetNonPublic' },
  { key: 'collective', sector: 'collective', column: 'targetCollective' },
  { key: 'other', sector: 'other', column: 'targetOther' },
] as const;

/** mulberry32: a small seeded generator, so that a seed replays a history exactly. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(0, items.length - 1)];
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const count = Math.min(pool.length, this.int(min, max));
    const chosen: T[] = [];
    for (let i = 0; i < count; i++) chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return chosen;
  }
  /** A day from `from` to `to` inclusive (`from` when `to` is earlier). */
  day(from: string, to: string): string {
    return addDays(from, this.int(0, Math.max(0, daysBetween(from, to))));
  }
  weighted<T>(choices: readonly [number, T][]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [w, value] of choices) {
      roll -= w;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][1];
  }
}

const latest = (dates: (string | null)[]) =>
  dates
    .filter((d): d is string => d !== null)
    .sort(compareDates)
    .at(-1) ?? null;

type Row = Record<string, unknown>;
const without = (row: Row, ...keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));

/** A round this history opened, as its last answer left it. */
interface Round {
  id: number;
  version: number;
  kind: AgreementKind;
  enterpriseIds: number[];
  stage: string;
  state: unknown;
  context: Row;
  /** The date of its last event: the next is dated on or after it. */
  lastOn: string;
}

/** What the database holds now (the plain rows), read before each operation and each check. */
interface World {
  units: OrgUnit[];
  enterprises: Enterprise[];
  instructors: User[];
}

describe('Reports on random histories through the API, against the oracle (property, e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let targetsDefault: Targets;

  beforeAll(async () => {
    sut = await createTestApp();
    // Noon in Shanghai (TZ_BUSINESS) of TODAY.
    jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T04:00:00Z`));
    targetsDefault = sut.app.get<ReportsConfig>(reportsConfig.KEY).reportTargets;
  });
  afterAll(() => sut.close());

  it(`gives every report as the oracle computes it from the rows (${RUNS} histories × ${OPS} operations)`, async () => {
    for (let run = 0; run < RUNS; run++) await history(BASE_SEED + run);
  }, 600_000);

  async function history(seed: number): Promise<void> {
    const random = new Random(seed);
    const log: string[] = [];
    let step = 'setting up';
    try {
      await sut.reset();
      await aCityOfTwoCounties(sut);
      admin = await aSignedInUser(sut, 'admin');
      const rounds: Round[] = [];
      const today = sut.app.get(Clock).today();
      expect(today).toBe(TODAY);
      const ctx: HistoryContext = { random, log, rounds, today, serial: 0 };
      // Instructors: one for everything, one per county (they sit in or above their townships).
      const units = await loadUnits();
      for (const unit of [
        null,
        units.find((u) => u.name === '金山县')!,
        units.find((u) => u.name === '云岭县')!,
      ])
        await aSignedInUser(sut, 'instructor', { orgUnitId: unit?.id ?? null });
      for (let op = 1; op <= OPS; op++) {
        const world = await loadWorld();
        const name = chooseOperation(random, world, rounds);
        step = `operation ${op} (${name})`;
        await OPERATIONS[name](ctx, world);
        if (op % BATCH === 0 || op === OPS) {
          step = `check after operation ${op}`;
          await checkEveryReport(ctx, (what) => (step = `check after operation ${op}: ${what}`));
        }
      }
      if (process.env.REPORT_HISTORY_VERBOSE) console.log(`seed ${seed}:\n  ${log.join('\n  ')}`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error(
        `Report history with REPORT_HISTORY_SEED=${seed} (REPORT_HISTORY_OPS=${OPS} REPORT_HISTORY_BATCH=${BATCH}) failed at ${step}.\n` +
          `Replay: REPORT_HISTORY_SEED=${seed} REPORT_HISTORY_RUNS=1 REPORT_HISTORY_OPS=${OPS} REPORT_HISTORY_BATCH=${BATCH} npx jest test/reports-history.e2e-spec.ts\n` +
          `History so far:\n  ${log.join('\n  ')}\n\n${message}`,
      );
    }
  }

  // --- The database as it is ---

  function loadUnits(): Promise<OrgUnit[]> {
    return sut.dataSource.getRepository(OrgUnit).find({ order: { code: 'ASC' } });
  }

  async function loadWorld(): Promise<World> {
    return {
      units: await loadUnits(),
      enterprises: await sut.dataSource.getRepository(Enterprise).find({ order: { id: 'ASC' } }),
      instructors: await sut.dataSource
        .getRepository(User)
        .find({ where: { role: 'instructor', active: true }, order: { id: 'ASC' } }),
    };
  }

  /** The plain rows the oracle reads: enterprises (with their unit) and agreements with the enterprises they list. */
  async function loadRows(): Promise<{ enterprises: UnitRow[]; agreements: AgreementRow[] }> {
    const enterprises = (await sut.dataSource.getRepository(Enterprise).find({ order: { id: 'ASC' } })).map(
      (e) => ({ ...toEnterpriseRow(e), orgUnitId: e.orgUnitId }),
    );
    const agreements = await sut.dataSource.getRepository(Agreement).find({ order: { id: 'ASC' } });
    const links = await sut.dataSource.getRepository(NegotiationEnterprise).find();
    const listed = new Map<number, number[]>();
    for (const link of links)
      listed.set(link.negotiationId, [...(listed.get(link.negotiationId) ?? []), link.enterpriseId]);
    return {
      enterprises,
      agreements: agreements.map((a) => ({
        ...toAgreementRow(a),
        enterpriseIds: (listed.get(a.negotiationId) ?? []).sort((x, y) => x - y),
      })),
    };
  }

  // --- The operations ---

  interface HistoryContext {
    random: Random;
    log: string[];
    rounds: Round[];
    /** The app's today: no event is dated after it. */
    today: string;
    serial: number;
  }

  type OperationName = keyof typeof OPERATIONS;

  function chooseOperation(random: Random, world: World, rounds: Round[]): OperationName {
    const have = world.enterprises.length;
    const live = rounds.filter((r) => !['expired', 'terminated', 'abandoned'].includes(r.stage)).length;
    return random.weighted<OperationName>([
      [have < 4 ? 20 : 5, 'createEnterprise'],
      [have > 0 ? 10 : 0, 'changeEnterprise'],
      [have > 0 ? 3 : 0, 'historicalAgreement'],
      [have > 0 ? 3 : 0, 'openRound'],
      [live > 0 ? 8 : 0, 'advanceRound'],
      [live > 0 ? 1 : 0, 'runTimers'],
      [have > 0 ? 2 : 0, 'importRoster'],
      [have > 0 ? 2 : 0, 'importAgreements'],
      [world.instructors.length > 2 ? 0.5 : 0, 'deactivateInstructor'],
      [world.instructors.length < 5 ? 0.5 : 0, 'createInstructor'],
      [0.5, 'addTownship'],
      [0.5, 'renameUnit'],
      [1, 'setTargets'],
    ]);
  }

  const townshipsOf = (world: World) => world.units.filter((u) => u.level === 'township');

  /** Whether an instructor of unit `instructorUnit` (null: none) may be given an enterprise of `township`. */
  function covers(world: World, instructorUnit: number | null, township: number | null): boolean {
    if (instructorUnit === null) return true;
    const unit = world.units.find((u) => u.id === township);
    return unit !== undefined && unit.path.split('/').includes(String(instructorUnit));
  }

  function eligibleInstructors(world: World, township: number | null): User[] {
    return world.instructors.filter((i) => covers(world, i.orgUnitId, township));
  }

  function creditCode(ctx: HistoryContext): string {
    ctx.serial += 1;
    const pick = (n: number) => CREDIT_CODE_ALPHABET[n % CREDIT_CODE_ALPHABET.length];
    let random = '';
    for (let i = 0; i < 7; i++) random += pick(ctx.random.int(0, 30));
    let serial = '';
    for (let n = ctx.serial, i = 0; i < 6; i++, n = Math.floor(n / 31)) serial = pick(n) + serial;
    const first17 = `9144${random}${serial}`;
    return first17 + creditCodeCheckCharacter(first17);
  }

  /** Throws unless the answer is one of `statuses` (the history records refusals it expects). */
  function expectStatus(res: request.Response, statuses: number[], what: string): void {
    if (!statuses.includes(res.status)) {
      throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  }

  const api = {
    get: (path: string, query: Row = {}) =>
      request(sut.http)
        .get(`/api/v1/${path}`)
        .query(query as Record<string, string>)
        .set(admin.auth),
    post: (path: string, body: Row) => request(sut.http).post(`/api/v1/${path}`).set(admin.auth).send(body),
    patch: (path: string, body: Row) => request(sut.http).patch(`/api/v1/${path}`).set(admin.auth).send(body),
    put: (path: string, body: Row) => request(sut.http).put(`/api/v1/${path}`).set(admin.auth).send(body),
  };

  function randomEnterpriseFields(ctx: HistoryContext, world: World): Row {
    const { random, today } = ctx;
    const township = random.pick(townshipsOf(world));
    const registeredOn = random.chance(0.15) ? null : random.day('2015-01-01', addDays(today, -30));
    const unionFoundedOn = random.chance(0.25) ? null : random.day(registeredOn ?? '2015-01-01', today);
    const instructor = random.chance(0.3)
      ? null
      : random.pick([null, ...eligibleInstructors(world, township.id)]);
    return {
      name: `${township.name}企业${ctx.serial + 1}有限公司`,
      creditCode: creditCode(ctx),
      ownershipType: random.pick(OWNERSHIP_TYPES),
      orgUnitId: township.id,
      industry: random.pick(INDUSTRIES),
      employeeCount: random.chance(0.05) ? 0 : random.int(1, 400),
      unionFoundedOn,
      registeredOn,
      instructorId: instructor?.id ?? null,
      closedOn: random.chance(0.1) ? random.day(registeredOn ?? DAY0, addDays(today, 200)) : null,
    };
  }

  async function refreshRound(round: Round): Promise<void> {
    const res = await api.get(`negotiations/${round.id}`);
    expectStatus(res, [200], `GET negotiation ${round.id}`);
    Object.assign(round, {
      version: res.body.version,
      stage: res.body.stage,
      state: res.body.state,
      context: res.body.context,
    });
  }

  /** Posts one event to a round; a 422 from `allowed` is a refusal the history expected. */
  async function event(
    ctx: HistoryContext,
    round: Round,
    body: Row,
    allowed: number[] = [200],
  ): Promise<boolean> {
    const res = await api.post(`negotiations/${round.id}/events`, {
      ...body,
      expectedVersion: round.version,
    });
    ctx.log.push(
      `  event ${String(body.type)} on round #${round.id} ${JSON.stringify(without(body, 'type', ...Object.keys(REPRESENTATIVES)))} → ${res.status}`,
    );
    expectStatus(res, allowed, `event ${String(body.type)} on round #${round.id}`);
    if (res.status !== 200) return false;
    const answer = res.body as NegotiationResponse;
    Object.assign(round, {
      version: answer.version,
      stage: answer.stage,
      state: answer.state,
      context: answer.context as unknown as Row,
      lastOn: body.occurredOn as string,
    });
    return true;
  }

  const OPERATIONS = {
    async createEnterprise(ctx: HistoryContext, world: World) {
      const fields = randomEnterpriseFields(ctx, world);
      const res = await api.post('enterprises', fields);
      ctx.log.push(
        `createEnterprise ${JSON.stringify(without(fields, 'name', 'creditCode'))} → ${res.status} #${res.body.id}`,
      );
      expectStatus(res, [201], 'POST /enterprises');
    },

    async changeEnterprise(ctx: HistoryContext, world: World) {
      const { random, today } = ctx;
      const e = random.pick(world.enterprises);
      const what = random.pick([
        'close',
        'close',
        'reopen',
        'union',
        'union',
        'employees',
        'employees',
        'ownership',
        'industry',
        'instructor',
        'instructor',
        'township',
        'township',
      ] as const);
      let body: Row;
      switch (what) {
        case 'close':
          // Backdated mostly; now and then a closing date still to come.
          body = {
            closedOn: random.day(e.registeredOn ?? DAY0, random.chance(0.8) ? today : addDays(today, 300)),
          };
          break;
        case 'reopen':
          body = { closedOn: null };
          break;
        case 'union':
          body = {
            unionFoundedOn: random.chance(0.2) ? null : random.day(e.registeredOn ?? '2015-01-01', today),
          };
          break;
        case 'employees':
          body = { employeeCount: random.int(0, 20) === 0 ? 0 : random.int(1, 600) };
          break;
        case 'ownership':
          body = { ownershipType: random.pick(OWNERSHIP_TYPES) };
          break;
        case 'industry':
          body = { industry: random.pick(INDUSTRIES) };
          break;
        case 'instructor': {
          const next = random.pick([null, ...eligibleInstructors(world, e.orgUnitId)]);
          body = { instructorId: next?.id ?? null };
          break;
        }
        case 'township': {
          const to = random.pick(townshipsOf(world));
          body = { orgUnitId: to.id };
          // An instructor who does not sit above the new township is replaced in the same change.
          const instructor = world.instructors.find((i) => i.id === e.instructorId);
          if (instructor && !covers(world, instructor.orgUnitId, to.id)) {
            body.instructorId = random.pick([null, ...eligibleInstructors(world, to.id)])?.id ?? null;
          }
          break;
        }
      }
      const res = await api.patch(`enterprises/${e.id}`, { ...body, expectedVersion: e.version });
      ctx.log.push(`changeEnterprise #${e.id} ${JSON.stringify(body)} → ${res.status}`);
      expectStatus(res, [200], `PATCH /enterprises/${e.id}`);
    },

    async historicalAgreement(ctx: HistoryContext, world: World) {
      const { random, today } = ctx;
      const scope = random.weighted([
        [3, 'enterprise'],
        [1, 'regional'],
        [1, 'industry'],
      ] as [number, string][]);
      const covered =
        scope === 'enterprise' ? [random.pick(world.enterprises)] : random.some(world.enterprises, 1, 4);
      const kind: AgreementKind = random.chance(0.75) ? 'wage' : random.pick(OTHER_KINDS);
      const from = latest([DAY0, ...covered.map((e) => e.registeredOn)])!;
      const signedOn = random.day(from, today);
      const effectiveOn = addDays(signedOn, random.chance(0.2) ? 0 : random.int(1, 40));
      const expiresOn = addMonths(effectiveOn, random.int(1, 36));
      const body: Row = {
        agreementKind: kind,
        scope,
        enterpriseIds: covered.map((e) => e.id),
        signedOn,
        effectiveOn,
        expiresOn,
        coveredEmployees: random.int(1, 800),
        ...(random.chance(0.7) ? { wageIncreasePct: random.int(0, 120) / 10 } : {}),
      };
      const res = await api.post('agreements/historical', body);
      ctx.log.push(`historicalAgreement ${JSON.stringify(body)} → ${res.status} #${res.body.id}`);
      // 409: one of them has a round of that kind under way (record it there instead).
      expectStatus(res, [201, 409], 'POST /agreements/historical');
      if (res.status === 201) {
        ctx.rounds.push({
          id: res.body.id,
          version: res.body.version,
          kind,
          enterpriseIds: body.enterpriseIds as number[],
          stage: res.body.stage,
          state: res.body.state,
          context: res.body.context,
          lastOn: latest([signedOn, effectiveOn, res.body.stage === 'expired' ? expiresOn : null])!,
        });
      }
    },

    async openRound(ctx: HistoryContext, world: World) {
      const { random, today } = ctx;
      const kind: AgreementKind = random.chance(0.8) ? 'wage' : random.pick(OTHER_KINDS);
      const busy = new Set(
        ctx.rounds
          .filter(
            (r) => r.kind === kind && !['in_force', 'expired', 'terminated', 'abandoned'].includes(r.stage),
          )
          .flatMap((r) => r.enterpriseIds),
      );
      const free = world.enterprises.filter((e) => !busy.has(e.id));
      if (free.length === 0) return void ctx.log.push('openRound: no enterprise free');
      const scope = random.chance(0.75) ? 'enterprise' : random.pick(['regional', 'industry']);
      const covered = scope === 'enterprise' ? [random.pick(free)] : random.some(free, 1, 3);
      const res = await api.post('negotiations', {
        agreementKind: kind,
        scope,
        enterpriseIds: covered.map((e) => e.id),
        title: `第${ctx.rounds.length + 1}轮`,
      });
      ctx.log.push(
        `openRound ${kind} ${scope} [${covered.map((e) => e.id).join(',')}] → ${res.status} #${res.body.id}`,
      );
      expectStatus(res, [201], 'POST /negotiations');
      // Rounds start at some past date after every covered enterprise was registered, leaving
      // room for the procedure before today.
      const from = latest([DAY0, ...covered.map((e) => e.registeredOn)])!;
      ctx.rounds.push({
        id: res.body.id,
        version: res.body.version,
        kind,
        enterpriseIds: covered.map((e) => e.id),
        stage: res.body.stage,
        state: res.body.state,
        context: res.body.context,
        lastOn: random.day(from, laterOfDays(from, addDays(today, -150))),
      });
    },

    /** Two to seven steps of the procedure on a round under way (or a termination in force). */
    async advanceRound(ctx: HistoryContext, world: World) {
      const { random } = ctx;
      const round = random.pick(
        ctx.rounds.filter((r) => !['expired', 'terminated', 'abandoned'].includes(r.stage)),
      );
      await refreshRound(round);
      ctx.log.push(`advanceRound #${round.id} (${round.stage}, last ${round.lastOn})`);
      for (let steps = random.int(2, 7); steps > 0; steps--) {
        if (!(await step(ctx, world, round))) break;
      }
    },

    async runTimers(ctx: HistoryContext) {
      const res = await api.post('timers/run', {});
      ctx.log.push(`runTimers → ${res.status} ${JSON.stringify(res.body)}`);
      expectStatus(res, [200], 'POST /timers/run');
      for (const round of ctx.rounds) await refreshRound(round);
    },

    /** A roster of a few rows by 区划代码: new enterprises and updates of existing ones (upserted by credit code). */
    async importRoster(ctx: HistoryContext, world: World) {
      const { random, today } = ctx;
      const usernames = new Map(world.instructors.map((i) => [i.id, i.username]));
      const codeOf = new Map(world.units.map((u) => [u.id, u.code]));
      const rows: string[][] = [];
      for (let i = random.int(0, 2); i > 0; i--) {
        const f = randomEnterpriseFields(ctx, world);
        rows.push(rosterRow(f, codeOf, usernames));
      }
      for (const e of random.some(world.enterprises, 1, 3)) {
        const f: Row = {
          name: e.name,
          creditCode: e.creditCode,
          ownershipType: e.ownershipType,
          orgUnitId: e.orgUnitId,
          industry: e.industry,
          employeeCount: e.employeeCount,
          unionFoundedOn: e.unionFoundedOn,
          registeredOn: e.registeredOn,
          instructorId: e.instructorId,
          closedOn: e.closedOn,
        };
        const change = random.pick(['employees', 'union', 'close', 'township', 'ownership'] as const);
        if (change === 'employees') f.employeeCount = random.int(1, 600);
        if (change === 'union')
          f.unionFoundedOn = random.chance(0.2) ? null : random.day(e.registeredOn ?? '2015-01-01', today);
        if (change === 'close')
          f.closedOn = random.chance(0.3) ? null : random.day(e.registeredOn ?? DAY0, today);
        if (change === 'ownership') f.ownershipType = random.pick(OWNERSHIP_TYPES);
        if (change === 'township') {
          const to = random.pick(townshipsOf(world));
          f.orgUnitId = to.id;
          const instructor = world.instructors.find((u) => u.id === e.instructorId);
          if (instructor && !covers(world, instructor.orgUnitId, to.id)) f.instructorId = null;
        }
        rows.push(rosterRow(f, codeOf, usernames));
      }
      const csv =
        '\ufeff' +
        [
          [
            '企业名称',
            '统一社会信用代码',
            '所有制类型',
            '区划代码',
            '行业门类',
            '职工人数',
            '建会日期',
            '指导员账号',
            '成立日期',
            '注销日期',
          ],
          ...rows,
        ]
          .map((row) => row.join(','))
          .join('\r\n') +
        '\r\n';
      const res = await request(sut.http)
        .post('/api/v1/enterprises/import')
        .set(admin.auth)
        .attach('file', Buffer.from(csv, 'utf8'), '名册.csv');
      ctx.log.push(
        `importRoster\n    ${rows.map((r) => r.join(',')).join('\n    ')}\n    → ${res.status} ${JSON.stringify(without(res.body, 'badRowsXlsx'))}`,
      );
      expectStatus(res, [200], 'POST /enterprises/import');
      expect(res.body.errors).toEqual([]);
    },

    /** Historical agreements by spreadsheet (POST /agreements/import), one or two rows. */
    async importAgreements(ctx: HistoryContext, world: World) {
      const { random, today } = ctx;
      const rows: string[][] = [];
      const busy = new Set(
        ctx.rounds
          .filter((r) => !['in_force', 'expired', 'terminated', 'abandoned'].includes(r.stage))
          .flatMap((r) => r.enterpriseIds.map((id) => `${r.kind}.${id}`)),
      );
      for (let i = random.int(1, 2); i > 0; i--) {
        const kind: AgreementKind = random.chance(0.75) ? 'wage' : random.pick(OTHER_KINDS);
        const scope = random.weighted([
          [3, 'enterprise'],
          [1, 'regional'],
          [1, 'industry'],
        ] as [number, string][]);
        const free = world.enterprises.filter((e) => !busy.has(`${kind}.${e.id}`));
        if (free.length === 0) continue;
        const covered = scope === 'enterprise' ? [random.pick(free)] : random.some(free, 1, 3);
        const signedOn = random.day(latest([DAY0, ...covered.map((e) => e.registeredOn)])!, today);
        const effectiveOn = addDays(signedOn, random.int(0, 30));
        rows.push([
          covered.map((e) => e.creditCode).join('、'),
          kind,
          scope,
          signedOn,
          effectiveOn,
          addMonths(effectiveOn, random.int(1, 36)),
          String(random.int(1, 800)),
          random.chance(0.7) ? String(random.int(0, 120) / 10) : '',
        ]);
      }
      if (rows.length === 0) return void ctx.log.push('importAgreements: no enterprise free');
      const csv =
        '\ufeff' +
        [
          [
            '统一社会信用代码',
            '合同类型',
            '签订形式',
            '签订日期',
            '生效日期',
            '到期日期',
            '覆盖职工数',
            '工资增幅(%)',
          ],
          ...rows,
        ]
          .map((row) => row.join(','))
          .join('\r\n') +
        '\r\n';
      const res = await request(sut.http)
        .post('/api/v1/agreements/import')
        .set(admin.auth)
        .attach('file', Buffer.from(csv, 'utf8'), '协议.csv');
      ctx.log.push(
        `importAgreements\n    ${rows.map((r) => r.join(',')).join('\n    ')}\n    → ${res.status} ${JSON.stringify(without(res.body, 'badRowsXlsx'))}`,
      );
      expectStatus(res, [200], 'POST /agreements/import');
      expect(res.body.errors).toEqual([]);
    },

    async deactivateInstructor(ctx: HistoryContext, world: World) {
      const instructor = ctx.random.pick(world.instructors);
      const res = await api.patch(`users/${instructor.id}`, { active: false });
      ctx.log.push(`deactivateInstructor #${instructor.id} → ${res.status}`);
      expectStatus(res, [200], `PATCH /users/${instructor.id}`);
    },

    async createInstructor(ctx: HistoryContext, world: World) {
      const unit = ctx.random.pick([null, ...world.units.filter((u) => u.level !== 'township')]);
      ctx.serial += 1;
      const res = await api.post('users', {
        username: `zhidao.${ctx.serial}`,
        displayName: `指导员${ctx.serial}`,
        role: 'instructor',
        password: 'a long enough password',
        orgUnitId: unit?.id ?? null,
      });
      ctx.log.push(`createInstructor in ${unit?.name ?? '(none)'} → ${res.status} #${res.body.id}`);
      expectStatus(res, [201], 'POST /users');
    },

    async addTownship(ctx: HistoryContext, world: World) {
      const county = ctx.random.pick(world.units.filter((u) => u.level === 'county'));
      const used = new Set(world.units.map((u) => u.code));
      let n = 1;
      while (used.has(`${county.code.slice(0, 6)}${String(n).padStart(3, '0')}000`)) n += 1;
      const code = `${county.code.slice(0, 6)}${String(n).padStart(3, '0')}`;
      ctx.serial += 1;
      const res = await api.post('org-units', {
        code,
        name: `新设镇${ctx.serial}`,
        level: 'township',
        parentId: county.id,
      });
      ctx.log.push(`addTownship ${code} under ${county.name} → ${res.status} #${res.body.id}`);
      expectStatus(res, [201], 'POST /org-units');
    },

    async renameUnit(ctx: HistoryContext, world: World) {
      const unit = ctx.random.pick(world.units);
      ctx.serial += 1;
      const name = `${unit.name.replace(/（.*）$/, '')}（改${ctx.serial}）`;
      const res = await api.patch(`org-units/${unit.id}`, { name });
      ctx.log.push(`renameUnit #${unit.id} ${unit.name} → ${name}: ${res.status}`);
      expectStatus(res, [200], `PATCH /org-units/${unit.id}`);
    },

    async setTargets(ctx: HistoryContext, world: World) {
      const { random } = ctx;
      const unit = random.pick(world.units);
      const body: Row = {};
      for (const { key } of random.some(TARGET_KEYS, 1, 2)) {
        body[key] = random.chance(0.3) ? null : random.pick([0.5, 0.75, 0.8, 0.85, 0.9, 0.95, 1]);
      }
      const res = await api.put(`org-units/${unit.id}/targets`, body);
      ctx.log.push(`setTargets #${unit.id} ${unit.name} ${JSON.stringify(body)} → ${res.status}`);
      expectStatus(res, [200], `PUT /org-units/${unit.id}/targets`);
    },
  };

  function rosterRow(f: Row, codeOf: Map<number, string>, usernames: Map<number, string>): string[] {
    const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    return [
      cell(f.name),
      cell(f.creditCode),
      cell(f.ownershipType),
      cell(codeOf.get(f.orgUnitId as number)),
      cell(f.industry),
      cell(f.employeeCount),
      cell(f.unionFoundedOn),
      f.instructorId === null ? '' : cell(usernames.get(f.instructorId as number)),
      cell(f.registeredOn),
      cell(f.closedOn),
    ];
  }

  function laterOfDays(a: string, b: string): string {
    return compareDates(a, b) >= 0 ? a : b;
  }

  /** One step of a round's procedure, dated on or after its last event and never after today. */
  async function step(ctx: HistoryContext, world: World, round: Round): Promise<boolean> {
    const { random, today } = ctx;
    const next = (max: number) => {
      const on = addDays(round.lastOn, random.int(0, max));
      return compareDates(on, today) > 0 ? today : on;
    };
    const state = JSON.stringify(round.state);
    const context = round.context;
    if (random.chance(0.04) && !['in_force', 'expired', 'terminated', 'abandoned'].includes(round.stage)) {
      return event(ctx, round, {
        type: 'ABANDONED',
        occurredOn: next(10),
        reason: '企业经营困难，双方同意中止',
      });
    }
    switch (round.stage) {
      case 'invitation':
        if (context.offer) return event(ctx, round, { type: 'OFFER_ACCEPTED', occurredOn: next(15) });
        {
          const on = next(10);
          return event(ctx, round, { type: 'OFFER_SENT', occurredOn: on, sentBy: 'union', receivedOn: on });
        }
      case 'preparation':
        return event(ctx, round, {
          type: 'REPRESENTATIVES_CONFIRMED',
          occurredOn: next(10),
          ...REPRESENTATIVES,
        });
      case 'consultation':
        if (state.includes('suspended')) return event(ctx, round, { type: 'RESUMED', occurredOn: next(20) });
        if (random.chance(0.4))
          return event(ctx, round, { type: 'MEETING_HELD', occurredOn: next(10), summary: '协商会议' });
        return event(ctx, round, { type: 'DRAFT_AGREED', occurredOn: next(10) });
      case 'ratification': {
        const passes = random.chance(0.85);
        return event(ctx, round, {
          type: 'VOTE_RECORDED',
          occurredOn: next(10),
          total: 100,
          present: passes ? 80 : 60,
          inFavour: passes ? 60 : 40,
        });
      }
      case 'signing': {
        const headcount = world.enterprises
          .filter((e) => round.enterpriseIds.includes(e.id))
          .reduce((sum, e) => sum + e.employeeCount, 0);
        return event(ctx, round, {
          type: 'SIGNED',
          occurredOn: next(10),
          coveredEmployees: random.int(1, Math.max(1, headcount)),
          ...(round.kind === 'wage' && random.chance(0.5) ? {} : { termMonths: random.int(6, 36) }),
          ...(random.chance(0.7) ? { wageIncreasePct: random.int(0, 120) / 10 } : {}),
        });
      }
      case 'filing': {
        if (!state.includes('underReview')) {
          return event(ctx, round, { type: 'SUBMITTED_FOR_REVIEW', occurredOn: next(8) });
        }
        const review = context.review as { receivedOn: string; endsOn: string };
        const lastAnswerDay = addDays(review.endsOn, -1);
        const from = laterOfDays(round.lastOn, review.receivedOn);
        if (compareDates(from, lastAnswerDay) > 0 || compareDates(from, today) > 0 || random.chance(0.3)) {
          // Nothing by the end of the review: the agreement takes effect by itself (the timer).
          const res = await api.post('timers/run', {});
          ctx.log.push(`  runTimers → ${res.status} ${JSON.stringify(res.body)}`);
          expectStatus(res, [200], 'POST /timers/run');
          await refreshRound(round);
          if (round.stage !== 'filing') round.lastOn = review.endsOn;
          return false;
        }
        const on = random.day(from, lastAnswerDay < today ? lastAnswerDay : today);
        if (random.chance(0.25)) {
          return event(ctx, round, {
            type: 'REVIEW_OBJECTION',
            occurredOn: on,
            reasons: ['工资增幅条款需重新协商'],
          });
        }
        return event(ctx, round, { type: 'REVIEW_APPROVED', occurredOn: on });
      }
      case 'in_force': {
        const agreement = context.agreement as { expiresOn: string; effectiveOn: string } | null;
        if (!agreement || random.chance(0.5)) return false;
        const last = addDays(agreement.expiresOn, -1);
        const from = laterOfDays(round.lastOn, agreement.effectiveOn ?? round.lastOn);
        if (compareDates(from, last) > 0 || compareDates(from, today) > 0) return false;
        if (random.chance(0.4) && !context.publishedOn && !context.historical) {
          return event(ctx, round, { type: 'PUBLISHED', occurredOn: from });
        }
        return event(ctx, round, {
          type: 'TERMINATED',
          occurredOn: random.day(from, last < today ? last : today),
          reason: '企业重组，经双方协商一致提前终止',
        });
      }
      default:
        return false;
    }
  }

  // --- The checks ---

  type UnitRow = EnterpriseRow & { orgUnitId: number | null };

  async function checkEveryReport(ctx: HistoryContext, at: (what: string) => void): Promise<void> {
    const { random, today } = ctx;
    const rows = await loadRows();
    const units = await loadUnits();
    const byId = new Map(units.map((u) => [u.id, u]));
    const roots = units.filter((u) => u.parentId === null);

    // Dates: one in the history (or today), two on dates of the data ± 1 day, where the
    // boundaries are (the agreements' dates weigh most), and one in the future.
    const dataDates = [
      ...rows.enterprises.flatMap((e) => [e.registeredOn, e.unionFoundedOn, e.closedOn]),
      ...[1, 2, 3].flatMap(() =>
        rows.agreements.flatMap((a) => [
          a.signedOn,
          a.effectiveOn,
          a.expiresOn,
          a.terminatedOn,
          a.setAsideOn,
        ]),
      ),
    ].filter((d): d is string => typeof d === 'string');
    const nearData = () =>
      dataDates.length > 0 ? addDays(random.pick(dataDates), random.int(-1, 1)) : today;
    const dates = [
      random.chance(0.25) ? today : random.day(DAY0, today),
      nearData(),
      nearData(),
      addDays(today, random.int(1, 500)),
    ];
    // The whole deployment (two roots: no unit) with every parameter, and one unit at random
    // with a sample of them (the time a check takes).
    const asked: (OrgUnit | null)[] = [null, random.pick(units)];

    for (const unit of asked) {
      const inUnit =
        unit === null ? null : new Set(units.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id));
      const enterprises = rows.enterprises.filter(
        (e) => inUnit === null || (e.orgUnitId !== null && inUnit.has(e.orgUnitId)),
      );
      const ids = new Set(enterprises.map((e) => e.id));
      // docs/contract.md, Reports: agreements by scope of a unit are those that list an enterprise of the unit.
      const agreements = rows.agreements.filter((a) => a.enterpriseIds.some((id) => ids.has(id)));
      const children = unit === null ? roots : units.filter((u) => u.parentId === unit.id);
      const targets = effectiveTargets(unit, byId);
      const query = unit === null ? {} : { orgUnitId: unit.id };
      const unitName = unit === null ? 'the deployment' : `${unit.name} #${unit.id}`;
      /** The child of the asked unit an enterprise's unit lies under; 'none' for one in no child. */
      const childKey = (orgUnitId: number | null): string => {
        const path = orgUnitId === null ? undefined : byId.get(orgUnitId)?.path;
        const child = children.find((c) => path !== undefined && path.startsWith(c.path));
        return child ? String(child.id) : 'none';
      };
      const foldToChildren = <T>(
        raw: Map<string, T>,
        empty: () => T,
        add: (a: T, b: T) => void,
      ): Map<string, T> => {
        const folded = new Map<string, T>(children.map((c) => [String(c.id), empty()]));
        for (const [key, tally] of raw) {
          const k = childKey(key === 'null' ? null : Number(key));
          if (!folded.has(k)) folded.set(k, empty());
          add(folded.get(k)!, tally);
        }
        return folded;
      };
      const childNames = new Map<string, string>(children.map((c) => [String(c.id), c.name]));

      const groupings = GROUP_BYS.filter((g) => g !== 'orgUnit' || unit?.level !== 'township');
      const sample = <T>(all: readonly T[], count: number): readonly T[] =>
        unit === null ? all : random.some(all, count, count);
      for (const asOf of dates) {
        for (const groupBy of sample(groupings, 2)) {
          for (const base of BASES) {
            for (const status of COVERAGE_STATUSES) {
              const params = { ...query, asOf, groupBy, base, status, agreementKind: 'wage' };
              at(`signing-rates of ${unitName} ${JSON.stringify(params)}`);
              const input = {
                enterprises,
                agreements,
                asOf,
                agreementKind: 'wage' as const,
                groupBy,
                base,
                status,
              };
              let tallies = signingTallies(input);
              if (groupBy === 'orgUnit') tallies = foldToChildren(tallies, emptyTally, addTally);
              const expected = signingRatesFromTallies(groupBy, tallies, targets.targets);
              const res = await api.get('reports/signing-rates', params);
              expectStatus(res, [200], 'GET /reports/signing-rates');
              expect({
                rows: res.body.rows.map((r: Row) => without(r, 'groupName', 'targetSource')),
                total: res.body.total,
              }).toEqual(expected);
              if (groupBy === 'orgUnit') {
                expect(res.body.rows.map((r: Row) => [r.group, r.groupName])).toEqual(
                  expected.rows.map((r) => [
                    r.group,
                    childNames.get(r.group) ?? (unit ? '本级直属' : expect.any(String)),
                  ]),
                );
              }
              if (groupBy === 'sector') {
                expect(
                  res.body.rows
                    .filter((r: Row) => r.target !== undefined)
                    .map((r: Row) => [r.group, r.targetSource]),
                ).toEqual(
                  expected.rows
                    .filter((r) => r.target !== undefined)
                    .map((r) => [r.group, targets.sources[r.group as Sector] ?? null]),
                );
              }
            }
          }
        }

        for (const groupBy of sample(groupings, 2)) {
          const params = { ...query, asOf, groupBy };
          at(`union-founding of ${unitName} ${JSON.stringify(params)}`);
          const raw = new Map<string, UnionTally>();
          for (const e of enterprises) {
            if (!isOpenOn(e, asOf)) continue;
            const key = groupBy === 'orgUnit' ? childKey(e.orgUnitId) : groupKeyOf(e, groupBy);
            const tally = raw.get(key) ?? { enterprises: 0, unionised: 0 };
            tally.enterprises += 1;
            tally.unionised += isUnionisedOn(e, asOf) ? 1 : 0;
            raw.set(key, tally);
          }
          const tallies =
            groupBy === 'orgUnit'
              ? new Map([
                  ...children.map((c): [string, UnionTally] => [
                    String(c.id),
                    raw.get(String(c.id)) ?? { enterprises: 0, unionised: 0 },
                  ]),
                  ...[...raw].filter(([k]) => k === 'none'),
                ])
              : raw;
          const expected = unionFoundingFromTallies(groupBy, tallies);
          const res = await api.get('reports/union-founding', params);
          expectStatus(res, [200], 'GET /reports/union-founding');
          expect({
            rows: res.body.rows.map((r: Row) => without(r, 'groupName')),
            total: res.body.total,
          }).toEqual(expected);
        }

        for (const agreementKind of sample(['wage', random.pick(OTHER_KINDS)] as const, 1)) {
          const params = { ...query, asOf, agreementKind };
          at(`agreements of ${unitName} ${JSON.stringify(params)}`);
          const expected = agreementsByScope({ enterprises, agreements, asOf, agreementKind });
          const res = await api.get('reports/agreements', params);
          expectStatus(res, [200], 'GET /reports/agreements');
          expect({ rows: res.body.rows, total: res.body.total }).toEqual(expected);
        }

        for (const sector of sample(SECTORS, 2)) {
          const base = random.pick(BASES);
          const status = random.pick(COVERAGE_STATUSES);
          const params = { ...query, asOf, sector, base, status, agreementKind: 'wage' };
          at(`target-gaps of ${unitName} ${JSON.stringify(params)}`);
          const expected = targetGaps({
            enterprises,
            agreements,
            asOf,
            agreementKind: 'wage',
            base,
            status,
            sector,
            targets: targets.targets,
          });
          const res = await api.get('reports/target-gaps', params);
          expectStatus(res, [200], 'GET /reports/target-gaps');
          expect([res.body.target, res.body.shortBy]).toEqual([expected.target, expected.shortBy]);
          expect(res.body.targetSource).toEqual(
            expected.target === null ? null : (targets.sources[sector] ?? null),
          );
          // Paged (page, pageSize, total) or the whole list: either way the first page is the
          // oracle's list, largest first, from its start.
          const items = res.body.items as Row[];
          if (res.body.total !== undefined) {
            expect(res.body.total).toBe(expected.items.length);
            if (res.body.pageSize !== undefined)
              expect(items.length).toBe(Math.min(Number(res.body.pageSize), expected.items.length));
          } else {
            expect(items.length).toBe(expected.items.length);
          }
          expect(items.map((i) => without(i, 'openNegotiation'))).toEqual(
            expected.items.slice(0, items.length).map((e) => ({
              enterpriseId: e.id,
              name: e.name,
              creditCode: e.creditCode,
              ownershipType: e.ownershipType,
              township: e.township,
              employeeCount: e.employeeCount,
              instructorId: e.instructorId,
            })),
          );
        }
      }

      // A trend of a few months, from a month of the history to one that may lie after the current month.
      const groupBy = random.pick(groupings);
      const base = random.pick(BASES);
      const status = random.pick(COVERAGE_STATUSES);
      const from = random.day(DAY0, today).slice(0, 7);
      const to = addMonths(`${from}-01`, random.int(0, 5)).slice(0, 7);
      const params = { ...query, from, to, groupBy, base, status, agreementKind: 'wage' };
      at(`trend of ${unitName} ${JSON.stringify(params)}`);
      const input = { enterprises, agreements, agreementKind: 'wage' as const, groupBy, base, status };
      const expected =
        groupBy === 'orgUnit'
          ? trendFromTallies(
              groupBy,
              trendMonths(from, to, today).map((month) => ({
                month,
                tallies: foldToChildren(signingTallies({ ...input, asOf: month.asOf }), emptyTally, addTally),
              })),
            )
          : monthlyTrend({ ...input, from, to, today });
      const res = await api.get('reports/trend', params);
      expectStatus(res, [200], 'GET /reports/trend');
      expect({
        months: res.body.months,
        series: res.body.series.map((s: Row) => without(s, 'groupName')),
        total: res.body.total,
      }).toEqual(expected);
    }
  }

  function addTally(into: Tally, from: Tally): void {
    into.enterprises += from.enterprises;
    into.covered += from.covered;
    into.employees += from.employees;
    into.employeesCovered += from.employeesCovered;
  }

  /**
   * The targets a report of `unit` judges its sectors by, read from the units' rows: the unit's
   * own, else the nearest ancestor's, else REPORT_TARGETS (docs/domain.md, Federation hierarchy);
   * with the unit each came from (null: the default).
   */
  function effectiveTargets(
    unit: OrgUnit | null,
    byId: Map<number, OrgUnit>,
  ): { targets: Targets; sources: Partial<Record<Sector, { id: number; name: string } | null>> } {
    const targets: Targets = { ...targetsDefault };
    const sources: Partial<Record<Sector, { id: number; name: string } | null>> = {};
    for (const sector of Object.keys(targetsDefault) as Sector[]) sources[sector] = null;
    if (unit === null) return { targets, sources };
    const chain = unit.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id))!)
      .reverse();
    for (const { sector, column } of TARGET_KEYS) {
      const setter = chain.find((u) => u[column] !== null && u[column] !== undefined);
      if (setter) {
        targets[sector] = Number(setter[column]);
        sources[sector] = { id: setter.id, name: setter.name };
      }
    }
    return { targets, sources };
  }
});
