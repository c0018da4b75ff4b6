// Points maps by city and by US ZIP code in Debian's Chromium through the
// embedding SDK: the server places each city (matched within its country)
// and each ZIP code, the page draws them on shapes from the console's own
// assets, and the chart's description gives each place's position and
// SQL's revenue; a city it cannot place is named on the tile, unless a
// GeocodingPreference says where it is. The places
// files stay on the server: the browser never fetches them.
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
const ZIP = "CASE city WHEN 'Chicago' THEN '60601' WHEN 'Seattle' THEN '98101' END";

describe('points by city and ZIP code in Chromium', () => {
  test('cities and ZIP codes are placed on the server and drawn, values equal SQL', { timeout: 120_000 }, async () => {
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: 'geo', Name: 'geo', ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q',
        SqlQuery: `SELECT city, country, revenue, ${ZIP} AS zip FROM orders`,
        Columns: [{ Name: 'city', Type: 'STRING' }, { Name: 'country', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }, { Name: 'zip', Type: 'STRING' }] } } },
      LogicalTableMap: { l: { Alias: 'geo', Source: { PhysicalTableId: 't' }, DataTransforms: [tag('city', 'CITY'), tag('country', 'COUNTRY'), tag('zip', 'POSTCODE')] } },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
    }));
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'places', Name: 'places',
      Definition: {
        DataSetIdentifierDeclarations: [{ Identifier: 'geo', DataSetArn: arn('dataset', 'geo') }],
        // The preferred map shows the United States' cities only (fewer
        // than the ten items a chart's description lists).
        FilterGroups: [{ FilterGroupId: 'us', CrossDataset: 'SINGLE_DATASET', Status: 'ENABLED',
          ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'SELECTED_VISUALS', VisualIds: ['preferred'] }] } },
          Filters: [{ CategoryFilter: { FilterId: 'f', Column: column('country'), Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', CategoryValues: ['United States'] } } } }] },
        { FilterGroupId: 'sg', CrossDataset: 'SINGLE_DATASET', Status: 'ENABLED',
          ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'SELECTED_VISUALS', VisualIds: ['filled'] }] } },
          Filters: [{ CategoryFilter: { FilterId: 'g', Column: column('country'), Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', CategoryValues: ['Singapore', 'Germany'] } } } }] }],
        Sheets: [{ SheetId: 's', Name: 'Places', Visuals: [
          { GeospatialMapVisual: { VisualId: 'cities', ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'c', Column: column('city') } }], Values: [sum('r', 'revenue')] } } } } },
          { GeospatialMapVisual: { VisualId: 'preferred', GeocodingPreferences: [
            { RequestKey: { City: 'New York', Country: 'United States' }, Preference: { GeocoderHierarchy: { City: 'New York City' } } }],
            ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'pc', Column: column('city') } }], Values: [sum('pr', 'revenue')] } } } } },
          { FilledMapVisual: { VisualId: 'filled', GeocodingPreferences: [
            { RequestKey: { Country: 'Singapore' }, Preference: { GeocoderHierarchy: { Country: 'Malaysia' } } }],
            ChartConfiguration: { FieldWells: { FilledMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'fc', Column: column('country') } }], Values: [sum('fr', 'revenue')] } } } } },
          { GeospatialMapVisual: { VisualId: 'zips', ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'z', Column: column('zip') } }], Values: [sum('zr', 'revenue')] } } } } },
        ] }],
      },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'places');
    const page = await browser.context.newPage();
    const pageErrors = [];
    const requests = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/places')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');

      // Berlin, Germany at GeoNames' Berlin with SQL's revenue; New York
      // ("New York City" to GeoNames) named on the tile.
      await frame.locator('#v-cities svg path').nth(100).waitFor({ timeout: STEP });
      const cities = await frame.locator('#v-cities .chart').getAttribute('aria-label');
      const [[berlin]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Berlin'");
      assert.ok(cities.includes(`the data for Berlin (Germany) is 13.41053, 52.52437, ${berlin}`), `Berlin's revenue ${berlin} not in: ${cities}`);
      const note = await frame.locator('#v-cities .tile-note').textContent();
      assert.match(note, /matched no city: .*New York \(United States\)/);

      // With a GeocodingPreference, New York is geocoded as New York City.
      await frame.locator('#v-preferred svg path').nth(100).waitFor({ timeout: STEP });
      const preferred = await frame.locator('#v-preferred .chart').getAttribute('aria-label');
      const [[newYork]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'New York'");
      assert.ok(preferred.includes(`the data for New York (United States) is -74.00597, 40.71427, ${newYork}`), `New York's revenue ${newYork} not in: ${preferred}`);

      // A filled map shades Malaysia with Singapore's revenue, as its
      // GeocodingPreference says.
      await frame.locator('#v-filled svg path').nth(100).waitFor({ timeout: STEP });
      const filled = await frame.locator('#v-filled .chart').getAttribute('aria-label');
      const [[singapore]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE country = 'Singapore'");
      assert.ok(filled.includes(`the data for Malaysia is ${singapore}`), `Singapore's revenue ${singapore} not on Malaysia in: ${filled}`);

      // Chicago's ZIP code at its Census center, on the US states' shapes.
      await frame.locator('#v-zips svg path').nth(40).waitFor({ timeout: STEP });
      const zips = await frame.locator('#v-zips .chart').getAttribute('aria-label');
      const [[chicago]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Chicago'");
      assert.ok(zips.includes(`the data for 60601 (United States) is -87.62151, 41.88515, ${chicago}`), `60601's revenue ${chicago} not in: ${zips}`);

      assert.ok(requests.some((u) => /\/static\/geo-us-states\.json\?v=[0-9a-f]{12}$/.test(u)), `no state shapes request in ${requests}`);
      assert.ok(!requests.some((u) => /geo-(cities|us-zips|country-codes)/.test(u)), `places fetched by the browser: ${requests}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
