// Filled and point maps in Debian's Chromium through the embedding SDK,
// over a dataset on the sample file whose columns carry geographic roles:
// the region shapes load from the console's own assets (no tile server,
// no other origin), the map draws as SVG, a region's value read off the
// page equals a direct SQL query on the sample file, and a click on a
// region filters another visual by that region's value (its largest
// country filled red by a shape rule); a filled map by
// US county draws each county's value, within its state, as SQL says.
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

// A dataset of the sample's orders with country tagged COUNTRY, and a
// latitude and longitude for Berlin, Tokyo and New York.
async function createGeoDataSet() {
  await qs.send(new CreateDataSetCommand({
    AwsAccountId: ACCOUNT, DataSetId: 'geo', Name: 'geo', ImportMode: 'DIRECT_QUERY',
    PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q',
      SqlQuery: "SELECT country, revenue, CASE city WHEN 'Berlin' THEN 52.52 WHEN 'Tokyo' THEN 35.6762 WHEN 'New York' THEN 40.7128 END AS lat, CASE city WHEN 'Berlin' THEN 13.405 WHEN 'Tokyo' THEN 139.6503 WHEN 'New York' THEN -74.006 END AS lon FROM orders",
      Columns: [{ Name: 'country', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }, { Name: 'lat', Type: 'DECIMAL' }, { Name: 'lon', Type: 'DECIMAL' }] } } },
    LogicalTableMap: { l: { Alias: 'geo', Source: { PhysicalTableId: 't' }, DataTransforms: [tag('country', 'COUNTRY'), tag('lat', 'LATITUDE'), tag('lon', 'LONGITUDE')] } },
    Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
  }));
}

async function createMapsDashboard(limit) {
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: 'maps', Name: 'maps',
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'geo', DataSetArn: arn('dataset', 'geo') }],
      Sheets: [{ SheetId: 's', Name: 'Maps', Visuals: [
        { FilledMapVisual: { VisualId: 'filled', ChartConfiguration: { FieldWells: { FilledMapAggregatedFieldWells: {
          Geospatial: [{ CategoricalDimensionField: { FieldId: 'c', Column: column('country') } }], Values: [sum('r', 'revenue')] } } },
          ConditionalFormatting: { ConditionalFormattingOptions: [
            { Shape: { FieldId: 'r', Format: { BackgroundColor: { Solid: { Expression: `sum({revenue}) > ${limit}`, Color: '#DE3B00' } } } } }] },
          Actions: [{ CustomActionId: 'by-country', Name: 'Filter by country', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
            ActionOperations: [{ FilterOperation: { SelectedFieldsConfiguration: { SelectedFields: ['c'] },
              TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisuals: ['points'] } } } }] }] } },
        { GeospatialMapVisual: { VisualId: 'points', ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
          Geospatial: [{ NumericalDimensionField: { FieldId: 'la', Column: column('lat') } }, { NumericalDimensionField: { FieldId: 'lo', Column: column('lon') } }],
          Values: [sum('pr', 'revenue')] } } } } },
      ] }],
    },
    Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
  }));
  await dashboardCreated(qs, 'maps');
}

describe('maps in Chromium', () => {
  test('filled map and points map draw offline, values equal SQL', { timeout: 120_000 }, async () => {
    await createGeoDataSet();
    // The shape rule fills the country of the largest revenue alone.
    const top = sql("SELECT sum(revenue) FROM orders WHERE country <> 'Singapore' GROUP BY country ORDER BY 1 DESC LIMIT 2");
    await createMapsDashboard(Math.round((top[0][0] + top[1][0]) / 2));
    const page = await browser.context.newPage();
    const pageErrors = [];
    const requests = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/maps')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');

      // The filled map: one path per country shape, and the tooltip of
      // Germany's region says SQL's revenue for Germany.
      await frame.locator('#v-filled svg path').nth(100).waitFor({ timeout: STEP });
      const [[germany]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE country = 'Germany'");
      // ECharts describes the map in the chart's aria-label: the data of
      // its first regions (alphabetical), Germany among them.
      const described = await frame.locator('#v-filled .chart').getAttribute('aria-label');
      assert.ok(described.includes(`the data for Germany is ${germany}`), `Germany's revenue ${germany} not in: ${described}`);
      const note = await frame.locator('#v-filled .tile-note').textContent();
      assert.match(note, /matched no region: Singapore/);
      // The largest country's shapes are filled with the rule's red, out
      // of the color scale; no other region is.
      const fills = await frame.locator('#v-filled svg path').evaluateAll((ps) => ps.map((p) => (p.getAttribute('fill') || '').toLowerCase()));
      const red = fills.filter((f) => f === '#de3b00' || f.replaceAll(' ', '') === 'rgb(222,59,0)').length;
      assert.ok(red > 0 && red < fills.length / 10, `${red} of ${fills.length} paths red`);

      // The points map: a circle per position on the world's shapes.
      await frame.locator('#v-points svg path').nth(100).waitFor({ timeout: STEP });
      const pointsLabel = await frame.locator('#v-points .chart').getAttribute('aria-label');
      const [[berlin]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Berlin'");
      assert.ok(pointsLabel.includes(`the data for 52.52, 13.405 is 13.405, 52.52, ${berlin}`), `Berlin's revenue ${berlin} not in: ${pointsLabel}`);

      // A click on the United States' region filters the points map by the
      // value the region was matched from ("United States", not the
      // shape's "United States of America"): only New York's point is left.
      // A region's bounding box can be mostly sea (the United States' spans
      // the Aleutians to Maine), so the pointer tries a grid of points in
      // the largest shapes until the tooltip names the region.
      const paths = frame.locator('#v-filled svg path');
      const boxes = [];
      for (let i = 0, n = await paths.count(); i < n; i++) {
        const box = await paths.nth(i).boundingBox();
        if (box && box.width >= 4) boxes.push(box);
      }
      boxes.sort((a, b) => b.width * b.height - a.width * a.height);
      let clicked = false;
      for (const box of boxes.slice(0, 12)) {
        for (let gx = 1; gx < 8 && !clicked; gx++) {
          for (let gy = 1; gy < 6 && !clicked; gy++) {
            const x = box.x + (box.width * gx) / 8;
            const y = box.y + (box.height * gy) / 6;
            await page.mouse.move(x, y);
            const tip = await frame.locator('#v-filled').evaluate((t) => t.innerText);
            if (/United States of America/.test(tip)) {
              await page.mouse.click(x, y);
              clicked = true;
            }
          }
        }
        if (clicked) break;
      }
      assert.ok(clicked, 'no region of the filled map showed the United States');
      await frame.locator('#v-points .chart[aria-label*="40.7128, -74.006"]:not([aria-label*="52.52"])').waitFor({ timeout: STEP });

      // Shapes came from the server's own fingerprinted asset, nothing else.
      assert.ok(requests.some((u) => /\/static\/geo-world\.json\?v=[0-9a-f]{12}$/.test(u)), `no shapes request in ${requests}`);
      const origins = new Set(requests.map((u) => new URL(u).origin));
      assert.deepEqual([...origins].filter((o) => o !== host.origin && o !== new URL(sg.url).origin), []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('filled map by county draws offline, a county value equals SQL', { timeout: 120_000 }, async () => {
    // Chicago's orders in Cook County, Illinois; Seattle's in King County,
    // Washington (King is also a county of Texas: the state tells them
    // apart).
    const county = "CASE city WHEN 'Chicago' THEN 'Cook' WHEN 'Seattle' THEN 'King' END";
    const state = "CASE city WHEN 'Chicago' THEN 'IL' WHEN 'Seattle' THEN 'Washington' END";
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: 'counties', Name: 'counties', ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q',
        SqlQuery: `SELECT ${county} AS county, ${state} AS state, revenue FROM orders WHERE city IN ('Chicago', 'Seattle')`,
        Columns: [{ Name: 'county', Type: 'STRING' }, { Name: 'state', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }] } } },
      LogicalTableMap: { l: { Alias: 'counties', Source: { PhysicalTableId: 't' }, DataTransforms: [tag('county', 'COUNTY'), tag('state', 'STATE')] } },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
    }));
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: 'counties', Name: 'counties',
      Definition: {
        DataSetIdentifierDeclarations: [{ Identifier: 'geo', DataSetArn: arn('dataset', 'counties') }],
        Sheets: [{ SheetId: 's', Name: 'Counties', Visuals: [
          { FilledMapVisual: { VisualId: 'by-county', ChartConfiguration: { FieldWells: { FilledMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'c', Column: column('county') } }], Values: [sum('r', 'revenue')] } } } } },
          { GeospatialMapVisual: { VisualId: 'county-points', Actions: [{ CustomActionId: 'county-click', Name: 'Filter', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
            ActionOperations: [{ FilterOperation: { SelectedFieldsConfiguration: { SelectedFieldOptions: 'ALL_FIELDS' },
              TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisualOptions: 'ALL_VISUALS' } } } }] }],
            ChartConfiguration: { FieldWells: { GeospatialMapAggregatedFieldWells: {
            Geospatial: [{ CategoricalDimensionField: { FieldId: 'pc', Column: column('county') } }], Values: [sum('pr', 'revenue')] } } } } },
        ] }],
      },
      Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
    }));
    await dashboardCreated(qs, 'counties');
    const page = await browser.context.newPage();
    const pageErrors = [];
    const requests = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/counties')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      // Thousands of county shapes drawn as SVG paths.
      await frame.locator('#v-by-county svg path').nth(3000).waitFor({ timeout: STEP });
      const described = await frame.locator('#v-by-county .chart').getAttribute('aria-label');
      const [[cook]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Chicago'");
      const [[king]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE city = 'Seattle'");
      assert.ok(described.includes(`the data for Cook, IL is ${cook}`), `Cook County's revenue ${cook} not in: ${described}`);
      assert.ok(described.includes(`the data for King, WA is ${king}`), `King County's revenue ${king} not in: ${described}`);
      assert.ok(!described.includes('King, TX'), `King County, Texas has a value: ${described}`);
      // The points map by county: Cook County's point, at its center in
      // Illinois, carries SQL's revenue.
      await frame.locator('#v-county-points svg path').nth(40).waitFor({ timeout: STEP });
      const points = await frame.locator('#v-county-points .chart').getAttribute('aria-label');
      const at = points.match(/the data for Cook, IL is (-?[0-9.]+), (-?[0-9.]+), ([0-9.]+)/);
      assert.ok(at, `no point for Cook, IL in: ${points}`);
      assert.equal(Number(at[3]), cook);
      assert.ok(Number(at[1]) > -88.3 && Number(at[1]) < -87.5 && Number(at[2]) > 41.4 && Number(at[2]) < 42.2, `Cook County's point at ${at[1]}, ${at[2]}`);
      // A click on Cook County's point filters the filled map to Cook
      // County, Illinois: the click gives the county and its state, and
      // the source tile names both.
      const marks = frame.locator('#v-county-points svg path');
      let clicked = false;
      for (let i = (await marks.count()) - 1; i >= 0 && !clicked; i--) {
        const box = await marks.nth(i).boundingBox();
        if (!box || box.width < 2 || box.width > 80) continue;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const tip = await frame.locator('#v-county-points').evaluate((t) => t.innerText);
        if (/Cook, IL/.test(tip)) {
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          clicked = true;
        }
      }
      assert.ok(clicked, 'no point of the points map showed Cook, IL');
      await frame.locator('#v-county-points .action-clear', { hasText: 'Clear filter: Cook (IL)' }).waitFor({ timeout: STEP });
      await frame.locator('#v-by-county .chart[aria-label*="Cook, IL"]:not([aria-label*="King, WA"])').waitFor({ timeout: STEP });
      const filtered = await frame.locator('#v-by-county .chart').getAttribute('aria-label');
      assert.ok(filtered.includes(`the data for Cook, IL is ${cook}`), `Cook County's revenue ${cook} not in: ${filtered}`);
      // The county shapes (the filled map) and the states' (under the
      // points) came from the server's fingerprinted assets; the world's
      // and the counties' centers were not fetched.
      assert.ok(requests.some((u) => /\/static\/geo-us-counties\.json\?v=[0-9a-f]{12}$/.test(u)), `no county shapes request in ${requests}`);
      assert.ok(requests.some((u) => /\/static\/geo-us-states\.json\?v=[0-9a-f]{12}$/.test(u)), `no state shapes request in ${requests}`);
      assert.ok(!requests.some((u) => /geo-(world|us-county-centers)\.json/.test(u)), `other shapes loaded: ${requests}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
