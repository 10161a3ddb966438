import request from 'supertest';
import { readOfficialCalendar } from '../../src/calendar/official-calendar';
import { addDays, todayIn } from '../../src/common/dates/business-date';
import { countLimit, workCalendarOf } from '../../src/common/dates/work-calendar';
import type { NegotiationResponse } from '../../src/negotiations/dto/negotiation.response';
import { anEnterprise } from './factories';
import type { TestApp } from './test-app';
import type { SignedInUser } from './users';

export const today = () => todayIn('Asia/Shanghai', new Date());
export const daysAgo = (days: number) => addDays(today(), -days);

/** The official calendar as the app seeds it (the npm package's years), for expected dates. */
export const OFFICIAL_CALENDAR = workCalendarOf(readOfficialCalendar().years);

/**
 * The last day of a national time limit of `days` from `from`: calendar days, and a last day on
 * a rest day moved to the next working day (民法典 art. 203), as the app counts it. Tests dated
 * from today need it: the same offset lands on a weekend on some days and not on others.
 */
export const nationalDue = (from: string, days: number) =>
  countLimit(OFFICIAL_CALENDAR, from, days, { unit: 'calendar', movesOffRestDay: true }).dueOn;

export const REPRESENTATIVES = {
  workerReps: ['张伟', '李娜', '王芳'],
  employerReps: ['刘洋', '陈静', '杨磊'],
  workerChief: '张伟',
  employerChief: '刘洋',
};

/** The events of a wage negotiation from offer to signing, dated from `start` on. */
export function toSigning(start: string): Record<string, unknown>[] {
  return [
    { type: 'OFFER_SENT', occurredOn: start, sentBy: 'union', receivedOn: start },
    { type: 'OFFER_ACCEPTED', occurredOn: addDays(start, 5) },
    { type: 'REPRESENTATIVES_CONFIRMED', occurredOn: addDays(start, 8), ...REPRESENTATIVES },
    { type: 'MEETING_HELD', occurredOn: addDays(start, 12), summary: '第一次协商会议' },
    { type: 'DRAFT_AGREED', occurredOn: addDays(start, 15) },
    { type: 'VOTE_RECORDED', occurredOn: addDays(start, 18), total: 100, present: 80, inFavour: 60 },
    {
      type: 'SIGNED',
      occurredOn: addDays(start, 20),
      coveredEmployees: 120,
      wageIncreasePct: 6.5,
      minimumWage: 2000,
    },
  ];
}

export async function anEnterpriseId(
  sut: TestApp,
  admin: SignedInUser,
  instructorId?: number,
): Promise<number> {
  const res = await request(sut.http)
    .post('/api/v1/enterprises')
    .set(admin.auth)
    .send(anEnterprise({ instructorId }))
    .expect(201);
  return res.body.id as number;
}

export async function aNegotiation(
  sut: TestApp,
  as: SignedInUser,
  body: Record<string, unknown>,
): Promise<{ id: number; version: number }> {
  const res = await request(sut.http)
    .post('/api/v1/negotiations')
    .set(as.auth)
    .send({ agreementKind: 'wage', scope: 'enterprise', ...body })
    .expect(201);
  return res.body;
}

/** Posts events in order, each with the version the previous answer gave; returns the last answer. */
export async function record(
  sut: TestApp,
  as: SignedInUser,
  negotiation: { id: number; version: number },
  events: Record<string, unknown>[],
): Promise<NegotiationResponse> {
  let version = negotiation.version;
  let body: NegotiationResponse | undefined;
  for (const event of events) {
    const res = await request(sut.http)
      .post(`/api/v1/negotiations/${negotiation.id}/events`)
      .set(as.auth)
      .send({ ...event, expectedVersion: version });
    if (res.status !== 200) {
      throw new Error(`${String(event.type)} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    body = res.body as NegotiationResponse;
    version = body.version;
  }
  if (!body) throw new Error('no events to record');
  return body;
}
