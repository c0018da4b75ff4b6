// The dataset editor in Debian's Chromium through the embedding SDK's
// embedConsole: an admin starts a dataset from the sample's orders table,
// joins a second table of the same SQLite source, adds a calculated field
// in its CodeMirror editor (checked at the server as it is typed), saves
// it as SPICE and watches the refresh panel's progress bar reach done.
// DescribeDataSet (the AWS SDK for JavaScript) returns the columns the
// editor showed, and the ingestion's row count equals a direct SQL query.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { CreateCustomPermissionsCommand, DescribeDataSetCommand, ListRefreshSchedulesCommand, UpdateDataSourcePermissionsCommand, UpdateUserCustomPermissionCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, launchBrowser, mintConsoleURL, mintUserURL, registerUser, sampleFile, setUp } from './harness.mjs';

const STEP = 20_000;

const { sg, host, qs } = await setUp();

// sql runs statements on the sample's SQLite file with Python's sqlite3
// and returns the last one's rows.
function sql(...statements) {
  const script = 'import json,sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nr=[]\nfor q in sys.argv[2:]:\n  r=c.execute(q).fetchall()\nc.commit()\nprint(json.dumps(r))';
  return JSON.parse(execFileSync('python3', ['-c', script, sampleFile(sg), ...statements], { encoding: 'utf8' }));
}

test('build, save as SPICE and refresh a joined dataset with a calculated field', { timeout: 120_000 }, async () => {
  // A second table in the sample's source, to join.
  sql(
    'CREATE TABLE region_managers (region TEXT PRIMARY KEY, manager TEXT NOT NULL)',
    "INSERT INTO region_managers SELECT DISTINCT region, 'Manager of ' || region FROM orders WHERE region <> (SELECT MIN(region) FROM orders)",
  );
  const browser = await launchBrowser('allowed', sg.url);
  try {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await page.goto(`${host.origin}/host`, { timeout: STEP });
    await page.evaluate((u) => window.embed(u), await mintConsoleURL(qs, '/start'));
    const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');

    await frame.locator('nav.main a', { hasText: 'Datasets' }).click({ timeout: STEP });
    await frame.locator('.ds-new a.name').first().click({ timeout: STEP });
    await frame.locator('button.ds-table[data-table="orders"]').click({ timeout: STEP });
    await frame.locator('#ds-draft').waitFor({ state: 'attached', timeout: STEP });

    // Join region_managers on region.
    const form = frame.locator('form.ds-join-form');
    const ref = await form.locator('select[name="ref"] option', { hasText: 'region_managers' }).getAttribute('value');
    await form.locator('select[name="ref"]').selectOption(ref);
    await form.locator('select[name="type"]').selectOption('INNER');
    await form.locator('select[name="left"]').selectOption('region');
    await form.locator('select[name="right"] option[value="manager"]').waitFor({ state: 'attached', timeout: STEP });
    await form.locator('select[name="right"]').selectOption('region');
    await form.locator('button[type="submit"]').click();
    await frame.locator('.ds-join-type', { hasText: 'INNER' }).waitFor({ timeout: STEP });
    assert.equal(await frame.locator('.ds-error').count(), 0, 'no error after the join');

    // A calculated field, typed into its CodeMirror editor: an unknown
    // field is refused with its position, the right one previews values.
    const calc = frame.locator('form.ds-calc-form');
    await calc.locator('input[name="name"]').fill('margin_pct');
    const editor = calc.locator('.cm-content');
    await editor.click();
    await page.keyboard.type('{profitt} / {revenue}');
    await calc.locator('.ds-calc-check[data-ok="false"]', { hasText: 'profitt' }).waitFor({ timeout: STEP });
    assert.equal(await calc.locator('.cm-sg-error').count(), 1, 'the error position is marked');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('{profit} / {revenue}');
    await calc.locator('.ds-calc-check[data-ok="true"]', { hasText: 'DECIMAL' }).waitFor({ timeout: STEP });
    await calc.locator('button[type="submit"]').click();
    await frame.locator('.ds-grid th', { hasText: 'margin_pct' }).waitFor({ timeout: STEP });
    const shown = await frame.locator('.ds-grid thead th').allTextContents();
    assert.deepEqual(shown.slice(-3), ['region[region_managers]', 'manager', 'margin_pct']);

    // Save as SPICE: the dataset's page opens and its progress bar
    // reaches done.
    const settings = frame.locator('form.ds-settings');
    await settings.locator('input[name="name"]').fill('Orders with managers');
    await settings.locator('select[name="mode"]').selectOption('SPICE');
    await settings.locator('button[name="save"]').click();
    await frame.locator('#ds-ingestions progress[value="100"][data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    const status = await frame.locator('#ds-ingestions .ds-progress').textContent();
    const [[joined]] = sql('SELECT COUNT(*) FROM orders o JOIN region_managers m ON o.region = m.region');
    assert.match(status, new RegExp(`COMPLETED · ${joined} rows`));

    // DescribeDataSet returns what the editor showed.
    const id = await frame.locator('main#main').getAttribute('data-resource-id');
    const out = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: id }));
    assert.equal(out.DataSet.Name, 'Orders with managers');
    assert.equal(out.DataSet.ImportMode, 'SPICE');
    assert.deepEqual(out.DataSet.OutputColumns.map((c) => c.Name), shown);
    const join = Object.values(out.DataSet.LogicalTableMap).find((t) => t.Source.JoinInstruction);
    assert.equal(join.Source.JoinInstruction.Type, 'INNER');
    assert.equal(join.Source.JoinInstruction.OnClause, '{region} = {region[region_managers]}');
    const ops = Object.values(out.DataSet.LogicalTableMap).flatMap((t) => t.DataTransforms || []);
    assert.ok(ops.some((op) => op.CreateColumnsOperation?.Columns[0].Expression === '{profit} / {revenue}'), JSON.stringify(ops));

    // A daily refresh schedule from the SPICE panel's form: the API lists
    // it; a time of day that is none shows the API's refusal.
    const schedules = frame.locator('#ds-schedules');
    const sform = schedules.locator('form.ds-schedule-form');
    await sform.locator('input[name="time"]').fill('25:00', { timeout: STEP });
    await sform.locator('button[type="submit"]').click();
    await schedules.locator('.ds-refused', { hasText: 'TimeOfTheDay' }).waitFor({ timeout: STEP });
    await sform.locator('input[name="time"]').fill('06:45');
    await sform.locator('input[name="timezone"]').fill('America/New_York');
    await sform.locator('button[type="submit"]').click();
    await schedules.locator('tr[data-schedule]').waitFor({ timeout: STEP });
    const listed = await qs.send(new ListRefreshSchedulesCommand({ AwsAccountId: ACCOUNT, DataSetId: id }));
    assert.equal(listed.RefreshSchedules.length, 1);
    assert.deepEqual(listed.RefreshSchedules[0].ScheduleFrequency, { Interval: 'DAILY', TimeOfTheDay: '06:45', Timezone: 'America/New_York' });
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
});

// The custom SQL editor completes a table's columns after "t." or an
// alias, and in the SELECT list of a statement that reads FROM t.
test('the SQL editor completes column names', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser('allowed', sg.url);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/host`, { timeout: STEP });
    await page.evaluate((u) => window.embed(u), await mintConsoleURL(qs, '/start'));
    const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
    await frame.locator('nav.main a', { hasText: 'Datasets' }).click({ timeout: STEP });
    await frame.locator('.ds-new a.name').first().click({ timeout: STEP });
    const editor = frame.locator('form.ds-sql .cm-content');
    await editor.click({ timeout: STEP });
    const options = frame.locator('.cm-tooltip-autocomplete li');
    await page.keyboard.type('SELECT orders.reg');
    await options.filter({ hasText: 'region' }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT o.cat FROM orders o');
    for (let i = 0; i < ' FROM orders o'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    await options.filter({ hasText: 'category' }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT  FROM orders');
    for (let i = 0; i < ' FROM orders'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('reg');
    await options.filter({ hasText: 'region' }).first().waitFor({ timeout: STEP });
  } finally {
    await browser.close();
  }
});

// An author whose custom permissions deny CreateSPICEDataset gets no SPICE
// choice in the editor, and a SPICE save posted from the frame anyway is
// refused by the server (datacapabilities.test.mjs covers each capability).
test('DENY CreateSPICEDataset hides SPICE and the server refuses it', { timeout: 90_000 }, async () => {
  const arn = await registerUser(qs, 'spiceless', 'AUTHOR');
  await qs.send(new CreateCustomPermissionsCommand({ AwsAccountId: ACCOUNT, CustomPermissionsName: 'no-spice', Capabilities: { CreateSPICEDataset: 'DENY' } }));
  await qs.send(new UpdateUserCustomPermissionCommand({ AwsAccountId: ACCOUNT, Namespace: 'default', UserName: 'spiceless', CustomPermissionsName: 'no-spice' }));
  await qs.send(new UpdateDataSourcePermissionsCommand({ AwsAccountId: ACCOUNT, DataSourceId: 'sample-sales',
    GrantPermissions: [{ Principal: arn, Actions: ['quicksight:DescribeDataSource', 'quicksight:PassDataSource'] }] }));
  const browser = await launchBrowser('allowed', sg.url);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${host.origin}/host`, { timeout: STEP });
    await page.evaluate((u) => window.embed(u), await mintUserURL(qs, arn, '/start'));
    const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
    await frame.locator('nav.main a', { hasText: 'Datasets' }).click({ timeout: STEP });
    await frame.locator('.ds-new a.name').first().click({ timeout: STEP });
    await frame.locator('button.ds-table[data-table="orders"]').click({ timeout: STEP });
    const mode = frame.locator('form.ds-settings select[name="mode"]');
    await mode.waitFor({ timeout: STEP });
    assert.deepEqual(await mode.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['DIRECT_QUERY']);

    // The same save with SPICE, posted by the frame's own script.
    const consoleFrame = page.frames().find((f) => f.url().startsWith(sg.url) && !f.url().includes('/embedControl'));
    const answer = await consoleFrame.evaluate(async () => {
      const body = new URLSearchParams({ draft: document.getElementById('ds-draft').value, mode: 'SPICE' });
      const sid = location.pathname.split('/')[2];
      const resp = await fetch(`/embedding/${sid}/data/sets/editor/save`, {
        method: 'POST', body,
        headers: { 'X-Sightglass-Session': document.querySelector('meta[name="sg-session"]').content },
      });
      return { status: resp.status, text: await resp.text() };
    });
    assert.equal(answer.status, 403);
    assert.match(answer.text, /deny CreateSPICEDataset/);
    // Direct query is still allowed.
    await frame.locator('form.ds-settings button[name="save"]').click();
    await frame.locator('main#main[data-page-type="DATASET"] .meta', { hasText: 'Direct query' }).waitFor({ timeout: STEP });
  } finally {
    await browser.close();
  }
});
