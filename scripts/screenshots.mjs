// `npm run screenshots`: the README's pictures (docs/screenshots/*.png, 1280×800) of the demo
// county: the login screen, an instructor's workbench, the negotiation with the longest history,
// and the supervisor's report. Needs Chromium and CJK fonts (Debian: fonts-noto-cjk).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_USERS, launchChromium, login, SCREEN, startDemoApp, storeSession } from './demo-browser.mjs';

const out = join(new URL('..', import.meta.url).pathname, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const app = await startDemoApp();
const browser = await launchChromium();
try {
  const shoot = async (user, path, ready, name) => {
    const context = await browser.newContext(SCREEN);
    if (user) await storeSession(context, await login(app.baseUrl, user));
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}${path}`);
    for (const selector of ready) await page.waitForSelector(selector);
    // Let charts finish their entry animation and tables settle their column widths.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, name) });
    await context.close();
    console.log(`docs/screenshots/${name}: ${path}`);
  };

  await shoot(null, '/login', ['input[name="username"]'], 'login.png');
  await shoot(
    DEMO_USERS.instructor,
    '/workbench',
    ['[data-testid="agenda-link"]', '[data-testid="my-negotiations"] a'],
    'workbench.png',
  );

  const instructor = await login(app.baseUrl, DEMO_USERS.instructor);
  const get = (path) =>
    fetch(`${app.baseUrl}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${instructor.accessToken}` },
    }).then((res) => res.json());
  const { items } = await get('/negotiations?pageSize=200');
  let richest = { id: null, events: 0 };
  for (const { id, historical } of items) {
    if (historical) continue;
    const events = (await get(`/negotiations/${id}/events`)).length;
    if (events > richest.events) richest = { id, events };
  }
  await shoot(
    DEMO_USERS.instructor,
    `/negotiations/${richest.id}`,
    ['[data-testid="history-item"]', '[data-testid="stage-steps"]'],
    'negotiation.png',
  );

  await shoot(
    DEMO_USERS.supervisor,
    '/reports',
    ['[data-testid="report-chart"] svg text', '[data-testid="report-cell-total-rate"]'],
    'reports.png',
  );
} finally {
  await browser.close();
  await app.stop();
}
