// Every data capability of a custom permissions profile, DENY against the
// default, in Debian's Chromium through the embedding SDK's embedConsole.
// For each of CreateAndUpdateDataSources, ShareDataSources,
// CreateAndUpdateDatasets, ShareDatasets and CreateSPICEDataset an author
// gets a profile that denies it alone (CreateCustomPermissions +
// UpdateUserCustomPermission); a default author is the control. Each
// author's console shows exactly the controls its profile allows, and the
// page's own kind of request (fetch with the session header, sent from the
// console frame) for each governed action is refused with 403 exactly
// where the profile denies it. One server and one browser serve all cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CreateCustomPermissionsCommand, CreateDataSetCommand, DescribeDataSourceCommand, UpdateDataSourcePermissionsCommand, UpdateUserCustomPermissionCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, launchBrowser, mintUserURL, registerUser, setUp } from './harness.mjs';

const STEP = 15_000;
const SOURCE = 'sample-sales';

// The capabilities under test; '' is the default author.
const CASES = ['', 'CreateAndUpdateDataSources', 'ShareDataSources', 'CreateAndUpdateDatasets', 'ShareDatasets', 'CreateSPICEDataset'];

// The capabilities each action and control needs (the SPICE choice and the
// upload are part of creating a dataset, so they need both dataset
// capabilities).
const NEEDS = {
  createSource: ['CreateAndUpdateDataSources'],
  shareSource: ['ShareDataSources'],
  saveDirect: ['CreateAndUpdateDatasets'],
  saveSpice: ['CreateAndUpdateDatasets', 'CreateSPICEDataset'],
  shareSet: ['ShareDatasets'],
  newSourceLink: ['CreateAndUpdateDataSources'],
  uploadLink: ['CreateAndUpdateDatasets', 'CreateSPICEDataset'],
  sourceShareForm: ['ShareDataSources'],
  sourceDelete: ['CreateAndUpdateDataSources'],
  newDataSet: ['CreateAndUpdateDatasets'],
  editor: ['CreateAndUpdateDatasets'],
  setShareForm: ['ShareDatasets'],
  spiceChoice: ['CreateAndUpdateDatasets', 'CreateSPICEDataset'],
};
const allowed = (denied, what) => !NEEDS[what].includes(denied);

// The status an allowed action answers (a save redirects with HX-Location).
const ALLOWED_STATUS = { createSource: 200, shareSource: 200, saveDirect: 204, saveSpice: 204, shareSet: 200 };

const SOURCE_ACTIONS = ['DescribeDataSource', 'DescribeDataSourcePermissions', 'PassDataSource', 'UpdateDataSource', 'DeleteDataSource', 'UpdateDataSourcePermissions'].map((a) => `quicksight:${a}`);
const DATASET_ACTIONS = ['DescribeDataSet', 'DescribeDataSetPermissions', 'PassDataSet', 'DescribeIngestion', 'ListIngestions', 'UpdateDataSet', 'DeleteDataSet', 'CreateIngestion', 'CancelIngestion', 'UpdateDataSetPermissions'].map((a) => `quicksight:${a}`);

const { sg, host, qs } = await setUp({ flags: ['--data-source-hosts', '127.0.0.1'] });

// draft is a new dataset of the sample's orders table, as the editor's
// #ds-draft carries it.
function draft(sourceArn, mode) {
  return JSON.stringify({
    Create: true, Name: `Orders ${mode}`, ImportMode: mode, DataSourceId: SOURCE,
    PhysicalTableMap: { t1: { RelationalTable: { DataSourceArn: sourceArn, Name: 'orders', InputColumns: [{ Name: 'region', Type: 'STRING' }] } } },
    LogicalTableMap: { t1: { Alias: 'orders', Source: { PhysicalTableId: 't1' } } },
  });
}

// post sends a form from inside the console frame the way the page's own
// requests do (same origin, X-Sightglass-Session header).
async function post(consoleFrame, suffix, fields) {
  return consoleFrame.evaluate(async ({ suffix, fields }) => {
    const sid = location.pathname.split('/')[2];
    const resp = await fetch(`/embedding/${sid}${suffix}`, {
      method: 'POST', body: new URLSearchParams(fields),
      headers: { 'X-Sightglass-Session': document.querySelector('meta[name="sg-session"]').content },
    });
    return { status: resp.status, text: await resp.text() };
  }, { suffix, fields });
}

test('each data capability DENY hides its control and the server refuses its action', { timeout: 120_000 }, async () => {
  const sourceArn = (await qs.send(new DescribeDataSourceCommand({ AwsAccountId: ACCOUNT, DataSourceId: SOURCE }))).DataSource.Arn;
  await registerUser(qs, 'capbystander', 'AUTHOR');
  const users = [];
  for (const [i, cap] of CASES.entries()) {
    const name = `capauthor${i}`;
    const arn = await registerUser(qs, name, 'AUTHOR');
    if (cap) {
      await qs.send(new CreateCustomPermissionsCommand({ AwsAccountId: ACCOUNT, CustomPermissionsName: `deny-${cap}`, Capabilities: { [cap]: 'DENY' } }));
      await qs.send(new UpdateUserCustomPermissionCommand({ AwsAccountId: ACCOUNT, Namespace: 'default', UserName: name, CustomPermissionsName: `deny-${cap}` }));
    }
    // The author owns the sample's data source alongside the admin, and a
    // dataset of its own.
    await qs.send(new UpdateDataSourcePermissionsCommand({ AwsAccountId: ACCOUNT, DataSourceId: SOURCE, GrantPermissions: [{ Principal: arn, Actions: SOURCE_ACTIONS }] }));
    const dataSet = `owned-${name}`;
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: dataSet, Name: `Owned by ${name}`, ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t1: { RelationalTable: { DataSourceArn: sourceArn, Name: 'orders', InputColumns: [{ Name: 'region', Type: 'STRING' }] } } },
      Permissions: [{ Principal: arn, Actions: DATASET_ACTIONS }],
    }));
    users.push({ cap, name, arn, dataSet });
  }

  const browser = await launchBrowser('allowed', sg.url);
  try {
    for (const { cap, name, arn, dataSet } of users) {
      const label = cap ? `DENY ${cap}` : 'default';
      const page = await browser.context.newPage();
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(String(err)));
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      await page.evaluate((u) => window.embed(u), await mintUserURL(qs, arn, '/start'));
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const present = async (selector) => (await frame.locator(selector).count()) > 0;
      const shown = {};

      // The data sources list and the sample's page.
      await frame.locator('nav.main a', { hasText: 'Data' }).last().click({ timeout: STEP });
      await frame.locator(`table.data-sources tr[data-id="${SOURCE}"]`).waitFor({ timeout: STEP });
      shown.newSourceLink = await present('p.actions a[href*="/data/sources/new"]');
      shown.uploadLink = await present('p.actions a[href*="/data/uploads/new"]');
      await frame.locator(`table.data-sources tr[data-id="${SOURCE}"] a`).click();
      await frame.locator('#source-status').waitFor({ timeout: STEP });
      shown.sourceShareForm = await present('form.share-form');
      shown.sourceDelete = await present('section.delete form[action*="/delete"]');

      // The datasets list and the author's own dataset.
      await frame.locator('nav.main a', { hasText: 'Datasets' }).click({ timeout: STEP });
      await frame.locator('main#main h1', { hasText: 'Datasets' }).waitFor({ timeout: STEP });
      shown.newDataSet = await present('section.ds-new');
      await frame.locator('table.ds-list a', { hasText: `Owned by ${name}` }).click({ timeout: STEP });
      await frame.locator(`main#main[data-resource-id="${dataSet}"]`).waitFor({ timeout: STEP });
      shown.editor = await present('#ds-draft');
      shown.setShareForm = await present('form.ds-share-form');
      shown.spiceChoice = await present('form.ds-settings select[name="mode"] option[value="SPICE"]');

      const wantShown = Object.fromEntries(Object.keys(shown).map((k) => [k, allowed(cap, k)]));
      assert.deepEqual(shown, wantShown, `${label}: controls shown`);

      // Each governed action, posted from the console frame.
      const consoleFrame = page.frames().find((f) => f.url().startsWith(sg.url) && !f.url().includes('/embedControl'));
      const answers = {
        createSource: await post(consoleFrame, '/data/sources', { name: `pg-${name}`, type: 'POSTGRESQL', host: '127.0.0.1', port: '1', database: 'd', username: 'u', password: 'p' }),
        shareSource: await post(consoleFrame, `/data/sources/${SOURCE}/share`, { user: 'capbystander', level: 'user' }),
        saveDirect: await post(consoleFrame, '/data/sets/editor/save', { draft: draft(sourceArn, 'DIRECT_QUERY') }),
        saveSpice: await post(consoleFrame, '/data/sets/editor/save', { draft: draft(sourceArn, 'SPICE') }),
        shareSet: await post(consoleFrame, `/data/sets/${dataSet}/share`, { user: 'capbystander', level: 'viewer' }),
      };
      for (const [action, { status, text }] of Object.entries(answers)) {
        if (allowed(cap, action)) {
          assert.equal(status, ALLOWED_STATUS[action], `${label}: ${action} answered ${status}\n${text.slice(0, 2000)}`);
        } else {
          assert.equal(status, 403, `${label}: ${action} answered ${status}\n${text.slice(0, 2000)}`);
          assert.match(text, new RegExp(`deny ${NEEDS[action].find((c) => c === cap)}`), `${label}: ${action} names the capability`);
        }
      }
      assert.deepEqual(pageErrors, [], `${label}: page errors`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
