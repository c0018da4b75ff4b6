// Totals through embedConsole in Chromium: a table's total row (an
// average's total is the average of every order, not a sum of regions)
// and a KPI's progress bar toward its target, equal to SQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'totals';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  const measure = (id, name, agg) => ({ NumericalMeasureField: { FieldId: id, Column: col(name), AggregationFunction: { SimpleNumericalAggregation: agg } } });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Totals',
        Visuals: [
          { TableVisual: { VisualId: 'tbl', ChartConfiguration: {
            FieldWells: { TableAggregatedFieldWells: { GroupBy: [{ CategoricalDimensionField: { FieldId: 'r', Column: col('region') } }], Values: [measure('avg', 'profit', 'AVERAGE')] } },
            TotalOptions: { TotalsVisibility: 'VISIBLE', Placement: 'END', CustomLabel: 'All' } } } },
          { KPIVisual: { VisualId: 'kpi', ChartConfiguration: {
            FieldWells: { Values: [measure('p', 'profit', 'SUM')], TargetValues: [measure('t', 'revenue', 'SUM')] },
            KPIOptions: { ProgressBar: { Visibility: 'VISIBLE' } } } } },
        ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

const drawn = (s) => Number(s.replace(/[,%]/g, ''));

describe('totals in Chromium', () => {
  test('a table total cell and a KPI progress bar equal SQL', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {

      const total = frame.locator('#v-tbl tr.total td');
      await total.first().waitFor({ timeout: STEP });
      const cells = await total.allTextContents();
      const [[avg, sumOfRegions]] = sql('SELECT (SELECT avg(profit) FROM orders), (SELECT sum(a) FROM (SELECT avg(profit) AS a FROM orders GROUP BY region))');
      assert.equal(cells[0], 'All');
      assert.ok(Math.abs(drawn(cells[1]) - avg) < 0.006, `total ${cells[1]}, SQL ${avg}`);
      assert.ok(Math.abs(drawn(cells[1]) - sumOfRegions) > 0.01, 'the total is the sum of the rows');

      const bar = frame.locator('#v-kpi .kpi-progress progress');
      await bar.waitFor({ timeout: STEP });
      const [[pct]] = sql('SELECT 100.0 * sum(profit) / sum(revenue) FROM orders');
      const value = await bar.evaluate((el) => el.value);
      assert.ok(Math.abs(value - Math.min(100, Math.max(0, pct))) < 0.006, `bar ${value}, SQL ${pct}`);
      const text = await frame.locator('#v-kpi .kpi-progress-text').textContent();
      assert.ok(Math.abs(drawn(text) - pct) < 0.006, `progress ${text}, SQL ${pct}`);
      assert.ok(await bar.isVisible(), 'the progress bar is not visible');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
