// A layer map in Debian's Chromium through the embedding SDK: its
// GeoJSON file comes from a host on the server's --static-file-hosts
// list (a loopback server of this test), its squares are drawn as SVG
// paths over the base map's countries (the console's own world shapes),
// each joined country's square is filled with its gradient color for
// SQL's revenue of that country, the square without orders in the
// null-data color, the legend draws the gradient, and hovering a square
// shows SQL's revenue.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { CreateDashboardCommand, CreateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed', flags: ['--static-file-hosts', '127.0.0.1'] });

const arn = (kind, id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:${kind}/${id}`;
const admin = () => arn('user', 'default/admin');

// The countries' squares, in a row, and one for a country without orders.
function squares(countries) {
  const features = [...countries, 'Atlantis'].map((name, i) => ({
    type: 'Feature', properties: { name },
    geometry: { type: 'Polygon', coordinates: [[[i * 3, 0], [i * 3 + 2, 0], [i * 3 + 2, 2], [i * 3, 2], [i * 3, 0]]] },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const hex = (n) => Math.round(n).toString(16).padStart(2, '0');

describe('layer map in Chromium', () => {
  test('joined squares filled as SQL says', { timeout: 120_000 }, async () => {
    const sums = sql('SELECT country, sum(revenue) FROM orders GROUP BY 1 ORDER BY 1');
    const lo = Math.min(...sums.map((r) => r[1]));
    const hi = Math.max(...sums.map((r) => r[1]));
    const files = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/geo+json');
      res.end(squares(sums.map((r) => r[0])));
    });
    await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await qs.send(new CreateDataSetCommand({
        AwsAccountId: ACCOUNT, DataSetId: 'orders', Name: 'orders', ImportMode: 'DIRECT_QUERY',
        PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q', SqlQuery: 'SELECT country, revenue FROM orders',
          Columns: [{ Name: 'country', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }] } } },
        Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
      }));
      const column = (name) => ({ DataSetIdentifier: 'o', ColumnName: name });
      await qs.send(new CreateDashboardCommand({
        AwsAccountId: ACCOUNT, DashboardId: 'layers', Name: 'layers',
        Definition: {
          DataSetIdentifierDeclarations: [{ Identifier: 'o', DataSetArn: arn('dataset', 'orders') }],
          StaticFiles: [{ SpatialStaticFile: { StaticFileId: 'squares', Source: { UrlOptions: { Url: `http://127.0.0.1:${files.address().port}/squares.geojson` } } } }],
          Sheets: [{ SheetId: 's', Name: 'Layers', Visuals: [{ LayerMapVisual: { VisualId: 'layers', DataSetIdentifier: 'o', ChartConfiguration: {
            MapStyle: { BaseMapStyle: 'LIGHT_GRAY' },
            MapLayers: [{ LayerId: 'countries', Label: 'Countries', LayerType: 'POLYGON',
              DataSource: { StaticFileDataSource: { StaticFileId: 'squares' } },
              JoinDefinition: { ShapeKeyField: 'name', DatasetKeyField: { FieldId: 'k', Column: column('country') },
                ColorField: { ColorValuesFields: [{ NumericalMeasureField: { FieldId: 'r', Column: column('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }] } },
              LayerDefinition: { PolygonLayer: { Style: { PolygonSymbolStyle: {
                FillColor: { Gradient: { StepColors: [{ Color: '#FFFFFF', DataValue: lo }, { Color: '#0000FF', DataValue: hi }],
                  NullDataVisibility: 'VISIBLE', NullDataSettings: { SymbolStyle: { FillColor: '#CCCCCC' } } } } } } } } }] } } }] }],
        },
        Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
      }));
      await dashboardCreated(qs, 'layers');
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/layers')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const paths = frame.locator('#v-layers svg path');
      await paths.nth(sums.length).waitFor({ timeout: STEP });
      // The squares, left to right: one per country, then Atlantis.
      const all = await paths.evaluateAll((ps) => ps.map((p) => {
        const b = p.getBBox();
        return { x: b.x, w: b.width, fill: (p.getAttribute('fill') || '').toLowerCase() };
      }));
      const land = all.filter((s) => s.fill === '#eef1f4').length;
      assert.ok(land > 100, `${land} base-map countries drawn`);
      // The legend: a card and the gradient's bar (filled by reference).
      assert.equal(all.filter((s) => s.fill.startsWith('url(')).length, 1, 'the legend\'s gradient bar');
      const drawn = all.filter((s) => s.fill.startsWith('#') && s.fill !== '#eef1f4').sort((a, b) => a.x - b.x);
      assert.equal(drawn.length, sums.length + 1, `squares drawn: ${JSON.stringify(drawn)}`);
      sums.forEach(([country, s], i) => {
        const f = (s - lo) / (hi - lo);
        const want = `#${hex(255 - 255 * f)}${hex(255 - 255 * f)}ff`;
        assert.equal(drawn[i].fill, want, `${country}: revenue ${s} of ${lo}..${hi}`);
      });
      assert.equal(drawn[sums.length].fill, '#cccccc', 'Atlantis: no orders, the null-data color');

      // Hovering the first country's square names its revenue.
      let left = null;
      for (let i = 0, n = await paths.count(); i < n; i++) {
        const fill = (await paths.nth(i).getAttribute('fill'))?.toLowerCase() ?? '';
        if (!fill.startsWith('#') || fill === '#eef1f4') continue;
        const bb = await paths.nth(i).boundingBox();
        if (bb && (!left || bb.x < left.x)) left = bb;
      }
      await page.mouse.move(left.x + left.width / 2, left.y + left.height / 2);
      const [country, s] = sums[0];
      const want = `Sum of revenue: ${(Math.round(s * 100) / 100).toLocaleString('en-US')}`;
      await frame.locator('#v-layers').getByText(want).first().waitFor({ timeout: STEP });
      const tip = await frame.locator('#v-layers').evaluate((t) => t.innerText);
      assert.ok(tip.includes(`country: ${country}`), `tooltip ${tip} lacks ${country}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
      files.close();
    }
  });
});
