import { addDays, todayIn } from '../../../src/common/dates/business-date';
import { aCreditCode } from '../../support/factories';
import { Api } from './api';

/** What the browser tests find in the app: who signs in, and the rounds each test works on. */
export interface BrowserFixture {
  baseUrl: string;
  /** The business date (Asia/Shanghai) the seed was made on. */
  today: string;
  /** Every seeded user's password. */
  password: string;
  adminPassword: string;
  instructor: string;
  supervisor: string;
  /** An instructor whose sign-ins the 429 test fails on purpose. */
  throttled: string;
  negotiations: Record<'offer' | 'rules' | 'stale', { id: number; title: string }>;
}

const PASSWORD = 'browser-test-2026';

/**
 * Loads a small county through the HTTP API as an office would: an instructor in charge of seven
 * unionised enterprises, agreements signed before the product for four of them (so that the
 * reports have numbers and the non-public sector falls short of its target), and three open rounds.
 */
export async function seedCounty(baseUrl: string, adminPassword: string): Promise<BrowserFixture> {
  const admin = await Api.signIn(baseUrl, 'admin', adminPassword);
  const today = todayIn('Asia/Shanghai', new Date());

  const user = (username: string, displayName: string, role: string) =>
    admin.post<{ id: number }>('/users', {
      username,
      displayName,
      email: `${username}@example.cn`,
      role,
      password: PASSWORD,
      language: 'zh-CN',
    });
  const instructor = await user('browser.instructor', '王指导', 'instructor');
  await user('browser.supervisor', '李主席', 'supervisor');
  await user('browser.throttled', '赵指导', 'instructor');

  const enterprise = async (name: string, ownershipType: string, employeeCount: number) => {
    const created = await admin.post<{ id: number }>('/enterprises', {
      name,
      creditCode: aCreditCode(),
      ownershipType,
      township: '金山镇',
      industry: 'C',
      employeeCount,
      unionFoundedOn: '2019-04-28',
      registeredOn: '2010-06-01',
      instructorId: instructor.id,
    });
    return created.id;
  };
  const covered = [
    await enterprise('金山钢铁有限公司', 'state_owned', 820),
    await enterprise('金山织造有限公司', 'private', 240),
    await enterprise('金山茶业有限公司', 'private', 96),
    await enterprise('金山鞋业有限公司', 'foreign', 310),
  ];
  const open = [
    await enterprise('金山电网服务有限公司', 'state_controlled', 150),
    await enterprise('金山水泥有限公司', 'private', 180),
    await enterprise('金山农机合作社', 'collective', 45),
  ];

  for (const [index, id] of covered.entries()) {
    await admin.post('/agreements/historical', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [id],
      signedOn: addDays(today, -90 - index),
      effectiveOn: addDays(today, -80 - index),
      expiresOn: addDays(today, 280 - index),
      coveredEmployees: 80 + index * 40,
    });
  }

  const round = async (enterpriseId: number, title: string) => {
    const created = await admin.post<{ id: number }>('/negotiations', {
      agreementKind: 'wage',
      scope: 'enterprise',
      enterpriseIds: [enterpriseId],
      title,
    });
    return { id: created.id, title };
  };
  const negotiations = {
    offer: await round(open[0], '浏览器测试：要约与接受'),
    rules: await round(open[1], '浏览器测试：协商代表规则'),
    stale: await round(open[2], '浏览器测试：他人先更新'),
  };
  // The rules round starts where representatives are named: offer sent and accepted today.
  const event = (id: number, body: Record<string, unknown>) =>
    admin.post(`/negotiations/${id}/events`, { occurredOn: today, ...body });
  await event(negotiations.rules.id, {
    type: 'OFFER_SENT',
    sentBy: 'union',
    receivedOn: today,
    expectedVersion: 0,
  });
  await event(negotiations.rules.id, { type: 'OFFER_ACCEPTED', expectedVersion: 1 });

  return {
    baseUrl,
    today,
    password: PASSWORD,
    adminPassword,
    instructor: 'browser.instructor',
    supervisor: 'browser.supervisor',
    throttled: 'browser.throttled',
    negotiations,
  };
}
