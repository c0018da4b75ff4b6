// A box plot's data points and outliers in Debian's Chromium through the
// embedding SDK: every distinct value of each group is drawn as a point
// over its box (as many marks as SQL finds distinct values), and the
// chart's accessible description gives the points' values as SQL reads
// them from the sample file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand, CreateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const arn = (kind, id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:${kind}/${id}`;
const admin = () => arn('user', 'default/admin');
const WHERE = "city = 'Berlin'";

describe('box plot data points in Chromium', () => {
  test('every distinct value is drawn over its box, as SQL says', { timeout: 120_000 }, async () => {
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: 'berlin', Name: 'berlin', ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q',
        SqlQuery: `SELECT segment, revenue FROM orders WHERE ${WHERE}`,
        Columns: [{ Name: 'segment', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }] } } },
      LogicalTableMap: { l: { Alias: 'berlin', Source: { PhysicalTableId: 't' } } },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
    }));
    const column = (name) => ({ DataSetIdentifier: 'b', ColumnName: name });
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'boxpoints', Name: 'boxpoints',
      Definition: {
        DataSetIdentifierDeclarations: [{ Identifier: 'b', DataSetArn: arn('dataset', 'berlin') }],
        Sheets: [{ SheetId: 's', Name: 'Box', Visuals: [
          { BoxPlotVisual: { VisualId: 'box', ChartConfiguration: { FieldWells: { BoxPlotAggregatedFieldWells: {
            GroupBy: [{ CategoricalDimensionField: { FieldId: 'g', Column: column('segment') } }],
            Values: [{ NumericalMeasureField: { FieldId: 'v', Column: column('revenue') } }] } },
            BoxPlotOptions: { AllDataPointsVisibility: 'VISIBLE' } } } },
        ] }],
      },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'boxpoints');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/boxpoints')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      await frame.locator('#v-box .chart[aria-label]').waitFor({ timeout: STEP });
      const label = await frame.locator('#v-box .chart').getAttribute('aria-label');
      // One mark per distinct value of each segment (drawn half opaque),
      // counted once the first is drawn.
      const mark = frame.locator('#v-box svg path[fill-opacity="0.5"]');
      await mark.first().waitFor({ timeout: STEP });
      const marks = await mark.count();
      const [[distinct]] = sql(`SELECT count(*) FROM (SELECT DISTINCT segment, revenue FROM orders WHERE ${WHERE} AND revenue IS NOT NULL)`);
      assert.ok(distinct > 10, `only ${distinct} values`);
      assert.equal(marks, distinct);
      // The description lists the first points: the smallest values of
      // the first segment, in order.
      const points = label.slice(label.indexOf('representing Data points'));
      const first = sql(`SELECT DISTINCT revenue FROM orders WHERE ${WHERE} AND segment = (SELECT min(segment) FROM orders WHERE ${WHERE}) AND revenue IS NOT NULL ORDER BY 1 LIMIT 10`);
      const [[segment]] = sql(`SELECT min(segment) FROM orders WHERE ${WHERE}`);
      const described = [...points.matchAll(/the data for (.*?) is 0, (-?[0-9]+(?:\.[0-9]+)?)/g)].map((m) => [m[1], Number(m[2])]);
      assert.deepEqual(described, first.map(([v]) => [segment, Math.round(v * 100) / 100]));
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
