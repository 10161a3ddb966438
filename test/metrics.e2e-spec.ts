import request from 'supertest';
import { TimersService } from '../src/negotiations/timers.service';
import { aNegotiation, anEnterpriseId, daysAgo, record, toSigning } from './support/negotiations';
import { createTestApp, type TestApp } from './support/test-app';
import { isServerDatabase } from './support/test-database';
import { aSignedInUser } from './support/users';

/** `GET /metrics` scraped as Prometheus would, after the work it counts. */
describe('GET /metrics (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  /** The value of one sample line (`name{labels} value`), or undefined when absent. */
  function sample(text: string, series: string): number | undefined {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  }

  it('counts requests by route pattern and status, workflow events by type, report durations, due timers and the outbox', async () => {
    const admin = await aSignedInUser(sut, 'admin');
    const instructor = await aSignedInUser(sut, 'instructor');
    const negotiation = await aNegotiation(sut, admin, {
      enterpriseIds: [await anEnterpriseId(sut, admin, instructor.id)],
    });
    const signed = await record(sut, admin, negotiation, toSigning(daysAgo(60)));
    await record(sut, admin, signed, [{ type: 'SUBMITTED_FOR_REVIEW', occurredOn: daysAgo(30) }]);
    await request(sut.http).get('/api/v1/negotiations/999999').set(admin.auth).expect(404);
    await request(sut.http).get('/api/v1/reports/signing-rates').set(admin.auth).expect(200);
    await request(sut.http).get('/api/v1/reports/signing-rates.csv').set(admin.auth).expect(200);

    let res = await request(sut.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    let text = res.text;
    expect(sample(text, 'wagetrack_workflow_events_total{type="OFFER_SENT",source="user"}')).toBe(1);
    expect(sample(text, 'wagetrack_workflow_events_total{type="SUBMITTED_FOR_REVIEW",source="user"}')).toBe(
      1,
    );
    expect(
      sample(
        text,
        'wagetrack_http_request_duration_seconds_count{method="POST",route="/api/v1/negotiations/:id/events",status="200"}',
      ),
    ).toBe(8);
    expect(
      sample(
        text,
        'wagetrack_http_request_duration_seconds_count{method="GET",route="/api/v1/negotiations/:id",status="404"}',
      ),
    ).toBe(1);
    expect(
      sample(text, 'wagetrack_report_duration_seconds_count{report="signing-rates",format="json"}'),
    ).toBe(1);
    expect(sample(text, 'wagetrack_report_duration_seconds_count{report="signing-rates",format="csv"}')).toBe(
      1,
    );
    expect(sample(text, 'wagetrack_timers_due')).toBe(1); // the review period ended 30 days ago
    expect(sample(text, 'wagetrack_timer_lag_days')).toBeGreaterThan(0);
    expect(text).toMatch(/^wagetrack_process_cpu_seconds_total /m);
    if (isServerDatabase())
      expect(sample(text, 'wagetrack_db_pool_connections{state="open"}')).toBeGreaterThan(0);
    else expect(text).not.toContain('wagetrack_db_pool_connections{'); // SQLite has no pool

    expect(await sut.app.get(TimersService).runDue()).toEqual({ fired: 1 });
    const { body } = await request(sut.http).post('/api/v1/reminders/run').set(admin.auth).expect(200);
    expect(body.queued).toBeGreaterThan(0); // the instructor's digest
    res = await request(sut.http).get('/metrics').expect(200);
    text = res.text;
    expect(
      sample(text, 'wagetrack_workflow_events_total{type="REVIEW_PERIOD_ELAPSED",source="system"}'),
    ).toBe(1);
    expect(sample(text, 'wagetrack_timers_due')).toBe(0);
    expect(sample(text, 'wagetrack_timer_lag_days')).toBe(0);
    expect(sample(text, 'wagetrack_reminders{status="pending"}')).toBe(body.queued);
  });
});
