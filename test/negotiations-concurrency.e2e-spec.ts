import request from 'supertest';
import { NegotiationEvent } from '../src/negotiations/entities/negotiation-event.entity';
import { Clock } from '../src/common/clock/clock';
import { Deadline } from '../src/negotiations/entities/deadline.entity';
import { TIMER_LEASE_MS, TimersService } from '../src/negotiations/timers.service';
import { isServerDatabase } from './support/test-database';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';
import { aNegotiation, anEnterpriseId, daysAgo, record, toSigning } from './support/negotiations';

/** Architecture invariants 1 (no lost update) and the once-only timers, on the real database. */
describe('Negotiations under concurrency (e2e)', () => {
  let sut: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  beforeEach(async () => {
    admin = await aSignedInUser(sut, 'admin');
  });
  afterEach(() => sut.reset());
  afterAll(() => sut.close());

  it('lets exactly one of 20 parallel events at one version through; the others get 409, the log has no gap', async () => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [await anEnterpriseId(sut, admin)] });
    const [offer] = toSigning(daysAgo(3));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(sut.http)
          .post(`/api/v1/negotiations/${negotiation.id}/events`)
          .set(admin.auth)
          .send({ ...offer, expectedVersion: 0 }),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    for (const res of answers.filter((r) => r.status === 409)) {
      expect(res.body).toMatchObject({ code: 'NEGOTIATION.VERSION_CONFLICT', currentVersion: 1 });
    }
    const events = await sut.dataSource
      .getRepository(NegotiationEvent)
      .findBy({ negotiationId: negotiation.id });
    expect(events.map((e) => e.seq)).toEqual([1]);

    // And the next writer, at the version it was told, goes through.
    await request(sut.http)
      .post(`/api/v1/negotiations/${negotiation.id}/events`)
      .set(admin.auth)
      .send({ type: 'OFFER_ACCEPTED', occurredOn: daysAgo(1), expectedVersion: 1 })
      .expect(200);
  });

  it('fires each due timer exactly once when two runners go at the same time', async () => {
    const count = 8;
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const negotiation = await aNegotiation(sut, admin, {
        enterpriseIds: [await anEnterpriseId(sut, admin)],
      });
      const signed = await record(sut, admin, negotiation, toSigning(daysAgo(60)));
      await record(sut, admin, signed, [{ type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(30) }]);
      ids.push(negotiation.id);
    }
    // On MySQL/MariaDB a second app instance shares the database (the lease decides);
    // SQLite is one process by design, so there the two runners share it (and its one
    // connection, whose transactions writeTransaction must queue: without the queue this fails).
    const other = isServerDatabase() ? await createTestApp({}, { truncate: false }) : sut;
    try {
      const results = await Promise.all([
        sut.app.get(TimersService).runDue(),
        other.app.get(TimersService).runDue(),
      ]);
      expect(results[0].fired + results[1].fired).toBe(count);
    } finally {
      if (other !== sut) await other.close();
    }
    for (const id of ids) {
      const events = await sut.dataSource.getRepository(NegotiationEvent).find({
        where: { negotiationId: id },
        order: { seq: 'ASC' },
      });
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(events.filter((e) => e.type === 'REVIEW_PERIOD_ELAPSED')).toHaveLength(1);
    }
    expect(await sut.app.get(TimersService).runDue()).toEqual({ fired: 0 });
  });

  it("leaves a timer another runner has claimed until that runner's lease runs out, then fires it once", async () => {
    const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [await anEnterpriseId(sut, admin)] });
    const signed = await record(sut, admin, negotiation, toSigning(daysAgo(60)));
    await record(sut, admin, signed, [{ type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(30) }]);
    const timer = await sut.dataSource
      .getRepository(Deadline)
      .findOneByOrFail({ negotiationId: negotiation.id, action: 'fire' });
    // Another instance claimed it a moment ago (and died, or is still at it).
    const leaseUntil = new Date(Date.now() + TIMER_LEASE_MS);
    await sut.dataSource
      .getRepository(Deadline)
      .update({ id: timer.id }, { leaseOwner: 'another-host:1:x#1', leaseUntil });

    const timers = sut.app.get(TimersService);
    expect(await timers.runDue()).toEqual({ fired: 0 });
    const later = new Date(leaseUntil.getTime() + 1000);
    jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(later);
    try {
      expect(await timers.runDue()).toEqual({ fired: 1 });
      expect(await timers.runDue()).toEqual({ fired: 0 });
    } finally {
      jest.restoreAllMocks();
    }
    const events = await sut.dataSource
      .getRepository(NegotiationEvent)
      .findBy({ negotiationId: negotiation.id });
    expect(events.filter((e) => e.type === 'REVIEW_PERIOD_ELAPSED')).toHaveLength(1);
  });
});
