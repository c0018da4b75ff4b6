// Pivot subtotals and collapsed groups through embedConsole in Chromium:
// each region's subtotal row equals SQL's average at the region level (not
// an average of its category cells), a collapsed region shows only its
// subtotal row, and the +/− toggles expand and collapse regions in the
// page with the same values. With CollapsedRowDimensionsVisibility HIDDEN,
// the category column is hidden while every region is collapsed, and
// shown again when one is expanded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateDashboardCommand, DescribeDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, launchBrowser, openEmbedded, quickSightClient, startHost, startSightglass } from './harness.mjs';

const STEP = 15_000;
const ID = 'pivotsubtotals';

let sg;
let host;
let qs;
let browser;

before(async () => {
  sg = await startSightglass();
  host = await startHost();
  qs = quickSightClient(sg);
  browser = await launchBrowser('allowed', sg.url);
});

after(async () => {
  await browser?.close();
  qs?.destroy();
  await host?.close();
  await sg?.close();
});

function sql(query) {
  const db = path.join(sg.dataDir, 'sources', 'sample-sales.sqlite');
  const script = 'import json,sqlite3,sys\nc=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True)\nprint(json.dumps(c.execute(sys.argv[2]).fetchall()))';
  return JSON.parse(execFileSync('python3', ['-c', script, db, query], { encoding: 'utf8' }));
}

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  const dim = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: col(name) } });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Pivot',
        Visuals: [
          { PivotTableVisual: { VisualId: 'pv', ChartConfiguration: {
            FieldWells: { PivotTableAggregatedFieldWells: {
              Rows: [dim('r', 'region'), dim('c', 'category')], Columns: [dim('s', 'segment')],
              Values: [{ NumericalMeasureField: { FieldId: 'a', Column: col('profit'), AggregationFunction: { SimpleNumericalAggregation: 'AVERAGE' } } }] } },
            TotalOptions: { RowSubtotalOptions: { TotalsVisibility: 'VISIBLE', FieldLevel: 'ALL', CustomLabel: 'Region' } },
            FieldOptions: { CollapseStateOptions: [{ Target: { FieldId: 'r', FieldDataPathValues: [{ FieldId: 'r', FieldValue: 'Europe' }] }, State: 'COLLAPSED' }] } } } },
          { PivotTableVisual: { VisualId: 'ph', ChartConfiguration: {
            FieldWells: { PivotTableAggregatedFieldWells: {
              Rows: [dim('hr', 'region'), dim('hc', 'category')], Columns: [dim('hs', 'segment')],
              Values: [{ NumericalMeasureField: { FieldId: 'ha', Column: col('profit'), AggregationFunction: { SimpleNumericalAggregation: 'AVERAGE' } } }] } },
            FieldOptions: { CollapseStateOptions: [{ Target: { FieldId: 'hr' }, State: 'COLLAPSED' }] },
            TableOptions: { CollapsedRowDimensionsVisibility: 'HIDDEN' } } } },
        ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  for (let i = 0; i < 100; i++) {
    const d = await qs.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: ID }));
    if (d.Dashboard.Version.Status === 'CREATION_SUCCESSFUL') return;
    if (d.Dashboard.Version.Status === 'CREATION_FAILED') throw new Error(JSON.stringify(d.Dashboard.Version.Errors));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the dashboard was not created');
}

const drawn = (s) => Number(s.replace(/[,%]/g, ''));

describe('pivot subtotals in Chromium', () => {
  test('subtotal rows equal SQL; toggles collapse and expand regions', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const table = frame.locator('#v-pv table.pivot');
      await table.waitFor({ timeout: STEP });

      const heads = (await table.locator('thead th').allTextContents()).slice(2); // after the two row fields
      const group = (r) => table.locator(`tbody tr[data-pivot-group="1"][data-pivot-path='${JSON.stringify([r])}']`);
      const leaves = (r) => table.locator(`tbody tr:not([data-pivot-group])[data-pivot-path^='${JSON.stringify([r]).slice(0, -1)},']`);
      const values = async (row) => (await row.locator('td').allTextContents()).map(drawn);

      const bySegment = new Map(sql("SELECT region || '|' || segment, avg(profit) FROM orders GROUP BY 1").map(([k, v]) => [k, v]));
      const cellMean = new Map(sql("SELECT region || '|' || segment, avg(a) FROM (SELECT region, category, segment, avg(profit) AS a FROM orders GROUP BY 1, 2, 3) GROUP BY 1").map(([k, v]) => [k, v]));
      const regions = sql('SELECT DISTINCT region FROM orders ORDER BY 1').map(([r]) => r);
      assert.ok(regions.includes('Europe') && regions.includes('North America'), `regions ${regions}`);
      const checkGroup = async (r) => {
        const got = await values(group(r));
        assert.equal(got.length, heads.length);
        heads.forEach((seg, i) => {
          const want = bySegment.get(`${r}|${seg}`);
          assert.ok(Math.abs(got[i] - want) < 0.006, `${r} ${seg}: drawn ${got[i]}, SQL ${want}`);
        });
        assert.ok(heads.some((seg, i) => Math.abs(got[i] - cellMean.get(`${r}|${seg}`)) > 0.01), `${r}: the subtotal is the average of its cells`);
      };

      // Subtotals: every region's group row is drawn and equals SQL.
      for (const r of regions) {
        assert.ok(await group(r).isVisible(), `${r}: no subtotal row`);
        await checkGroup(r);
      }
      assert.equal(await group('North America').locator('th.pivot-label').textContent(), 'Region');

      // Europe is collapsed: its category rows are hidden, its row is there.
      assert.match(await group('Europe').getAttribute('class'), /\bcollapsed\b/);
      assert.ok(await leaves('Europe').count() > 0);
      for (const row of await leaves('Europe').all()) assert.ok(!(await row.isVisible()), 'a collapsed category row is visible');
      for (const row of await leaves('North America').all()) assert.ok(await row.isVisible(), 'an expanded category row is hidden');

      // Expand Europe, collapse North America.
      await table.getByRole('button', { name: 'Expand Europe' }).click();
      for (const row of await leaves('Europe').all()) assert.ok(await row.isVisible(), 'an expanded category row is hidden');
      assert.doesNotMatch(await group('Europe').getAttribute('class'), /\bcollapsed\b/);
      await table.getByRole('button', { name: 'Collapse North America' }).click();
      for (const row of await leaves('North America').all()) assert.ok(!(await row.isVisible()), 'a collapsed category row is visible');
      assert.ok(await group('North America').isVisible());
      await checkGroup('North America');
      await checkGroup('Europe');
      assert.equal(await table.getByRole('button', { name: 'Expand North America' }).count(), 1);
      // No hidden column there: CollapsedRowDimensionsVisibility is VISIBLE.
      await table.getByRole('button', { name: 'Collapse Europe' }).click();
      assert.ok(await table.locator('thead th').nth(1).isVisible(), 'a visible field column is hidden');

      // The HIDDEN pivot: every region collapsed, so no category column.
      const ph = frame.locator('#v-ph table.pivot');
      const categoryHead = ph.locator('thead th').nth(1);
      assert.equal(await categoryHead.textContent(), 'category');
      const phGroup = (r) => ph.locator(`tbody tr[data-pivot-group="1"][data-pivot-path='${JSON.stringify([r])}']`);
      const shownCells = async (row) => (await row.locator('th:visible, td:visible').allTextContents());
      assert.ok(!(await categoryHead.isVisible()), 'the collapsed category column is visible');
      const collapsedRow = await shownCells(phGroup('Europe'));
      assert.equal(collapsedRow[0].replace(/^[+−]/, ''), 'Europe');
      assert.equal(collapsedRow.length, 1 + heads.length, `Europe's row: ${collapsedRow}`);
      collapsedRow.slice(1).forEach((v, i) => {
        const want = bySegment.get(`Europe|${heads[i]}`);
        assert.ok(Math.abs(drawn(v) - want) < 0.006, `Europe ${heads[i]}: drawn ${v}, SQL ${want}`);
      });
      await ph.getByRole('button', { name: 'Expand Europe' }).click();
      assert.ok(await categoryHead.isVisible(), 'an expanded region hides its categories');
      await ph.getByRole('button', { name: 'Collapse Europe' }).click();
      assert.ok(!(await categoryHead.isVisible()), 'the category column is shown with every region collapsed');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
