// A turned (HORIZONTAL) table in the dashboard viewer, through the
// embedding SDK in Chromium: a click on a cell of a row's column filters
// the KPI by that column's region (the first line's value above it),
// equal to SQL on the sample file; a click on a line's header does not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const column = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });

const definition = (region) => ({
  DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
  Sheets: [{
    SheetId: 'overview', Name: 'Overview',
    Visuals: [
      { TableVisual: {
        VisualId: 'turned',
        ChartConfiguration: {
          FieldWells: { TableAggregatedFieldWells: { GroupBy: [{ CategoricalDimensionField: { FieldId: 't-region', Column: column('region') } }], Values: [sum('t-revenue', 'revenue')] } },
          SortConfiguration: { RowSort: [{ FieldSort: { FieldId: 't-region', Direction: 'ASC' } }] },
          TableOptions: { Orientation: 'HORIZONTAL' },
        },
        Actions: [{
          CustomActionId: 'filter-region', Name: 'Filter by region', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
          ActionOperations: [{ FilterOperation: {
            SelectedFieldsConfiguration: { SelectedFields: ['t-region'] },
            TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisuals: ['kpi'] } },
          } }],
        }],
      } },
      { KPIVisual: { VisualId: 'kpi', ChartConfiguration: { FieldWells: { Values: [sum('k-revenue', 'revenue')] } } } },
    ],
  }],
});

const num = (s) => Number(String(s).replaceAll(',', ''));
const round2 = (x) => Math.round(x * 100) / 100;

describe('a turned table in Chromium', () => {
  test('a click on a column filters by its region', { timeout: 120_000 }, async () => {
    const region = sg.credentials.region;
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'turned', Name: 'turned', Definition: definition(region),
      Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'turned');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/turned')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, {}), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const table = frame.locator('#v-turned table.horizontal');
      await table.waitFor({ timeout: STEP });
      const kpi = async () => num(await frame.locator('#v-kpi .kpi-value').textContent());
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(round2(await kpi()), total);
      // The sum line's second cell: the second region in order.
      const [, [second]] = sql('SELECT DISTINCT region FROM orders ORDER BY 1');
      await table.locator('tbody tr').nth(1).locator('td').nth(1).click({ timeout: STEP });
      await frame.locator('#v-turned .action-clear').waitFor({ timeout: STEP });
      assert.equal((await frame.locator('#v-turned .action-clear').textContent()).replace('Clear filter: ', ''), second);
      const [[regionTotal]] = sql('SELECT round(sum(revenue), 2) FROM orders WHERE region = ?', second);
      for (let i = 0; i < 50 && round2(await kpi()) !== regionTotal; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), regionTotal);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
