// Points maps in clusters and as a heat map in Debian's Chromium through
// the embedding SDK: a cluster marker shows on the page the count of
// points it holds (a city's segments, as SQL counts them), and a heat map
// draws its heat layer as an image on the map's SVG, weighted by each
// position's revenue as SQL sums it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand, CreateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const arn = (kind, id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:${kind}/${id}`;
const admin = () => arn('user', 'default/admin');
const column = (name) => ({ DataSetIdentifier: 'geo', ColumnName: name });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });
const tag = (name, role) => ({ TagColumnOperation: { ColumnName: name, Tags: [{ ColumnGeographicRole: role }] } });
const loc = [{ NumericalDimensionField: { FieldId: 'la', Column: column('lat') } }, { NumericalDimensionField: { FieldId: 'lo', Column: column('lon') } }];

describe('point styles in Chromium', () => {
  test('clusters show their counts and a heat map draws its layer, as SQL says', { timeout: 120_000 }, async () => {
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: 'geo', Name: 'geo', ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q',
        SqlQuery: "SELECT segment, revenue, CASE city WHEN 'Berlin' THEN 52.52 WHEN 'Tokyo' THEN 35.6762 END AS lat, CASE city WHEN 'Berlin' THEN 13.405 WHEN 'Tokyo' THEN 139.6503 END AS lon FROM orders WHERE city IN ('Berlin', 'Tokyo')",
        Columns: [{ Name: 'segment', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }, { Name: 'lat', Type: 'DECIMAL' }, { Name: 'lon', Type: 'DECIMAL' }] } } },
      LogicalTableMap: { l: { Alias: 'geo', Source: { PhysicalTableId: 't' }, DataTransforms: [tag('lat', 'LATITUDE'), tag('lon', 'LONGITUDE')] } },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
    }));
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'styles', Name: 'styles',
      Definition: {
        DataSetIdentifierDeclarations: [{ Identifier: 'geo', DataSetArn: arn('dataset', 'geo') }],
        Sheets: [{ SheetId: 's', Name: 'Styles', Visuals: [
          { GeospatialMapVisual: { VisualId: 'clusters', ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: loc, Values: [sum('r', 'revenue')], Colors: [{ CategoricalDimensionField: { FieldId: 'sg', Column: column('segment') } }] } },
            PointStyleOptions: { SelectedPointStyle: 'CLUSTER', ClusterMarkerConfiguration: { ClusterMarker: { SimpleClusterMarker: { Color: '#AA0000' } } } } } } },
          { GeospatialMapVisual: { VisualId: 'heat', ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: loc, Values: [sum('h', 'revenue')] } }, PointStyleOptions: { SelectedPointStyle: 'HEATMAP' } } } },
        ] }],
      },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'styles');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/styles')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');

      // Each city's segments make one cluster marker, labelled on the
      // page with their count.
      await frame.locator('#v-clusters svg path').nth(100).waitFor({ timeout: STEP });
      const counts = sql("SELECT city, count(DISTINCT segment) FROM orders WHERE city IN ('Berlin', 'Tokyo') GROUP BY 1 ORDER BY 1");
      const labels = await frame.locator('#v-clusters svg text').allTextContents();
      for (const [city, n] of counts) {
        assert.ok(n > 1, `${city} has one segment`);
        assert.ok(labels.includes(String(n)), `no cluster label ${n} (${city}) in ${JSON.stringify(labels)}`);
      }
      const fills = await frame.locator('#v-clusters svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
      assert.ok(fills.filter((f) => f === '#AA0000' || f === '#aa0000' || f === 'rgb(170,0,0)').length >= counts.length, `no cluster in its color: ${fills.slice(-10)}`);

      // The heat map: a heat layer image over the world's shapes; the
      // chart's description carries each position's revenue.
      await frame.locator('#v-heat svg path').nth(100).waitFor({ timeout: STEP });
      await frame.locator('#v-heat svg image').first().waitFor({ timeout: STEP });
      const href = await frame.locator('#v-heat svg image').first().getAttribute('href');
      assert.match(href ?? '', /^data:image\/png;base64,/);
      const described = await frame.locator('#v-heat .chart').getAttribute('aria-label');
      const [[berlin]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Berlin'");
      assert.ok(described.includes(`${berlin}`), `Berlin's revenue ${berlin} not in: ${described}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
