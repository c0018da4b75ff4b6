// Dashboard state persistence and bookmarks (GenerateEmbedUrlForRegisteredUser's
// Dashboard FeatureConfigurations) through the embedding SDK's
// embedDashboard, in Debian's Chromium against the real server and its
// first-run sample dashboard: a user's parameters come back at the next
// embed when state persistence is on (and not when it is off); bookmarks
// are saved, applied, renamed and deleted from the viewer's toolbar, and
// the numbers drawn equal a direct SQL query on the sample file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DescribeDashboardDefinitionCommand, GenerateEmbedUrlForRegisteredUserCommand, GetSessionEmbedUrlCommand, RegisterUserCommand, UpdateDashboardPermissionsCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const revenue = (segment) => sql(`SELECT round(sum(revenue), 2) FROM orders${segment ? ` WHERE segment = '${segment}'` : ''}`)[0][0];

async function generate(features) {
  const out = await qs.send(new GenerateEmbedUrlForRegisteredUserCommand({
    AwsAccountId: ACCOUNT,
    UserArn: `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/admin`,
    SessionLifetimeInMinutes: 15,
    ExperienceConfiguration: { Dashboard: { InitialDashboardId: DASHBOARD, FeatureConfigurations: features } },
  }));
  assert.equal(out.Status, 200);
  return out.EmbedUrl;
}

async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(
      ([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c ||
        window.events.some((e) => e.kind === 'message' && e.eventName === 'ERROR_OCCURRED'),
      [name, count],
      { timeout: STEP },
    );
  } catch (err) {
    throw new Error(`no ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await page.evaluate(() => window.events), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  const errors = await page.evaluate(() => window.events.filter((e) => e.kind === 'message' && e.eventName === 'ERROR_OCCURRED'));
  assert.deepEqual(errors, []);
}

async function embed(features, more) {
  const url = await generate(features);
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate(([u, m]) => window.embedDashboard(u, [], m), [url, more]);
  await waitForMessage(page, 'CONTENT_LOADED');
  const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
  return { page, frame, pageErrors };
}

const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => window.experience[m](...a).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [method, args]);
const kpi = async (frame) => Number((await frame.locator('#v-kpi-revenue .kpi-value').textContent()).replaceAll(',', ''));
const segment = async (page) => (await call(page, 'getParameters')).ok.find((p) => p.Name === 'Segment').Values;

async function setSegment(page, value, changes) {
  assert.deepEqual((await call(page, 'setParameters', [{ Name: 'Segment', Values: [value] }])).ok, { success: true });
  await waitForMessage(page, 'PARAMETERS_CHANGED', changes);
}

describe('dashboard views in Chromium', () => {
  test('state persistence restores the last state at the next embed', { timeout: 120_000 }, async () => {
    const total = revenue();
    const corporate = revenue('Corporate');
    assert.notEqual(corporate, total);

    const first = await embed({ StatePersistence: { Enabled: true } });
    try {
      assert.equal(await kpi(first.frame), total);
      await setSegment(first.page, 'Corporate', 1);
      assert.equal(await kpi(first.frame), corporate);
      assert.deepEqual(first.pageErrors, []);
    } finally {
      await first.page.close();
    }

    const again = await embed({ StatePersistence: { Enabled: true } });
    try {
      assert.deepEqual(await segment(again.page), ['Corporate']);
      assert.equal(await kpi(again.frame), corporate);
      assert.equal(await again.frame.locator('.viewer-toolbar').count(), 0, 'no toolbar without bookmarks or shared view');
    } finally {
      await again.page.close();
    }

    // Without state persistence the dashboard opens as published.
    const plain = await embed({});
    try {
      assert.deepEqual(await segment(plain.page), []);
      assert.equal(await kpi(plain.frame), total);
    } finally {
      await plain.page.close();
    }
  });

  test('SDK requests: filter groups, bookmarks pane, shared view', { timeout: 120_000 }, async () => {
    const def = (await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD }))).Definition;
    const byId = (ids) => ids.map((id) => JSON.parse(JSON.stringify(def.FilterGroups.find((g) => g.FilterGroupId === id))));
    const ids = (groups) => groups.map((g) => g.FilterGroupId);
    const { page, frame, pageErrors } = await embed({ Bookmarks: { Enabled: true }, SharedView: { Enabled: true } });
    try {
      const overview = (await call(page, 'getFilterGroupsForSheet', 'overview')).ok;
      assert.deepEqual(ids(overview), ['fg-segment', 'fg-region', 'fg-date']);
      const products = (await call(page, 'getFilterGroupsForSheet', 'products')).ok;
      assert.deepEqual(products, byId(['fg-segment', 'fg-discount', 'fg-top-products']));
      assert.deepEqual(ids((await call(page, 'getFilterGroupsForVisual', 'products', 'bar-top-products')).ok), ['fg-segment', 'fg-discount', 'fg-top-products']);
      const other = (await call(page, 'getSheetVisuals', 'products')).ok.map((v) => v.VisualId).find((v) => v !== 'bar-top-products');
      assert.deepEqual(ids((await call(page, 'getFilterGroupsForVisual', 'products', other)).ok), ['fg-segment', 'fg-discount']);
      assert.ok((await call(page, 'getFilterGroupsForSheet', 'nope')).err, 'no sheet nope');

      assert.equal(await frame.locator('details.bookmarks').evaluate((d) => d.open), false);
      assert.deepEqual((await call(page, 'toggleBookmarksPane')).ok, { success: true });
      assert.equal(await frame.locator('details.bookmarks').evaluate((d) => d.open), true);

      await setSegment(page, 'Corporate', 1);
      const shared = (await call(page, 'createSharedView')).ok;
      // The ids QuickSight answers, which a host passes back as
      // contentOptions.viewId: a new embed opens in the view.
      assert.match(shared.message.sharedViewId, /^[0-9a-f]{32}$/);
      assert.equal(shared.message.dashboardId, DASHBOARD);
      const viewed = await embed({}, { viewId: shared.message.sharedViewId });
      try {
        assert.deepEqual(await segment(viewed.page), ['Corporate']);
        assert.equal(await kpi(viewed.frame), revenue('Corporate'));
        assert.deepEqual(viewed.pageErrors, []);
      } finally {
        await viewed.page.close();
      }
      const link = new URL(shared.message.SharedViewUrl);
      assert.equal(link.origin, sg.url);
      assert.match(link.pathname, /^\/views\/[0-9a-f]{32}$/);
      await frame.locator('.share-view').click();
      await frame.locator('.share-link').waitFor({ timeout: STEP });
      assert.match(await frame.locator('.share-link').inputValue(), /^https?:\/\/[^/]+\/views\/[0-9a-f]{32}$/);
      // The link opens the view for another reader of the dashboard, as
      // themselves, in their own console session.
      await qs.send(new RegisterUserCommand({ AwsAccountId: ACCOUNT, Namespace: 'default', IdentityType: 'QUICKSIGHT', UserName: 'viewer-b', Email: 'viewer-b@example.com', UserRole: 'READER' }));
      await qs.send(new UpdateDashboardPermissionsCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD,
        GrantPermissions: [{ Principal: `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/viewer-b`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }] }));
      const reader = await browser.context.newPage();
      try {
        const consoleURL = (await qs.send(new GetSessionEmbedUrlCommand({ AwsAccountId: ACCOUNT, EntryPoint: '/start', SessionLifetimeInMinutes: 15,
          UserArn: `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:user/default/viewer-b` }))).EmbedUrl;
        await reader.goto(`${host.origin}/host`, { timeout: STEP });
        await reader.evaluate((u) => window.embed(u), consoleURL);
        await reader.waitForFunction(() => window.events.some((e) => e.eventName === 'CONTENT_LOADED'), null, { timeout: STEP });
        const inner = reader.frames().find((f) => f.url().startsWith(sg.url) && f.url().includes('/embedding/'));
        const sid = new URL(inner.url()).pathname.split('/')[2];
        await inner.goto(`${sg.url}/embedding/${sid}${link.pathname}`, { timeout: STEP });
        await inner.waitForFunction(() => document.querySelector('.sheet-body')?.dataset.params?.includes('Corporate'), null, { timeout: STEP });
        assert.equal(Number((await inner.locator('#v-kpi-revenue .kpi-value').textContent()).replaceAll(',', '')), revenue('Corporate'));
      } finally {
        await reader.close();
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }

    // Without the features, the requests say so.
    const plain = await embed({});
    try {
      const refused = (r) => r.err || (r.ok && r.ok.success === false && r.ok.errorCode);
      assert.ok(refused(await call(plain.page, 'toggleBookmarksPane')), 'toggleBookmarksPane without bookmarks');
      assert.ok(refused(await call(plain.page, 'createSharedView')), 'createSharedView without shared view');
    } finally {
      await plain.page.close();
    }
  });

  test('bookmarks: add, apply, rename, delete', { timeout: 120_000 }, async () => {
    const consumer = revenue('Consumer');
    const corporate = revenue('Corporate');
    const { page, frame, pageErrors } = await embed({ Bookmarks: { Enabled: true } });
    const names = () => frame.locator('.bookmark-list .bookmark-apply').allTextContents();
    try {
      await setSegment(page, 'Consumer', 1);
      assert.equal(await kpi(frame), consumer);
      await frame.locator('.bookmarks > summary').click();
      await frame.locator('.bookmark-add input[name="name"]').fill('Consumer view');
      await frame.locator('.bookmark-add button[type="submit"]').click();
      await frame.locator('.bookmark-list .bookmark-apply', { hasText: 'Consumer view' }).waitFor({ timeout: STEP });
      // The same name twice is refused, and says so.
      await frame.locator('.bookmark-add input[name="name"]').fill('Consumer view');
      await frame.locator('.bookmark-add button[type="submit"]').click();
      await frame.locator('.bookmark-error', { hasText: 'already exists' }).waitFor({ timeout: STEP });

      await setSegment(page, 'Corporate', 2);
      assert.equal(await kpi(frame), corporate);
      await frame.locator('.bookmark-list .bookmark-apply', { hasText: 'Consumer view' }).click();
      await waitForMessage(page, 'PARAMETERS_CHANGED', 3);
      assert.deepEqual(await segment(page), ['Consumer']);
      assert.equal(await kpi(frame), consumer);

      await frame.locator('.bookmark-list .bookmark-rename').click();
      await frame.locator('.bookmark-rename-form input').fill('Consumers');
      await frame.locator('.bookmark-rename-form button[type="submit"]').click();
      await frame.locator('.bookmark-list .bookmark-apply', { hasText: 'Consumers' }).waitFor({ timeout: STEP });
      assert.deepEqual(await names(), ['Consumers']);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }

    // The bookmark is the user's: a new embed lists it, and deletes it.
    const next = await embed({ Bookmarks: { Enabled: true } });
    try {
      await next.frame.locator('.bookmarks > summary').click();
      await next.frame.locator('.bookmark-list .bookmark-apply', { hasText: 'Consumers' }).waitFor({ timeout: STEP });
      await next.frame.locator('.bookmark-list .bookmark-delete').click();
      await next.frame.locator('.bookmark-list .bookmark').waitFor({ state: 'detached', timeout: STEP });
      assert.deepEqual(next.pageErrors, []);
    } finally {
      await next.page.close();
    }
  });
});
