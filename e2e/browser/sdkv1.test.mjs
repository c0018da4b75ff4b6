// The legacy embedding SDK 1.x (QuickSightEmbedding.embedDashboard, npm
// amazon-quicksight-embedding-sdk@1.20.1 installed as
// amazon-quicksight-embedding-sdk-v1), in Debian's Chromium against the
// real server and its first-run sample dashboard, for applications that
// never upgraded: parameters in the options apply on load, the load,
// resize and parametersChange callbacks fire, setParameters,
// getActiveParameterValues and getSheets work over 1.x's message channel,
// and the values drawn equal a direct SQL query on the sample file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GetDashboardEmbedUrlCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const revenue = (segment) => sql(`SELECT round(sum(revenue), 2) FROM orders${segment ? ` WHERE segment = '${segment}'` : ''}`)[0][0];

async function waitForEvent(page, name, count = 1) {
  try {
    await page.waitForFunction(([n, c]) => window.events.filter((e) => e.name === n).length >= c || window.events.some((e) => e.name === 'error'), [name, count], { timeout: STEP });
  } catch (err) {
    throw new Error(`no ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await page.evaluate(() => window.events), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(events.filter((e) => e.name === 'error'), []);
  return events.filter((e) => e.name === name);
}

// ask sends a 1.x getter and resolves to its callback's payload.
const ask = (page, method) => page.evaluate((m) => new Promise((resolve) => window.dashboard[m](resolve)), method);

describe('embedding SDK 1.x in Chromium', () => {
  test('embedDashboard: load, parameters, resize', { timeout: 120_000 }, async () => {
    const out = await qs.send(new GetDashboardEmbedUrlCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD, IdentityType: 'IAM', SessionLifetimeInMinutes: 15 }));
    assert.equal(out.Status, 200);
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host-v1`, { timeout: STEP });
      await page.evaluate((u) => window.embedV1(u, { Segment: 'Consumer' }), out.EmbedUrl);
      await waitForEvent(page, 'load');
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const kpi = async () => Number((await frame.locator('#v-kpi-revenue .kpi-value').textContent()).replaceAll(',', ''));
      // The options' parameters (the URL fragment) apply on load.
      assert.equal(await kpi(), revenue('Consumer'));
      assert.deepEqual(await ask(page, 'getActiveParameterValues'), { parameters: [{ name: 'Segment', value: ['Consumer'] }, { name: 'TopN', value: ['10'] }] });
      const sheets = await ask(page, 'getSheets');
      assert.ok(Array.isArray(sheets.sheets) && sheets.sheets.some((s) => s.SheetId === 'overview'), JSON.stringify(sheets));

      // AutoFit: the frame's height follows the resize events.
      const [resize] = await waitForEvent(page, 'resize');
      assert.ok(resize.payload.height > 0, JSON.stringify(resize));
      await page.waitForFunction((h) => document.querySelector('#c iframe').height === String(h), resize.payload.height, { timeout: STEP }).catch(() => {});

      // setParameters: the numbers change and parametersChange fires.
      await page.evaluate(() => window.dashboard.setParameters({ Segment: 'Corporate' }));
      const [change] = await waitForEvent(page, 'parametersChange');
      assert.deepEqual(change.payload, { changedParameters: [{ name: 'Segment', value: ['Corporate'] }] });
      await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: revenue('Corporate').toLocaleString('en-US') }).first().waitFor({ timeout: STEP }).catch(() => {});
      assert.equal(await kpi(), revenue('Corporate'));

      // A request Sightglass cannot serve answers with an error event.
      await page.evaluate(() => window.dashboard.setQBarQuestion('why?'));
      await page.waitForFunction(() => window.events.some((e) => e.name === 'error'), null, { timeout: STEP });
      const [err] = await page.evaluate(() => window.events.filter((e) => e.name === 'error'));
      assert.equal(err.payload.errorCode, 'UNSUPPORTED_REQUEST');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
