// A Highcharts visual in Debian's Chromium through the embedding SDK: the
// user guide's kind of chart code (categories and data from getColumn,
// data labels in Highcharts' "{point.y:,.0f}" format) draws one column
// per country, labelled with SQL's sum of its revenue; hovering a column
// shows that sum; HTML in the chart code's title is drawn as text, not as
// elements of the page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand, CreateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const arn = (kind, id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:${kind}/${id}`;
const admin = () => arn('user', 'default/admin');

const chartCode = `{
  // revenue by country, as the user guide's example draws sales
  "chart": {"type": "column"},
  "title": {"text": "<b>Revenue</b> by <img src=x onerror=\\"window.injected=1\\">country"},
  "xAxis": {"categories": ["getColumn", 0]},
  "yAxis": {"min": 0, "title": {"text": "Revenue ($)"}},
  "legend": {"enabled": false},
  "series": [{"name": "Revenue", "data": ["getColumn", 1], "dataLabels": {"enabled": true, "format": "{point.y:,.0f}"}}],
}`;

// A packed bubble chart of the same sums (the kind of chart code the
// QuickSight dashboards MCP server writes), labelled with each country's
// name and sum.
const packedCode = `{
  "chart": {"type": "packedbubble"},
  "legend": {"enabled": false},
  "series": [{"name": "Revenue", "dataLabels": {"enabled": true, "format": "{point.name}: {point.value:,.0f}"},
    "data": ["map", ["getColumnFromGroupBy", 0], {"name": ["item"], "value": ["get", ["getColumnFromValue", 0], ["itemIndex"]]}]}]
}`;

describe('Highcharts visual in Chromium', () => {
  test('columns labelled with SQL\'s sums', { timeout: 120_000 }, async () => {
    const sums = sql('SELECT country, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC');
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
        AwsAccountId: ACCOUNT, DashboardId: 'hc', Name: 'hc',
        Definition: {
          DataSetIdentifierDeclarations: [{ Identifier: 'o', DataSetArn: arn('dataset', 'orders') }],
          Sheets: [{ SheetId: 's', Name: 'Highcharts', Visuals: [{ PluginVisual: {
            VisualId: 'hc', PluginArn: 'arn:aws:quicksight::aws:visualplugin/highcharts/alias/V1',
            ChartConfiguration: {
              FieldWells: [
                { AxisName: 'GROUP_BY', Dimensions: [{ CategoricalDimensionField: { FieldId: 'c', Column: column('country') } }] },
                { AxisName: 'VALUE', Measures: [{ NumericalMeasureField: { FieldId: 'r', Column: column('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }] },
              ],
              SortConfiguration: { PluginVisualTableQuerySort: { RowSort: [{ FieldSort: { FieldId: 'r', Direction: 'DESC' } }] } },
              VisualOptions: { VisualProperties: [{ Name: 'codeEditor', Value: chartCode }] },
            } } }, { PluginVisual: {
            VisualId: 'pb', PluginArn: 'arn:aws:quicksight::aws:visualplugin/highcharts/alias/V1',
            ChartConfiguration: {
              FieldWells: [
                { AxisName: 'GROUP_BY', Dimensions: [{ CategoricalDimensionField: { FieldId: 'c', Column: column('country') } }] },
                { AxisName: 'VALUE', Measures: [{ NumericalMeasureField: { FieldId: 'r', Column: column('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }] },
              ],
              VisualOptions: { VisualProperties: [{ Name: 'codeEditor', Value: packedCode }] },
            } } }] }],
        },
        Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
      }));
      await dashboardCreated(qs, 'hc');
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/hc')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const tile = frame.locator('#v-hc');
      const fmt = (n) => Math.round(n).toLocaleString('en-US');
      await tile.locator('svg text', { hasText: fmt(sums[0][1]) }).first().waitFor({ timeout: STEP });
      const texts = await tile.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent));
      for (const [country, s] of sums) {
        assert.ok(texts.includes(fmt(s)), `${country}'s label ${fmt(s)} not among ${JSON.stringify(texts)}`);
      }
      assert.ok(texts.includes(sums[0][0]), `category ${sums[0][0]} not drawn`); // others may be hidden where they would overlap
      // The title's HTML is text: no element of it reached the page.
      assert.ok(texts.some((t) => t.includes('Revenue by country')), `title: ${JSON.stringify(texts)}`);
      assert.equal(await tile.locator('b, img').count(), 0);
      assert.equal(await frame.locator('body').evaluate(() => window.injected), undefined);

      // Hovering the first column shows its sum.
      const label = tile.locator('svg text', { hasText: fmt(sums[0][1]) }).first();
      const box = await label.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height + 12);
      await tile.getByText(sums[0][0]).last().waitFor({ timeout: STEP });
      const tip = await tile.evaluate((t) => t.innerText);
      const two = (Math.round(sums[0][1] * 100) / 100).toLocaleString('en-US');
      assert.ok(tip.includes(two) || tip.includes(fmt(sums[0][1])), `tooltip ${tip} lacks ${two}`);

      // The packed bubbles: one per country, labelled with SQL's sum
      // (labels that would overlap hidden, as Highcharts hides them);
      // Highcharts' sizes make the largest sum's bubble five times as wide
      // as the smallest's (50 % and 10 % of the plot over √n), and no two
      // overlap.
      const packed = frame.locator('#v-pb');
      await packed.scrollIntoViewIfNeeded();
      await packed.locator('svg text', { hasText: `${sums[0][0]}: ${fmt(sums[0][1])}` }).first().waitFor({ timeout: STEP });
      const labels = await packed.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent));
      const want = new Set(sums.map(([country, s]) => `${country}: ${fmt(s)}`));
      assert.ok(labels.length > 0 && labels.every((l) => want.has(l)), `bubble labels ${JSON.stringify(labels)}`);
      const circles = await packed.locator('svg path').evaluateAll((ps) => ps.map((p) => {
        const m = /matrix\(([-\d.e]+),0,0,([-\d.e]+),([-\d.e]+),([-\d.e]+)\)/.exec(p.getAttribute('transform') || '');
        return m && Number(m[1]) > 0 && m[1] === m[2] ? { r: Number(m[1]), x: Number(m[3]), y: Number(m[4]) } : null;
      }).filter(Boolean));
      assert.equal(circles.length, sums.length, `bubbles ${JSON.stringify(circles)}`);
      const radii = circles.map((c) => c.r).sort((a, b) => a - b);
      assert.ok(Math.abs(radii.at(-1) / radii[0] - 5) < 0.02, `largest over smallest radius ${radii.at(-1) / radii[0]}, want 5`);
      for (let i = 0; i < circles.length; i++) {
        for (let j = i + 1; j < circles.length; j++) {
          const [a, b] = [circles[i], circles[j]];
          assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `bubbles ${i} and ${j} overlap`);
        }
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
