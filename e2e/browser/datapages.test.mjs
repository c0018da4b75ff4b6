// The data pages in Debian's Chromium, inside a host page through the
// embedding SDK's embedConsole: upload a CSV and an XLSX with a bad row (the
// page names the line and column; nothing is stored), then a good one
// whose DescribeDataSet equals what the page showed; create PostgreSQL and
// MariaDB data sources with a wrong password (the page explains it) and fix
// them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { DescribeDataSetCommand, DescribeDataSourceCommand, ListDataSetsCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, launchBrowser, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;
const here = path.dirname(fileURLToPath(import.meta.url));

const { sg, host, qs } = await setUp({ flags: ['--data-source-hosts', '127.0.0.1'] });

// openConsole embeds the console for the bootstrap admin and returns the
// host page and the console frame.
async function openConsole(context) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate((u) => window.embed(u), await mintConsoleURL(qs, '/start'));
  await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && e.eventName === 'CONTENT_LOADED'), null, { timeout: STEP });
  return { page, frame: page.frameLocator('#c iframe.quicksight-embedding-iframe'), pageErrors };
}

const dataSets = async () => (await qs.send(new ListDataSetsCommand({ AwsAccountId: ACCOUNT }))).DataSetSummaries ?? [];

// upload opens the upload page from the navigation and sends a file.
async function upload(frame, name, buffer) {
  await frame.getByRole('link', { name: 'Data', exact: true }).click();
  await frame.getByRole('link', { name: 'Upload a file' }).click();
  await frame.locator('input[name="file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await frame.getByRole('button', { name: 'Upload' }).click();
  await frame.locator('#upload-preview').waitFor({ timeout: STEP });
}

// importedColumns reads the columns the result page shows.
async function importedColumns(frame) {
  await frame.locator('#imported-columns').waitFor({ timeout: STEP });
  return frame.locator('#imported-columns tbody tr').evaluateAll((rows) => rows.map((r) => ({ Name: r.cells[0].textContent, Type: r.cells[1].textContent })));
}

// describeColumns is what DescribeDataSet says of the dataset's columns.
async function describeColumns(id) {
  const out = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: id }));
  assert.equal(out.DataSet.ImportMode, 'SPICE');
  return out.DataSet.OutputColumns.map((c) => ({ Name: c.Name, Type: c.Type }));
}

describe('file uploads', () => {
  test('a CSV and an XLSX with a bad row store nothing; good ones import as the page shows', { timeout: 120_000 }, async () => {
    const browser = await launchBrowser('third-party blocked', sg.url);
    try {
      const { frame, pageErrors } = await openConsole(browser.context);
      const before = (await dataSets()).length; // the sample's

      // CSV: the sample infers STRING for amount; as INTEGER, line 4 is bad.
      await upload(frame, 'sales.csv', Buffer.from('region,amount\nEast,10\nWest,20\nNorth,2O\n'));
      assert.equal(await frame.locator('select[name="type1"]').inputValue(), 'STRING');
      await frame.locator('select[name="type1"]').selectOption('INTEGER');
      await frame.locator('#import').click();
      await frame.locator('#upload-error').waitFor({ timeout: STEP });
      assert.match(await frame.locator('#upload-error').textContent(), /line 4, column 2 \(amount\): "2O" is not a whole number/);
      assert.equal((await dataSets()).length, before);

      // Read again with the author's settings: no header row.
      await upload(frame, 'sales.csv', Buffer.from('region,amount,day\nEast,10,2024-01-31\nWest,20,2024-02-01\n'));
      await frame.locator('input[name="header"]').uncheck();
      await frame.getByRole('button', { name: 'Read again' }).click();
      await frame.locator('input[name="name0"][value="Column 1"]').waitFor({ timeout: STEP });
      await frame.locator('input[name="header"]').check();
      await frame.getByRole('button', { name: 'Read again' }).click();
      await frame.locator('input[name="name0"][value="region"]').waitFor({ timeout: STEP });
      await frame.locator('input[name="dsname"]').fill('Sales upload');
      await frame.locator('#import').click();
      const shown = await importedColumns(frame);
      const id = await frame.locator('#dataset-id').textContent();
      assert.deepEqual(shown, [{ Name: 'region', Type: 'STRING' }, { Name: 'amount', Type: 'INTEGER' }, { Name: 'day', Type: 'DATETIME' }]);
      assert.deepEqual(await describeColumns(id), shown);
      await frame.locator('#ingestion-status[data-status="COMPLETED"]').waitFor({ timeout: STEP });
      assert.match(await frame.locator('#ingestion-status').textContent(), /2 rows/);

      // XLSX: the bad workbook's row 3 is not a number.
      await upload(frame, 'cities.xlsx', fs.readFileSync(path.join(here, 'testdata', 'cities-bad.xlsx')));
      await frame.locator('select[name="type1"]').selectOption('INTEGER');
      await frame.locator('#import').click();
      await frame.locator('#upload-error').waitFor({ timeout: STEP });
      assert.match(await frame.locator('#upload-error').textContent(), /line 3, column 2 \(pop\)/);
      assert.equal((await dataSets()).length, before + 1);

      await upload(frame, 'cities.xlsx', fs.readFileSync(path.join(here, 'testdata', 'cities.xlsx')));
      await frame.locator('#import').click();
      const cities = await importedColumns(frame);
      assert.deepEqual(cities, [{ Name: 'city', Type: 'STRING' }, { Name: 'pop', Type: 'INTEGER' }]);
      assert.deepEqual(await describeColumns(await frame.locator('#dataset-id').textContent()), cities);
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });
});

// mariaDB runs SQL as MariaDB's root; false if there is no local MariaDB.
function mariaDB(sql) {
  try {
    execFileSync('mariadb', ['-uroot', '-h127.0.0.1', '-P3306', '-e', sql], { stdio: 'pipe', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

// pgChecksPassword reports whether the local PostgreSQL refuses a wrong
// password for the role scripts/test-deps.sh makes for this.
function pgChecksPassword(user) {
  try {
    execFileSync('psql', ['-h', '127.0.0.1', '-U', user, '-d', 'postgres', '-Atqc', 'select 1'], { stdio: 'pipe', timeout: 10_000, env: { ...process.env, PGPASSWORD: 'not-the-password' } });
    return false;
  } catch {
    return true;
  }
}

// wrongPasswordFixed creates a data source with a wrong password on the
// console's form, sees the explanation, and fixes it.
async function wrongPasswordFixed(src) {
  const browser = await launchBrowser('third-party blocked', sg.url);
  try {
    const { frame, pageErrors } = await openConsole(browser.context);
    await frame.getByRole('link', { name: 'Data', exact: true }).click();
    await frame.getByRole('link', { name: 'New data source' }).click();
    const form = frame.locator('form.source-form');
    await form.locator('select[name="type"]').selectOption(src.type);
    await form.locator('input[name="name"]').fill('Test database');
    await form.locator('input[name="host"]').fill('127.0.0.1');
    await form.locator('input[name="port"]').fill(src.port);
    await form.locator('input[name="database"]').fill(src.database);
    await form.locator('input[name="username"]').fill(src.user);
    await form.locator('input[name="password"]').fill('not-the-password');
    await form.locator('input[name="disableSsl"]').check();

    // The live test explains the failure in words.
    await frame.getByRole('button', { name: 'Test connection' }).click();
    await frame.locator('#connection-result .problem h2').waitFor({ timeout: STEP });
    assert.equal(await frame.locator('#connection-result .problem h2').textContent(), 'Wrong user name or password');

    // Created anyway (as CreateDataSource does): CREATION_FAILED, explained.
    await frame.getByRole('button', { name: 'Create data source' }).click();
    await frame.locator('#source-status').waitFor({ timeout: STEP });
    assert.equal(await frame.locator('#source-status').textContent(), 'CREATION_FAILED');
    assert.equal(await frame.locator('.problem h2').first().textContent(), 'Wrong user name or password');
    const id = await frame.locator('dl.facts code').textContent();

    // Fixed: the right password on the edit form.
    await frame.locator('form.source-form input[name="password"]').fill(src.password);
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.locator('#source-status', { hasText: 'UPDATE_SUCCESSFUL' }).waitFor({ timeout: STEP });
    const out = await qs.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: id }));
    assert.equal(out.DataSource.Status, 'UPDATE_SUCCESSFUL');
    assert.equal(out.DataSource.Name, 'Test database');
    assert.equal(out.DataSource.Type, src.type);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
  }
}

describe('data sources', () => {
  test('a wrong PostgreSQL password is explained, then fixed', { timeout: 90_000 }, async (t) => {
    if (!pgChecksPassword('sg_pw')) {
      t.skip('the local PostgreSQL does not check role sg_pw\'s password: run scripts/test-deps.sh');
      return;
    }
    await wrongPasswordFixed({ type: 'POSTGRESQL', port: '5432', database: 'postgres', user: 'sg_pw', password: 'sg-pw-Secret-1' });
  });

  test('a wrong MariaDB password is explained, then fixed', { timeout: 90_000 }, async (t) => {
    const user = 'sg_browser';
    const password = 'browser-Secret-7';
    if (!mariaDB(`DROP USER IF EXISTS '${user}'@'%'; CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'; GRANT SELECT ON test.* TO '${user}'@'%'`)) {
      t.skip('no local MariaDB');
      return;
    }
    try {
      await wrongPasswordFixed({ type: 'MARIADB', port: '3306', database: 'test', user, password });
    } finally {
      mariaDB(`DROP USER IF EXISTS '${user}'@'%'`);
    }
  });
});
