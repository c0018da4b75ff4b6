// A dashboard page streamed tile by tile, in Debian's Chromium through the
// embedding SDK: once whole, it reports CONTENT_LOADED with every chart
// drawn, takes its script out of the body and is no longer inert; cut
// short before its end (the connection broken mid-page, made here by
// answering the frame's request with the real page truncated), it reports
// ERROR_OCCURRED and says so, never CONTENT_LOADED.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mintConsoleURL, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const env = await setUp({ browser: 'allowed' });

const loaded = (page) => page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && ['CONTENT_LOADED', 'ERROR_OCCURRED'].includes(e.eventName)), null, { timeout: STEP });
const messages = (page) => page.evaluate(() => window.events.filter((e) => e.kind === 'message').map((e) => e.eventName));

describe('a streamed dashboard page in Chromium', () => {
  test('whole: loaded, wired, every chart drawn, its script run once', { timeout: 60_000 }, async () => {
    const { page, frame, pageErrors } = await openEmbedded(env, `/dashboards/${DASHBOARD}`, STEP);
    try {
      await loaded(page);
      assert.ok((await messages(page)).includes('CONTENT_LOADED'), JSON.stringify(await messages(page)));
      assert.equal(await frame.locator('body[inert]').count(), 0, 'the page stays inert');
      assert.equal(await frame.locator('body script').count(), 0, 'the script is still in the body');
      const charts = await frame.locator('[data-echarts]').count();
      assert.ok(charts > 0);
      assert.equal(await frame.locator('[data-echarts] svg').count(), charts, 'a chart is not drawn');
      assert.equal(await frame.locator('.viewer[data-streamed] .sheet-complete').count(), 1);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('cut short: ERROR_OCCURRED, not CONTENT_LOADED', { timeout: 60_000 }, async () => {
    const page = await env.browser.context.newPage();
    let cut = false;
    await page.route(/\/embedding\/[0-9a-f]{32}\/dashboards\//, async (route) => {
      if (route.request().resourceType() !== 'document' || cut) return route.continue();
      const response = await route.fetch();
      const body = await response.text();
      const end = body.indexOf('<i class="sheet-complete"');
      assert.ok(end > 0, 'the page has no end mark');
      cut = true;
      await route.fulfill({ response, body: body.slice(0, end) });
    });
    try {
      await page.goto(`${env.host.origin}/host`, { timeout: STEP });
      await page.evaluate((u) => window.embed(u), await mintConsoleURL(env.qs, `/dashboards/${DASHBOARD}`));
      await loaded(page);
      assert.ok(cut, 'the page was not cut');
      const got = await messages(page);
      assert.ok(got.includes('ERROR_OCCURRED') && !got.includes('CONTENT_LOADED'), JSON.stringify(got));
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      assert.match(await frame.locator('.viewer .notice.error').first().textContent(), /did not load completely/);
    } finally {
      await page.close();
    }
  });
});
