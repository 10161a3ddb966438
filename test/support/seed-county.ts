import request from 'supertest';
import { addDays } from '../../src/common/dates/business-date';
import type { AgreementRow } from './report-oracle';
import { seedCountyFixture } from './seed-county-fixture';
import { record, REPRESENTATIVES } from './negotiations';
import type { TestApp } from './test-app';
import { aSignedInUser, type SignedInUser } from './users';

export interface LoadedCounty {
  /** fixture enterprise id → id in the database */
  enterprises: Map<number, number>;
  /** fixture instructor id → user id */
  instructors: Map<number, SignedInUser>;
}

/** The events of a round up to signing on `signedOn` (vote and draft a few days before). */
function roundSignedOn(a: AgreementRow): Record<string, unknown>[] {
  const start = addDays(a.signedOn, -20);
  return [
    { type: 'OFFER_SENT', occurredOn: start, sentBy: 'union', receivedOn: start },
    { type: 'OFFER_ACCEPTED', occurredOn: addDays(start, 5) },
    { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: addDays(start, 8), ...REPRESENTATIVES },
    { type: 'DRAFT_AGREED', occurredOn: addDays(start, 15) },
    { type: 'VOTE_RECORDED', occurredOn: addDays(start, 18), total: 50, present: 45, inFavour: 40 },
    {
      type: 'SIGNED',
      occurredOn: a.signedOn,
      coveredEmployees: a.coveredEmployees,
      ...(a.wageIncreasePct === null ? {} : { wageIncreasePct: a.wageIncreasePct }),
    },
  ];
}

/**
 * Loads the seed county of test/support/seed-county-fixture.ts through the HTTP API, the way
 * an office would: enterprises, agreements signed before the product (historical), rounds
 * still under way (events up to signing), and one terminated early (approved, then TERMINATED).
 */
export async function loadSeedCounty(sut: TestApp, admin: SignedInUser): Promise<LoadedCounty> {
  const fixture = seedCountyFixture();
  const instructors = new Map<number, SignedInUser>();
  for (const id of [1, 2, 3]) instructors.set(id, await aSignedInUser(sut, 'instructor'));

  const enterprises = new Map<number, number>();
  for (const e of fixture.enterprises) {
    const res = await request(sut.http)
      .post('/api/v1/enterprises')
      .set(admin.auth)
      .send({
        name: e.name,
        creditCode: e.creditCode,
        ownershipType: e.ownershipType,
        township: e.township,
        industry: e.industry,
        employeeCount: e.employeeCount,
        instructorId: e.instructorId === null ? null : instructors.get(e.instructorId)!.id,
        unionFoundedOn: e.unionFoundedOn,
        registeredOn: e.registeredOn,
        closedOn: e.closedOn,
      });
    if (res.status !== 201) throw new Error(`enterprise ${e.id}: ${res.status} ${JSON.stringify(res.body)}`);
    enterprises.set(e.id, res.body.id);
  }

  for (const a of fixture.agreements) {
    const covered = {
      agreementKind: a.agreementKind,
      scope: a.scope,
      enterpriseIds: a.enterpriseIds.map((id) => enterprises.get(id)),
    };
    if (a.effectiveOn !== null && a.terminatedOn === null) {
      const res = await request(sut.http)
        .post('/api/v1/agreements/historical')
        .set(admin.auth)
        .send({
          ...covered,
          signedOn: a.signedOn,
          effectiveOn: a.effectiveOn,
          expiresOn: a.expiresOn,
          coveredEmployees: a.coveredEmployees,
          ...(a.wageIncreasePct === null ? {} : { wageIncreasePct: a.wageIncreasePct }),
        });
      if (res.status !== 201) throw new Error(`agreement ${a.id}: ${res.status} ${JSON.stringify(res.body)}`);
      continue;
    }
    const opened = await request(sut.http)
      .post('/api/v1/negotiations')
      .set(admin.auth)
      .send(covered)
      .expect(201);
    const signed = await record(sut, admin, opened.body, roundSignedOn(a));
    if (a.terminatedOn !== null) {
      await record(sut, admin, signed, [
        { type: 'SUBMITTED_FOR_REVIEW', occurredOn: addDays(a.effectiveOn!, -10) },
        { type: 'REVIEW_APPROVED', occurredOn: a.effectiveOn! },
        { type: 'TERMINATED', occurredOn: a.terminatedOn, reason: '企业经营困难，双方协商解除' },
      ]);
    }
  }
  return { enterprises, instructors };
}
