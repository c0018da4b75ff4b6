// GenerateEmbedUrlForAnonymousUser through the embedding SDK, in Debian's
// Chromium against the real server: the anonymous URL goes to
// embedDashboard and embedVisual unchanged and draws the values a direct
// SQL query gives; the SDK's navigateToDashboard reaches the listed
// dashboards alone, and an unlisted one answers ERROR_OCCURRED Forbidden.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CreateDashboardCommand, CreateThemeCommand, GenerateEmbedUrlForAnonymousUserCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';
const LISTED = 'anon-listed'; // authorised with the sample dashboard
const UNLISTED = 'anon-unlisted'; // readable by the admin, not authorised

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

before(async () => {
  await createDashboard(LISTED);
  await createDashboard(UNLISTED);
});

const arn = (id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:dashboard/${id}`;

// createDashboard creates a one-KPI dashboard (total revenue) over the
// sample dataset, shared with the admin alone, and waits for its version.
async function createDashboard(id) {
  const region = sg.credentials.region;
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: id, Name: id,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'KPI', Visuals: [{ KPIVisual: { VisualId: 'kpi', ChartConfiguration: { FieldWells: { Values: [
        { NumericalMeasureField: { FieldId: 'rev', Column: { DataSetIdentifier: 'sales', ColumnName: 'revenue' }, AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } },
      ] } } } }] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, id);
}

async function generate(experience, more = []) {
  const out = await qs.send(new GenerateEmbedUrlForAnonymousUserCommand({
    AwsAccountId: ACCOUNT,
    Namespace: 'default',
    AuthorizedResourceArns: [arn(DASHBOARD), arn(LISTED), ...more],
    SessionTags: [{ Key: 'region', Value: 'EU' }],
    SessionLifetimeInMinutes: 15,
    ExperienceConfiguration: experience,
  }));
  assert.equal(out.Status, 200);
  assert.equal(out.AnonymousUserArn, `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/QuickSightEmbeddingAnonymousUser`);
  return out.EmbedUrl;
}

const events = (page) => page.evaluate(() => window.events);
const messages = async (page, name) => (await events(page)).filter((e) => e.kind === 'message' && e.eventName === name);

async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c, [name, count], { timeout: STEP });
  } catch (err) {
    throw new Error(`no ${count} ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await events(page), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  return messages(page, name);
}

const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => window.experience[m](...a).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [method, args]);

async function embed(method, url, more) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate(([m, u, o]) => window[m](u, [], o), [method, url, more]);
  const [loaded] = await waitForMessage(page, 'CONTENT_LOADED');
  assert.deepEqual(await messages(page, 'ERROR_OCCURRED'), []);
  const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
  return { page, frame, loaded, pageErrors };
}

const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));

describe('GenerateEmbedUrlForAnonymousUser in Chromium', () => {
  test('embedDashboard; navigateToDashboard reaches listed dashboards alone', { timeout: 120_000 }, async () => {
    const url = await generate({ Dashboard: { InitialDashboardId: DASHBOARD } });
    assert.match(url, /^https:\/\/[^/]+\/embed\/[0-9a-f]{32}\/dashboards\/sample-sales-dashboard\?code=/);
    const { page, frame, loaded, pageErrors } = await embed('embedDashboard', url);
    try {
      assert.deepEqual({ ...loaded.eventTarget, contextId: undefined }, { experienceType: 'DASHBOARD', dashboardId: DASHBOARD, discriminator: 0, contextId: undefined });
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(await kpi(frame, 'kpi-revenue'), total);

      // A listed dashboard that is shared with no anonymous reader opens:
      // the listed ARNs are the grant.
      assert.deepEqual((await call(page, 'navigateToDashboard', LISTED, {})).ok, { success: true });
      await waitForMessage(page, 'CONTENT_LOADED', 2);
      await frame.locator('#v-kpi .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi'), total);
      assert.deepEqual(await messages(page, 'ERROR_OCCURRED'), []);

      // An unlisted one is refused, and the host hears of it.
      assert.deepEqual((await call(page, 'navigateToDashboard', UNLISTED, {})).ok, { success: true });
      const [refused] = await waitForMessage(page, 'ERROR_OCCURRED');
      assert.equal(refused.message.errorCode, 'Forbidden');
      assert.equal(await frame.locator('#v-kpi').count(), 0, 'the unlisted dashboard drew');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('a custom theme among AuthorizedResourceArns; shared views through viewId', { timeout: 120_000 }, async () => {
    const region = sg.credentials.region;
    const themeArn = (id) => `arn:aws:quicksight:${region}:${ACCOUNT}:theme/${id}`;
    await qs.send(new CreateThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'anon-brand', Name: 'Brand', BaseThemeId: 'CLASSIC',
      Configuration: { UIColorPalette: { PrimaryBackground: '#FFFDF0' }, DataColorPalette: { Colors: ['#AA3377', '#228833'] } },
      Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeTheme'] }] }));
    await qs.send(new CreateThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'anon-other', Name: 'Other', BaseThemeId: 'CLASSIC',
      Configuration: { UIColorPalette: { PrimaryBackground: '#000000' } },
      Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeTheme'] }] }));
    const url = await generate({ Dashboard: { InitialDashboardId: DASHBOARD, FeatureConfigurations: { SharedView: { Enabled: true } } } }, [themeArn('anon-brand')]);
    const { page, frame, pageErrors } = await embed('embedDashboard', url);
    const refusal = (r) => r.err || (r.ok?.success === false ? `${r.ok.errorCode}: ${r.ok.message}` : '');
    try {
      assert.deepEqual((await call(page, 'setTheme', themeArn('anon-brand'))).ok, { success: true });
      assert.equal(await frame.locator('.sheet-body').evaluate((el) => el.style.getPropertyValue('--card').toUpperCase()), '#FFFDF0');
      assert.ok(refusal(await call(page, 'setTheme', themeArn('anon-other'))), 'a theme not among AuthorizedResourceArns applied');

      assert.deepEqual((await call(page, 'setParameters', [{ Name: 'Segment', Values: ['Corporate'] }])).ok, { success: true });
      await waitForMessage(page, 'PARAMETERS_CHANGED');
      const shared = (await call(page, 'createSharedView')).ok;
      assert.match(shared.message.sharedViewId, /^[0-9a-f]{32}$/);
      assert.equal(shared.message.dashboardId, DASHBOARD);
      assert.deepEqual(pageErrors, []);

      // Another anonymous reader's embed with the view id opens in it.
      const next = await generate({ Dashboard: { InitialDashboardId: DASHBOARD } });
      const viewed = await embed('embedDashboard', next, { viewId: shared.message.sharedViewId });
      try {
        const [[corporate]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Corporate'");
        assert.equal(await kpi(viewed.frame, 'kpi-revenue'), corporate);
        assert.deepEqual(viewed.pageErrors, []);
      } finally {
        await viewed.page.close();
      }
    } finally {
      await page.close();
    }
  });

  test('embedVisual shows one visual', { timeout: 90_000 }, async () => {
    const url = await generate({ DashboardVisual: { InitialDashboardVisualId: { DashboardId: DASHBOARD, SheetId: 'overview', VisualId: 'kpi-orders' } } });
    const { page, frame, loaded, pageErrors } = await embed('embedVisual', url);
    try {
      assert.deepEqual({ ...loaded.eventTarget, contextId: undefined },
        { experienceType: 'VISUAL', dashboardId: DASHBOARD, sheetId: 'overview', visualId: 'kpi-orders', discriminator: 0, contextId: undefined });
      const [[orders]] = sql('SELECT count(order_id) FROM orders');
      assert.equal(await kpi(frame, 'kpi-orders'), orders);
      assert.equal(await frame.locator('.tile').count(), 1);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
