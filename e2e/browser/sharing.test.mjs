// Sharing and exporting in Debian's Chromium through the embedding SDK:
// the admin opens the sample dashboard in embedConsole, shares it with a
// reader from the share dialog and exports a visual to CSV (its content
// equal to a direct SQL query on the sample file); the reader then opens
// the dashboard with embedDashboard and reads the drawn value. An author
// whose profile denies ShareDashboards, ExportToCsv and PrintReports sees
// neither the share form, nor the CSV export, nor Print.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  CreateCustomPermissionsCommand, GenerateEmbedUrlForRegisteredUserCommand, UpdateDashboardPermissionsCommand, UpdateUserCustomPermissionCommand,
} from '@aws-sdk/client-quicksight';
import { ACCOUNT, mintConsoleURL, mintUserURL, registerUser, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

// open embeds a console URL in the host page and returns the console frame.
async function open(url) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate((u) => window.embed(u), url);
  return { page, frame: page.frameLocator('#c iframe.quicksight-embedding-iframe'), pageErrors };
}

const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));

test('share a dashboard with a reader from the dialog, export CSV, and the reader opens it', { timeout: 120_000 }, async () => {
  const readerArn = await registerUser(qs, 'sharereader', 'READER');

  // The admin's console: the dashboard, its Share link, the dialog.
  const admin = await open(await mintConsoleURL(qs, `/dashboards/${DASHBOARD}`));
  try {
    const { page, frame } = admin;
    await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });

    // Export the revenue KPI to CSV: a download whose rows are SQL's.
    const csvLink = frame.locator('#v-kpi-revenue .export-link[data-format="csv"]');
    await csvLink.waitFor({ timeout: STEP });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP }), csvLink.click()]);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const [[total]] = sql('SELECT sum(revenue) FROM orders');
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.ok(Math.abs(Number(lines[1]) - total) < 0.01, `CSV ${lines[1]} vs SQL ${total}`);

    // A control change draws the KPI again: its export links stay.
    const region = frame.locator('details.multi[data-name="f.f-region"]');
    await region.locator('summary').click();
    await region.getByLabel('Europe', { exact: true }).check();
    const [[europe]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE region = 'Europe'");
    await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: europe.toLocaleString('en-US') }).waitFor({ timeout: STEP });
    assert.equal(await frame.locator('#v-kpi-revenue .export-link[data-format="csv"]').count(), 1, 'export links after a control change');

    await frame.locator('a.share-link-page').click({ timeout: STEP });
    await frame.locator('form.share-form').waitFor({ timeout: STEP });
    await frame.locator('form.share-form select[name="principal"]').selectOption(readerArn);
    await frame.locator('form.share-form select[name="level"]').selectOption('viewer');
    await frame.locator('form.share-form button[type="submit"]').click();
    await frame.locator('p.manage-message', { hasText: 'Saved.' }).waitFor({ timeout: STEP });
    await frame.locator('tr[data-principal$="/sharereader"] td.share-level', { hasText: 'Viewer' }).waitFor({ timeout: STEP });
    assert.deepEqual(admin.pageErrors, []);
  } finally {
    await admin.page.close();
  }

  // The reader, through embedDashboard, sees the dashboard's values.
  const out = await qs.send(new GenerateEmbedUrlForRegisteredUserCommand({
    AwsAccountId: ACCOUNT, UserArn: readerArn, SessionLifetimeInMinutes: 15,
    ExperienceConfiguration: { Dashboard: { InitialDashboardId: DASHBOARD } },
  }));
  const page = await browser.context.newPage();
  try {
    await page.goto(`${host.origin}/host`, { timeout: STEP });
    await page.evaluate((u) => window.embedDashboard(u, []), out.EmbedUrl);
    await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && (e.eventName === 'CONTENT_LOADED' || e.eventName === 'ERROR_OCCURRED')), null, { timeout: STEP });
    const events = await page.evaluate(() => window.events.filter((e) => e.kind === 'message').map((e) => e.eventName));
    assert.ok(events.includes('CONTENT_LOADED'), JSON.stringify(events));
    const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
    const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
    assert.equal(await kpi(frame, 'kpi-revenue'), total);
  } finally {
    await page.close();
  }
});

test('ShareDashboards, ExportToCsv and PrintReports DENY hide the share form, the CSV export and Print', { timeout: 120_000 }, async () => {
  const arn = await registerUser(qs, 'deniedauthor', 'AUTHOR');
  await qs.send(new CreateCustomPermissionsCommand({
    AwsAccountId: ACCOUNT, CustomPermissionsName: 'no-share-csv-print',
    Capabilities: { ShareDashboards: 'DENY', ExportToCsv: 'DENY', PrintReports: 'DENY' },
  }));
  await qs.send(new UpdateUserCustomPermissionCommand({ AwsAccountId: ACCOUNT, Namespace: 'default', UserName: 'deniedauthor', CustomPermissionsName: 'no-share-csv-print' }));
  const coOwner = ['DescribeDashboard', 'ListDashboardVersions', 'UpdateDashboardPermissions', 'QueryDashboard', 'UpdateDashboard', 'DeleteDashboard', 'DescribeDashboardPermissions', 'UpdateDashboardPublishedVersion'].map((a) => `quicksight:${a}`);
  await qs.send(new UpdateDashboardPermissionsCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD, GrantPermissions: [{ Principal: arn, Actions: coOwner }] }));

  const { page, frame, pageErrors } = await open(await mintUserURL(qs, arn, `/dashboards/${DASHBOARD}`));
  try {
    await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });
    await frame.locator('#v-kpi-revenue .export-link[data-format="xlsx"]').waitFor({ timeout: STEP });
    assert.equal(await frame.locator('.export-link[data-format="csv"]').count(), 0, 'CSV export offered');
    assert.equal(await frame.locator('button.print-sheet').count(), 0, 'Print offered');
    // The server refuses the CSV export the page does not offer.
    const consoleFrame = page.frames().find((f) => f.url().startsWith(sg.url) && !f.url().includes('/embedControl'));
    const status = await consoleFrame.evaluate(async (dashboard) => {
      const sid = location.pathname.split('/')[2];
      const resp = await fetch(`/embedding/${sid}/dashboards/${dashboard}/sheets/overview/visuals/kpi-revenue/export?format=csv`, {
        headers: { 'X-Sightglass-Session': document.querySelector('meta[name="sg-session"]').content },
      });
      return resp.status;
    }, DASHBOARD);
    assert.equal(status, 403);
    await frame.locator('a.share-link-page').click({ timeout: STEP });
    await frame.locator('table.share-list').waitFor({ timeout: STEP });
    assert.equal(await frame.locator('form.share-form').count(), 0, 'share form offered');
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

test('the analysis editor exports a visual to CSV', { timeout: 120_000 }, async () => {
  const { page, frame, pageErrors } = await open(await mintConsoleURL(qs, '/analyses/sample-sales-analysis'));
  try {
    await frame.locator('a.edit-analysis').click({ timeout: STEP });
    const link = frame.locator('#editor #v-kpi-orders .export-link[data-format="csv"]');
    await link.waitFor({ timeout: STEP });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: STEP }), link.click()]);
    const lines = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    const [[orders]] = sql('SELECT count(order_id) FROM orders');
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.equal(Number(lines[1]), orders);
    assert.ok(await frame.locator('#editor a.share-link-page').count() === 1, 'the editor links to the share dialog');
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});
