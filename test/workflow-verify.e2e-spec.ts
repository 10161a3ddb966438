import { Negotiation } from '../src/negotiations/entities/negotiation.entity';
import { NegotiationEvent } from '../src/negotiations/entities/negotiation-event.entity';
import { TimersService } from '../src/negotiations/timers.service';
import { WorkflowVerifier } from '../src/negotiations/workflow-verifier';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';
import { aNegotiation, anEnterpriseId, daysAgo, record, toSigning } from './support/negotiations';
import request from 'supertest';

/** Architecture invariant 2: replaying the event log gives the stored snapshot. */
describe(WorkflowVerifier.name, () => {
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

  async function aVariedHistory(): Promise<number[]> {
    const enterpriseId = await anEnterpriseId(sut, admin);
    const fresh = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
    const signed = await aNegotiation(sut, admin, { enterpriseIds: [await anEnterpriseId(sut, admin)] });
    const reviewed = await aNegotiation(sut, admin, { enterpriseIds: [await anEnterpriseId(sut, admin)] });
    await record(sut, admin, signed, toSigning(daysAgo(50)));
    const filed = await record(sut, admin, reviewed, toSigning(daysAgo(80)));
    await record(sut, admin, filed, [{ type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(40) }]);
    await sut.app.get(TimersService).runDue(); // a system event in the log too
    const historical = await request(sut.http)
      .post('/api/v1/agreements/historical')
      .set(admin.auth)
      .send({
        agreementKind: 'wage',
        scope: 'regional',
        enterpriseIds: [enterpriseId],
        signedOn: '2022-01-04',
        effectiveOn: '2022-01-25',
        expiresOn: '2023-01-25',
        coveredEmployees: 40,
      })
      .expect(201);
    return [fresh.id, signed.id, reviewed.id, historical.body.id];
  }

  it('finds every stored snapshot equal to its replayed log', async () => {
    await aVariedHistory();
    expect(await sut.app.get(WorkflowVerifier).verifyAll()).toEqual({ checked: 4, mismatches: [] });
  });

  it('reports a snapshot that was changed behind the log, and a gap in the log', async () => {
    const [, signedId, reviewedId] = await aVariedHistory();
    const negotiations = sut.dataSource.getRepository(Negotiation);
    const tampered = await negotiations.findOneByOrFail({ id: signedId });
    tampered.snapshot = { ...tampered.snapshot, value: 'in_force' };
    await negotiations.save(tampered);
    await sut.dataSource.getRepository(NegotiationEvent).delete({ negotiationId: reviewedId, seq: 3 });

    const report = await sut.app.get(WorkflowVerifier).verifyAll();
    expect(report.checked).toBe(4);
    expect(report.mismatches).toEqual([
      { negotiationId: signedId, problem: expect.stringMatching(/differs from the replayed log/) },
      { negotiationId: reviewedId, problem: expect.stringMatching(/gap: expected seq 3, found 4/) },
    ]);
  });
});
