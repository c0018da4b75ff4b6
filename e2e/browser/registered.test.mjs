// GenerateEmbedUrlForRegisteredUser through the embedding SDK, in Debian's
// Chromium against the real server and its first-run sample dashboard: the
// URL the API returns goes to embedDashboard and embedVisual unchanged, and
// the values the frames draw equal a direct SQL query on the sample file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GenerateEmbedUrlForRegisteredUserCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

// generate mints a URL for the bootstrap ADMIN user "admin".
async function generate(experience) {
  const out = await qs.send(new GenerateEmbedUrlForRegisteredUserCommand({
    AwsAccountId: ACCOUNT,
    UserArn: `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/admin`,
    SessionLifetimeInMinutes: 15,
    ExperienceConfiguration: experience,
  }));
  assert.equal(out.Status, 200);
  return out.EmbedUrl;
}

async function embed(method, url) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate(([m, u]) => window[m](u), [method, url]);
  try {
    await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && (e.eventName === 'CONTENT_LOADED' || e.eventName === 'ERROR_OCCURRED')), null, { timeout: STEP });
  } catch (err) {
    throw new Error(`no CONTENT_LOADED within ${STEP} ms; recorded:\n${JSON.stringify(await page.evaluate(() => window.events), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  const events = await page.evaluate(() => window.events.filter((e) => e.kind === 'message'));
  const loaded = events.find((e) => e.eventName === 'CONTENT_LOADED');
  assert.ok(loaded, `ERROR_OCCURRED instead of CONTENT_LOADED: ${JSON.stringify(events)}`);
  const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
  return { page, frame, loaded, pageErrors };
}

const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));

describe('GenerateEmbedUrlForRegisteredUser in Chromium', () => {
  test('embedDashboard with the URL as returned', { timeout: 90_000 }, async () => {
    const url = await generate({ Dashboard: { InitialDashboardId: DASHBOARD } });
    assert.match(url, /^https:\/\/[^/]+\/embed\/[0-9a-f]{32}\/dashboards\/sample-sales-dashboard\?code=/);
    const { page, frame, loaded, pageErrors } = await embed('embedDashboard', url);
    try {
      assert.deepEqual({ ...loaded.eventTarget, contextId: undefined }, { experienceType: 'DASHBOARD', dashboardId: DASHBOARD, discriminator: 0, contextId: undefined });
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(await kpi(frame, 'kpi-revenue'), total);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('embedVisual shows one visual', { timeout: 90_000 }, async () => {
    const url = await generate({ DashboardVisual: { InitialDashboardVisualId: { DashboardId: DASHBOARD, SheetId: 'overview', VisualId: 'kpi-orders' } } });
    assert.match(url, /^https:\/\/[^/]+\/embed\/[0-9a-f]{32}\/dashboards\/sample-sales-dashboard\/sheets\/overview\/visuals\/kpi-orders\?code=/);
    const { page, frame, loaded, pageErrors } = await embed('embedVisual', url);
    try {
      assert.deepEqual({ ...loaded.eventTarget, contextId: undefined },
        { experienceType: 'VISUAL', dashboardId: DASHBOARD, sheetId: 'overview', visualId: 'kpi-orders', discriminator: 0, contextId: undefined });
      const [[orders]] = sql('SELECT count(order_id) FROM orders');
      assert.equal(await kpi(frame, 'kpi-orders'), orders);
      assert.equal(await frame.locator('.tile').count(), 1);
      // The frame answers the SDK's requests through the control frame.
      const actions = await page.evaluate(() => window.experience.getActions().then((r) => r, (e) => String(e)));
      assert.ok(Array.isArray(actions), JSON.stringify(actions));
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
