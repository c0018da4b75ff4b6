// A scatter plot's click action in the dashboard viewer, through the
// embedding SDK in Chromium: with a Label field (segment) and a Category
// field (region), a point's click filters the KPI by its region (the
// series it is drawn in), equal to SQL on the sample file (a scatter
// point's click did nothing before: its data carried no name).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const column = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
const dim = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name) } });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });

const scatter = (id, wells) => ({ ScatterPlotVisual: {
  VisualId: id,
  ChartConfiguration: { FieldWells: { ScatterPlotCategoricallyAggregatedFieldWells: { XAxis: [sum(`${id}-x`, 'revenue')], YAxis: [sum(`${id}-y`, 'profit')], ...wells } } },
  Actions: [{
    CustomActionId: `${id}-filter`, Name: 'Filter', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
    ActionOperations: [{ FilterOperation: {
      SelectedFieldsConfiguration: { SelectedFields: [`${id}-region`] },
      TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisuals: ['kpi'] } },
    } }],
  }],
} });

const definition = (region) => ({
  DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
  Sheets: [{
    SheetId: 'overview', Name: 'Overview',
    Visuals: [
      scatter('labelled', { Category: [dim('labelled-region', 'region')], Label: [dim('labelled-segment', 'segment')] }),
      { KPIVisual: { VisualId: 'kpi', ChartConfiguration: { FieldWells: { Values: [sum('k-revenue', 'revenue')] } } } },
    ],
  }],
});

const num = (s) => Number(String(s).replaceAll(',', ''));
const round2 = (x) => Math.round(x * 100) / 100;

describe('scatter plot actions in Chromium', () => {
  test('a labelled point filters by its region', { timeout: 120_000 }, async () => {
    const region = sg.credentials.region;
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'scatter-actions', Name: 'scatter-actions', Definition: definition(region),
      Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'scatter-actions');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/scatter-actions')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, {}), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      await frame.locator('#v-labelled svg').waitFor({ timeout: STEP });
      const kpi = async () => num(await frame.locator('#v-kpi .kpi-value').textContent());
      const regions = sql('SELECT DISTINCT region FROM orders').map((r) => r[0]);
      const box = await frame.locator('#v-labelled .chart').boundingBox();
      // Click the drawn points (small paths inside the plot) until the
      // filter names one.
      let clicked = null;
      for (const el of await frame.locator('#v-labelled svg path').all()) {
        const b = await el.boundingBox();
        if (!b || b.width < 3 || b.width > 60 || b.height > 60 || b.y < box.y + 30) continue;
        await el.click({ timeout: STEP, force: true }).catch(() => {});
        const clear = frame.locator('#v-labelled .action-clear');
        try {
          await clear.waitFor({ timeout: 2_000 });
        } catch {
          continue;
        }
        clicked = (await clear.textContent()).replace('Clear filter: ', '');
        break;
      }
      assert.ok(regions.includes(clicked), `the filter names a region, not ${clicked}`);
      const [[regionTotal]] = sql('SELECT round(sum(revenue), 2) FROM orders WHERE region = ?', clicked);
      for (let i = 0; i < 50 && round2(await kpi()) !== regionTotal; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), regionTotal);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
