// The embedding SDK 2.x's remaining dashboard requests, through the npm
// package unchanged, in Debian's Chromium against the real server and its
// first-run sample dashboard: custom visual actions set by the host
// (a CALLBACK_OPERATION reaches the host's onMessage with the clicked data
// point, whose values equal a direct SQL query), actions Sightglass cannot
// run refused; undo, redo and reset of the viewer's state; a theme
// override; and the requests Sightglass cannot serve answered with the
// SDK's error response naming them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DescribeThemeCommand, GenerateEmbedUrlForRegisteredUserCommand, GetDashboardEmbedUrlCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const revenue = (segment) => sql(`SELECT round(sum(revenue), 2) FROM orders${segment ? ` WHERE segment = '${segment}'` : ''}`)[0][0];

async function embed(legacyFlags) {
  const userArn = `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/admin`;
  const out = legacyFlags
    ? await qs.send(new GetDashboardEmbedUrlCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD, IdentityType: 'QUICKSIGHT', UserArn: userArn, SessionLifetimeInMinutes: 15, ...legacyFlags }))
    : await qs.send(new GenerateEmbedUrlForRegisteredUserCommand({
      AwsAccountId: ACCOUNT,
      UserArn: userArn,
      SessionLifetimeInMinutes: 15,
      ExperienceConfiguration: { Dashboard: { InitialDashboardId: DASHBOARD } },
    }));
  assert.equal(out.Status, 200);
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate((u) => window.embedDashboard(u, []), out.EmbedUrl);
  await waitForMessage(page, 'CONTENT_LOADED');
  return { page, frame: page.frameLocator('#c iframe.quicksight-embedding-iframe'), pageErrors };
}

async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(
      ([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c,
      [name, count],
      { timeout: STEP },
    );
  } catch (err) {
    throw new Error(`no ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await page.evaluate(() => window.events), null, 1)}`, { cause: err });
  }
  return page.evaluate((n) => window.events.filter((e) => e.kind === 'message' && e.eventName === n), name);
}

const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => window.experience[m](...a).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [method, args]);
const kpi = async (frame) => Number((await frame.locator('#v-kpi-revenue .kpi-value').textContent()).replaceAll(',', ''));
const refusal = (r) => r.err || (r.ok && r.ok.success === false ? `${r.ok.errorCode}: ${r.ok.message}` : '');

async function setSegment(page, value, changes) {
  assert.deepEqual((await call(page, 'setParameters', [{ Name: 'Segment', Values: [value] }])).ok, { success: true });
  await waitForMessage(page, 'PARAMETERS_CHANGED', changes);
}

// waitKPI waits for the revenue KPI to show want.
async function waitKPI(frame, want) {
  await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: want.toLocaleString('en-US', { maximumFractionDigits: 2 }) }).waitFor({ timeout: STEP });
}

const callback = {
  CustomActionId: 'host-callback',
  Name: 'Tell the host',
  Trigger: 'DATA_POINT_CLICK',
  Status: 'ENABLED',
  ActionOperations: [{ CallbackOperation: { EmbeddingMessage: {} } }],
};

describe('SDK dashboard requests in Chromium', () => {
  test('custom visual actions: a CALLBACK_OPERATION reaches the host with the clicked data point', { timeout: 120_000 }, async () => {
    const { page, frame, pageErrors } = await embed();
    try {
      assert.deepEqual((await call(page, 'setVisualActions', 'overview', 'bar-region', [callback])).ok, { success: true });
      const got = (await call(page, 'getVisualActions', 'overview', 'bar-region')).ok;
      assert.deepEqual(got, [callback]);

      // Refused, by name: an operation Sightglass does not run for SDK
      // actions, two click actions, an unknown visual.
      const filter = { ...callback, CustomActionId: 'f', ActionOperations: [{ FilterOperation: { SelectedFieldsConfiguration: {}, TargetVisualsConfiguration: {} } }] };
      assert.match(refusal(await call(page, 'addVisualActions', 'overview', 'bar-region', [filter])), /FilterOperation is not supported/);
      assert.match(refusal(await call(page, 'addVisualActions', 'overview', 'bar-region', [{ ...callback, CustomActionId: 'second' }])), /only one enabled DATA_POINT_CLICK/);
      assert.match(refusal(await call(page, 'setVisualActions', 'overview', 'no-such-visual', [callback])), /no-such-visual/);
      assert.deepEqual((await call(page, 'getVisualActions', 'overview', 'bar-region')).ok, [callback], 'a refused request changes nothing');

      // Click the tallest bar: the host hears of it, with the region and
      // its revenue as SQL computes them.
      await frame.locator('#v-bar-region svg').waitFor({ timeout: STEP });
      const box = await frame.locator('#v-bar-region svg path').evaluateAll((paths) => {
        let best = null;
        for (const p of paths) {
          const fill = p.getAttribute('fill') || '';
          const r = p.getBoundingClientRect();
          if (!fill.startsWith('#') && !fill.startsWith('rgb')) continue;
          if (r.width < 4 || r.height < 4 || r.width > 200) continue;
          if (!best || r.height > best.height) best = { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
        }
        return best;
      });
      assert.ok(box, 'a bar to click');
      const iframe = await page.locator('#c iframe.quicksight-embedding-iframe').boundingBox();
      await page.mouse.click(iframe.x + box.x, iframe.y + box.y);
      const [ev] = await waitForMessage(page, 'CALLBACK_OPERATION_INVOKED');
      assert.equal(ev.message.CustomActionId, 'host-callback');
      assert.equal(ev.message.DashboardId, DASHBOARD);
      assert.equal(ev.message.SheetId, 'overview');
      assert.equal(ev.message.VisualId, 'bar-region');
      const [region, value] = ev.message.Datapoints[0].FormattedValues.map((v) => v.Value);
      const byRegion = Object.fromEntries(sql('SELECT region, round(sum(revenue), 2) FROM orders GROUP BY region'));
      const [top] = sql('SELECT region FROM orders GROUP BY region ORDER BY sum(revenue) DESC LIMIT 1')[0];
      assert.equal(region, top, 'the tallest bar is the region with the most revenue');
      assert.ok(Math.abs(Number(value) - byRegion[region]) < 0.01, `clicked value ${value}, SQL ${byRegion[region]}`);

      // Removing the action stops the callbacks.
      assert.deepEqual((await call(page, 'removeVisualActions', 'overview', 'bar-region', [callback])).ok, { success: true });
      assert.deepEqual((await call(page, 'getVisualActions', 'overview', 'bar-region')).ok, []);
      await page.mouse.click(iframe.x + box.x, iframe.y + box.y);
      await page.waitForTimeout(300);
      assert.equal((await page.evaluate(() => window.events.filter((e) => e.eventName === 'CALLBACK_OPERATION_INVOKED'))).length, 1);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('undo, redo and reset of the viewer state', { timeout: 120_000 }, async () => {
    const total = revenue();
    const corporate = revenue('Corporate');
    const consumer = revenue('Consumer');
    const { page, frame, pageErrors } = await embed();
    try {
      assert.match(refusal(await call(page, 'undo')), /NOTHING_TO_UNDO/);
      await setSegment(page, 'Corporate', 1);
      await waitKPI(frame, corporate);
      await setSegment(page, 'Consumer', 2);
      await waitKPI(frame, consumer);

      assert.deepEqual((await call(page, 'undo')).ok, { success: true });
      await waitKPI(frame, corporate);
      assert.deepEqual((await call(page, 'undo')).ok, { success: true });
      await waitKPI(frame, total);
      assert.deepEqual((await call(page, 'redo')).ok, { success: true });
      await waitKPI(frame, corporate);
      assert.equal(await kpi(frame), corporate);

      assert.deepEqual((await call(page, 'reset')).ok, { success: true });
      await waitKPI(frame, total);
      assert.deepEqual((await call(page, 'getParameters')).ok.find((p) => p.Name === 'Segment').Values, []);
      assert.match(refusal(await call(page, 'redo')), /NOTHING_TO_REDO/);
      assert.deepEqual((await call(page, 'undo')).ok, { success: true }, 'a reset is undone like any change');
      await waitKPI(frame, corporate);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
    // GetDashboardEmbedUrl's undo-redo-disabled and reset-disabled turn
    // them off.
    const off = await embed({ UndoRedoDisabled: true, ResetDisabled: true });
    try {
      await setSegment(off.page, 'Corporate', 1);
      await waitKPI(off.frame, corporate);
      assert.match(refusal(await call(off.page, 'undo')), /UNDO_REDO_DISABLED/);
      assert.match(refusal(await call(off.page, 'redo')), /UNDO_REDO_DISABLED/);
      assert.match(refusal(await call(off.page, 'reset')), /RESET_DISABLED/);
      assert.equal(await kpi(off.frame), corporate);
    } finally {
      await off.page.close();
    }
  });

  test('theme override; what Sightglass cannot do is refused by name', { timeout: 120_000 }, async () => {
    const { page, frame, pageErrors } = await embed();
    try {
      const override = {
        DataColorPalette: { Colors: ['#AA3377', '#228833'] },
        UIColorPalette: { PrimaryBackground: '#FFFDF0', Accent: '#AA3377' },
        Typography: { FontFamilies: [{ FontFamily: 'Verdana' }] },
      };
      assert.deepEqual((await call(page, 'setThemeOverride', override)).ok, { success: true });
      const style = await frame.locator('.sheet-body').evaluate((el) => [el.style.getPropertyValue('--card'), el.style.getPropertyValue('--accent'), el.style.getPropertyValue('font-family')]);
      assert.deepEqual(style, ['#FFFDF0', '#AA3377', "Verdana, sans-serif"]);
      await frame.locator('#v-bar-region svg path[fill="#AA3377"], #v-bar-region svg path[fill="rgb(170,51,119)"]').first().waitFor({ timeout: STEP });
      // Kept across a render of the sheet.
      await setSegment(page, 'Corporate', 1);
      await frame.locator('#v-bar-region svg path[fill="#AA3377"], #v-bar-region svg path[fill="rgb(170,51,119)"]').first().waitFor({ timeout: STEP });
      assert.match(refusal(await call(page, 'setThemeOverride', { Sheet: { Tile: {} } })), /Sheet is not supported/);
      assert.match(refusal(await call(page, 'setThemeOverride', { DataColorPalette: { Colors: ['red'] } })), /#RRGGBB/);

      // A theme by ARN: a starting theme applies its UI palette and data
      // colors, as DescribeTheme gives them; an unknown one is refused.
      const midnight = (await qs.send(new DescribeThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'MIDNIGHT' }))).Theme.Version.Configuration;
      assert.deepEqual((await call(page, 'setTheme', 'arn:aws:quicksight::aws:theme/MIDNIGHT')).ok, { success: true });
      const card = await frame.locator('.sheet-body').evaluate((el) => el.style.getPropertyValue('--card'));
      assert.equal(card.toUpperCase(), midnight.UIColorPalette.PrimaryBackground.toUpperCase());
      const first = midnight.DataColorPalette.Colors[0].toUpperCase();
      await frame.locator(`#v-bar-region svg path[fill="${first}"], #v-bar-region svg path[fill="${first.toLowerCase()}"]`).first().waitFor({ timeout: STEP });
      assert.match(refusal(await call(page, 'setTheme', 'arn:aws:quicksight::aws:theme/NO_SUCH_THEME')), /THEME_NOT_FOUND/);
      assert.match(refusal(await call(page, 'setTheme', `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:theme/missing`)), /THEME_NOT_FOUND/);
      assert.match(refusal(await call(page, 'setTheme', 'not an arn')), /INVALID_THEME_ARN/);
      assert.match(refusal(await call(page, 'toggleExecutiveSummaryPane')), /TOGGLE_EXECUTIVE_SUMMARY_PANE is not supported/);
      assert.match(refusal(await call(page, 'toggleSchedulingPane')), /not supported/);
      assert.match(refusal(await call(page, 'addFilterGroups', [])), /ADD_FILTER_GROUPS is not supported/);
      // Answered for real.
      assert.deepEqual((await call(page, 'getSelectedSheetId')).ok, 'overview');
      assert.deepEqual((await call(page, 'setSelectedSheetId', 'products')).ok, { success: true });
      assert.deepEqual((await call(page, 'getSelectedSheetId')).ok, 'products');
      assert.ok((await call(page, 'getSheets')).ok.some((s) => s.SheetId === 'products'));
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
