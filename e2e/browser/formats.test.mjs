// Formats a definition asks of its visuals, drawn by the page in Debian's
// Chromium and read off it: a pie whose labels give each slice's share
// (LabelContent PERCENT), a funnel whose labels give each stage's share of
// the first (MeasureDataLabelStyle), a bar chart on a logarithmic value
// axis, a rich-text title naming a parameter's value, and a text box whose
// list of links keeps its lines and links, and a bar chart drawn as small
// multiples, a panel per region. Every share and sum is checked against
// SQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand, CreateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const arn = (kind, id) => `arn:aws:quicksight:${sg.credentials.region}:${ACCOUNT}:${kind}/${id}`;
const admin = () => arn('user', 'default/admin');
const column = (name) => ({ DataSetIdentifier: 'o', ColumnName: name });
const dim = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name) } });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });

describe('visual formats in Chromium', () => {
  test('shares, a logarithmic axis, a rich title and a text box, read off the page', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await qs.send(new CreateDataSetCommand({
        AwsAccountId: ACCOUNT, DataSetId: 'orders', Name: 'orders', ImportMode: 'DIRECT_QUERY',
        PhysicalTableMap: { t: { CustomSql: { DataSourceArn: arn('datasource', 'sample-sales'), Name: 'q', SqlQuery: 'SELECT segment, country, region, revenue FROM orders',
          Columns: [{ Name: 'segment', Type: 'STRING' }, { Name: 'country', Type: 'STRING' }, { Name: 'region', Type: 'STRING' }, { Name: 'revenue', Type: 'DECIMAL' }] } } },
        Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDataSet', 'quicksight:PassDataSet'] }],
      }));
      const grid = (ids) => ids.map((id, i) => ({ ElementId: id, ElementType: id === 'links' ? 'TEXT_BOX' : 'VISUAL', ColumnSpan: 18, RowSpan: 12, ColumnIndex: (i % 2) * 18, RowIndex: Math.floor(i / 2) * 12 }));
      await qs.send(new CreateDashboardCommand({
        AwsAccountId: ACCOUNT, DashboardId: 'formats', Name: 'formats',
        Definition: {
          DataSetIdentifierDeclarations: [{ Identifier: 'o', DataSetArn: arn('dataset', 'orders') }],
          ParameterDeclarations: [{ StringParameterDeclaration: { Name: 'Unit', ParameterValueType: 'SINGLE_VALUED', DefaultValues: { StaticValues: ['USD'] } } }],
          Sheets: [{
            SheetId: 's', Name: 'Formats',
            Visuals: [
              { PieChartVisual: { VisualId: 'pie',
                Title: { Visibility: 'VISIBLE', FormatText: { RichText: '<visual-title>Revenue in <parameter>${Unit}</parameter> by <b>segment</b></visual-title>' } },
                ChartConfiguration: { FieldWells: { PieChartAggregatedFieldWells: { Category: [dim('s', 'segment')], Values: [sum('r', 'revenue')] } },
                  DataLabels: { Visibility: 'VISIBLE', LabelContent: 'PERCENT' } } } },
              { FunnelChartVisual: { VisualId: 'funnel',
                ChartConfiguration: { FieldWells: { FunnelChartAggregatedFieldWells: { Category: [dim('s', 'segment')], Values: [sum('r', 'revenue')] } },
                  DataLabelOptions: { Visibility: 'VISIBLE', MeasureDataLabelStyle: 'PERCENTAGE_BY_FIRST_STAGE' } } } },
              { BarChartVisual: { VisualId: 'log',
                ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('c', 'country')], Values: [sum('r', 'revenue')] } },
                  ValueAxis: { DataOptions: { NumericAxisOptions: { Scale: { Logarithmic: {} } } } } } } },
              { BarChartVisual: { VisualId: 'multiples',
                ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('s', 'segment')], SmallMultiples: [dim('g', 'region')], Values: [sum('r', 'revenue')] } } } } },
            ],
            TextBoxes: [{ SheetTextBoxId: 'links', Content: '<text-box>Read more:<br/><ul><li><a href="https://example.com/a" target="_blank">First</a></li><li><b>Second</b>: plain</li></ul></text-box>' }],
            Layouts: [{ Configuration: { GridLayout: { Elements: grid(['pie', 'funnel', 'log', 'links', 'multiples']) } } }],
          }],
        },
        Permissions: [{ Principal: admin(), Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
      }));
      await dashboardCreated(qs, 'formats');
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/formats')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');

      // The pie: every label is a segment and its share, SQL's to the cent
      // of a percent.
      const segments = sql('SELECT segment, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC');
      const total = segments.reduce((t, [, v]) => t + v, 0);
      const pie = frame.locator('#v-pie');
      await pie.locator('svg text', { hasText: '%' }).first().waitFor({ timeout: STEP });
      const pieText = (await pie.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent))).join('\n');
      for (const [segment, v] of segments) {
        const share = Math.round((v / total) * 10000) / 100;
        assert.ok(pieText.includes(segment) && pieText.includes(`${share}%`), `${segment}'s share ${share}% not among ${pieText}`);
      }
      // Its rich title: the parameter's value, the bold word as bold.
      assert.equal((await pie.locator('.tile-title').textContent()).trim(), 'Revenue in USD by segment');
      assert.equal(await pie.locator('.tile-title b').textContent(), 'segment');

      // The funnel: stages by revenue, each labelled with its share of the
      // first.
      const funnel = frame.locator('#v-funnel');
      await funnel.locator('svg text', { hasText: '%' }).first().waitFor({ timeout: STEP });
      const funnelText = (await funnel.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent))).join('\n');
      for (const [segment, v] of segments) {
        const share = Math.round((v / segments[0][1]) * 10000) / 100;
        assert.ok(funnelText.includes(`${segment}: ${share}%`), `${segment}: ${share}% not among ${funnelText}`);
      }

      // The logarithmic axis: ticks a power of ten apart.
      const bars = frame.locator('#v-log');
      await bars.locator('svg text', { hasText: /^1(0|00)?[KM]$/ }).first().waitFor({ timeout: STEP });
      const ticks = await bars.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent).filter((s) => /^[\d.]+[KM]?$/.test(s)));
      const values = ticks.map((s) => Number.parseFloat(s) * ({ K: 1e3, M: 1e6 }[s.at(-1)] ?? 1));
      const powers = values.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
      assert.ok(powers.length >= 2 && powers.length === values.length, `log axis ticks ${JSON.stringify(ticks)}`);

      // The text box: its lines, its list and its link.
      const box = frame.locator('#t-links');
      const link = box.locator('a[href="https://example.com/a"]');
      assert.equal(await link.textContent(), 'First');
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await box.locator('br').count(), 2);
      assert.match(await box.innerText(), /Read more:\n• First\n• Second: plain/);

      // Small multiples: a panel per region, in order, each bar labelled
      // with SQL's sum for its region and segment.
      const regions = sql('SELECT region, segment, sum(revenue) FROM orders GROUP BY 1, 2 ORDER BY 1, 2');
      const names = [...new Set(regions.map(([r]) => r))];
      const multiples = frame.locator('#v-multiples');
      await multiples.scrollIntoViewIfNeeded();
      await multiples.locator('.panel svg').first().waitFor({ timeout: STEP });
      assert.deepEqual(await multiples.locator('.panel-title').allTextContents(), names);
      const fmt = (n) => (Math.round(n * 100) / 100).toLocaleString('en-US');
      for (const [i, name] of names.entries()) {
        const panel = multiples.locator('.panel').nth(i);
        await panel.locator('svg').waitFor({ timeout: STEP });
        const texts = await panel.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent));
        for (const [, segment, v] of regions.filter(([r]) => r === name)) {
          assert.ok(texts.includes(fmt(v)), `${name} ${segment}: ${fmt(v)} not among ${JSON.stringify(texts)}`);
        }
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
