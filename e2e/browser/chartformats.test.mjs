// A funnel and a heat map whose revenue measure has a currency format in
// thousands with two decimals, embedded through the SDK's embedConsole in
// Chromium: every funnel stage's label and every heat map cell's label
// reads SQL's sum in that format ("$1,234.57K"), not the plain number.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'chartformats';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

// The format, written independently of the page's code.
const thousands = (v) => `$${(v / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}K`;

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  const dim = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: col(name) } });
  const revenue = (id) => ({ NumericalMeasureField: { FieldId: id, Column: col('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
    FormatConfiguration: { FormatConfiguration: { CurrencyDisplayFormatConfiguration: { Symbol: 'USD', NumberScale: 'THOUSANDS',
      DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } } } });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Sales', Visuals: [
        { FunnelChartVisual: { VisualId: 'funnel', ChartConfiguration: {
          FieldWells: { FunnelChartAggregatedFieldWells: { Category: [dim('f-s', 'segment')], Values: [revenue('f-rev')] } } } } },
        { HeatMapVisual: { VisualId: 'heat', ChartConfiguration: {
          FieldWells: { HeatMapAggregatedFieldWells: { Rows: [dim('h-r', 'region')], Columns: [dim('h-s', 'segment')], Values: [revenue('h-rev')] } } } } },
      ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

describe('number formats on funnels and heat maps in Chromium', () => {
  test('labels read SQL sums in the measure format', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {

      await frame.locator('#v-funnel svg').waitFor({ timeout: STEP });
      const stages = (await frame.locator('#v-funnel svg text').allTextContents()).filter((t) => t.includes(': $'));
      const bySegment = sql('SELECT segment, sum(revenue) FROM orders GROUP BY 1 ORDER BY 1');
      assert.deepEqual(stages.sort(), bySegment.map(([s, v]) => `${s}: ${thousands(v)}`).sort());

      await frame.locator('#v-heat svg').waitFor({ timeout: STEP });
      const cells = (await frame.locator('#v-heat svg text').allTextContents()).filter((t) => t.startsWith('$') && t.endsWith('K'));
      const byPair = sql('SELECT sum(revenue) FROM orders GROUP BY region, segment');
      const want = byPair.map(([v]) => thousands(v));
      // The color scale's two ends are written in the format too.
      const sums = byPair.map(([v]) => v);
      want.push(thousands(Math.max(...sums)), thousands(Math.min(...sums)));
      assert.deepEqual(cells.sort(), want.sort());
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
