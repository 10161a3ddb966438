import request from 'supertest';
import type { EntitySubscriberInterface } from 'typeorm';
import type { NegotiationPage } from '../src/negotiations/dto/negotiation.response';
import { UsersRepository } from '../src/users/users.repository';
import { createTestApp, TestApp } from './support/test-app';
import { aSignedInUser, SignedInUser } from './support/users';
import { aNegotiation, anEnterpriseId, daysAgo, record, toSigning } from './support/negotiations';

/**
 * `GET /negotiations` (and the export, which pages through it 200 at a time) reads a page in a
 * fixed number of queries: the page, then the parts of all its negotiations at once, never a
 * query per negotiation (issue 15, item 7).
 */
describe('Negotiation list: queries per page (e2e)', () => {
  const PAGE = 30;
  let sut: TestApp;
  let admin: SignedInUser;
  let instructor: SignedInUser;
  let queries: string[] | null = null;

  beforeAll(async () => {
    sut = await createTestApp();
    admin = await aSignedInUser(sut, 'admin');
    instructor = await aSignedInUser(sut, 'instructor');
    // Every query the app sends while `queries` is set, on the real test database.
    const counter: EntitySubscriberInterface = {
      beforeQuery: (event) => void queries?.push(event.query),
    };
    sut.dataSource.subscribers.push(counter);
    // PAGE negotiations of the instructor's enterprises, a few signed (an agreement row) and all
    // with pending deadlines, so that every part the list shows is there to be read.
    for (let i = 0; i < PAGE; i++) {
      const enterpriseId = await anEnterpriseId(sut, admin, instructor.id);
      const negotiation = await aNegotiation(sut, admin, { enterpriseIds: [enterpriseId] });
      if (i % 10 === 0) await record(sut, admin, negotiation, toSigning(daysAgo(40)));
    }
  });
  afterAll(async () => {
    await sut.reset();
    await sut.close();
  });

  /** The answer to a GET and the number of queries it took. */
  async function counted(path: string, as: SignedInUser): Promise<{ res: request.Response; count: number }> {
    // The sign-in check reads the user unless it read them a moment ago: make it read every time.
    sut.app.get(UsersRepository).forget();
    queries = [];
    try {
      const res = await request(sut.http).get(path).set(as.auth).expect(200);
      return { res, count: queries.length };
    } finally {
      queries = null;
    }
  }

  async function listed(query: string, as: SignedInUser): Promise<{ body: NegotiationPage; count: number }> {
    const { res, count } = await counted(`/api/v1/negotiations?${query}`, as);
    return { body: res.body as NegotiationPage, count };
  }

  it.each([
    ['an admin, by id', 'sort=id', () => admin],
    ['an admin, the agenda', 'sort=agenda', () => admin],
    ['an instructor (scoped), the agenda', 'sort=agenda&open=true', () => instructor],
  ])('%s: a page of 30 takes as many queries as a page of 5', async (_name, query, as) => {
    const small = await listed(`${query}&pageSize=5`, as());
    const large = await listed(`${query}&pageSize=${PAGE}`, as());
    expect(small.body.items).toHaveLength(5);
    expect(large.body.items).toHaveLength(PAGE);
    expect(large.body.items.filter((item) => item.agreement !== undefined)).toHaveLength(3);
    expect(large.body.items.every((item) => item.enterprises.length === 1)).toBe(true);
    expect(large.count).toBe(small.count);
    // The user (sign-in check), the page and its total, then for the whole page: the covered
    // enterprises, the pending deadlines, the current agreements.
    expect(large.count).toBe(6);
  });

  it('the export takes as many queries for 27 negotiations as for 3', async () => {
    const { body } = await listed(`pageSize=${PAGE}`, admin);
    const signedStage = body.items.find((item) => item.agreement !== undefined)!.stage;
    const few = await counted(`/api/v1/negotiations.csv?stage=${signedStage}`, admin);
    const many = await counted('/api/v1/negotiations.csv?stage=invitation', admin);
    const lines = (res: request.Response) => res.text.trim().split('\n').length;
    expect(lines(many.res) - lines(few.res)).toBe(24);
    expect(many.count).toBe(few.count);
  });
});
