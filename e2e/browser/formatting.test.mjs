// A dashboard with a computed reference line and conditional formatting,
// embedded through the SDK's embedConsole in Chromium: the bar chart
// draws its average line labelled with SQL's average of the per-region
// sums and its 75th percentile line SQL's continuous 75th percentile of
// them, and the table's revenue cells above that average are red and
// flagged, the others not, as SQL says; its second revenue column carries
// the three-color arrows by the third of the range each sum lies in; a
// gauge draws its conditional icon, a KPI its progress bar's color.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'formatting';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

async function createDashboard(limit) {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  const regionDim = (id) => ({ CategoricalDimensionField: { FieldId: id, Column: col('region') } });
  const revenue = (id) => ({ NumericalMeasureField: { FieldId: id, Column: col('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Sales', Visuals: [
        { BarChartVisual: { VisualId: 'bars', ChartConfiguration: {
          FieldWells: { BarChartAggregatedFieldWells: { Category: [regionDim('b-r')], Values: [revenue('b-rev')] } },
          ReferenceLines: [{
            DataConfiguration: { DynamicConfiguration: { Column: col('revenue'),
              MeasureAggregationFunction: { NumericalAggregationFunction: { SimpleNumericalAggregation: 'SUM' } },
              Calculation: { SimpleNumericalAggregation: 'AVERAGE' } } },
            StyleConfiguration: { Pattern: 'SOLID', Color: '#2CAD00' },
            LabelConfiguration: { CustomLabelConfiguration: { CustomLabel: 'Average' }, ValueLabelConfiguration: { RelativePosition: 'AFTER_CUSTOM_LABEL' } },
          }, {
            DataConfiguration: { DynamicConfiguration: { Column: col('revenue'),
              Calculation: { PercentileAggregation: { PercentileValue: 75 } } } },
            LabelConfiguration: { CustomLabelConfiguration: { CustomLabel: 'P75' }, ValueLabelConfiguration: { RelativePosition: 'AFTER_CUSTOM_LABEL' } },
          }],
        } } },
        { TableVisual: { VisualId: 'tbl',
          ChartConfiguration: { FieldWells: { TableAggregatedFieldWells: { GroupBy: [regionDim('t-r')], Values: [revenue('t-rev'), revenue('t-rev2')] } } },
          ConditionalFormatting: { ConditionalFormattingOptions: [
            { Cell: { FieldId: 't-rev', TextFormat: {
              TextColor: { Solid: { Expression: `sum({revenue}) > ${limit}`, Color: '#DE3B00' } },
              Icon: { CustomCondition: { Expression: `sum({revenue}) > ${limit}`, IconOptions: { Icon: 'FLAG' } } } } } },
            { Cell: { FieldId: 't-rev2', TextFormat: { Icon: { IconSet: { Expression: 'sum({revenue})', IconSetType: 'THREE_COLOR_ARROW' } } } } },
          ] } } },
        { GaugeChartVisual: { VisualId: 'gauge',
          ChartConfiguration: { FieldWells: { Values: [revenue('g-rev')], TargetValues: [revenue('g-target')] } },
          ConditionalFormatting: { ConditionalFormattingOptions: [
            { PrimaryValue: { Icon: { CustomCondition: { Expression: 'sum({revenue}) > 0', IconOptions: { UnicodeIcon: '★' }, Color: '#2CAD00' } } } },
          ] } } },
        { KPIVisual: { VisualId: 'kpi',
          ChartConfiguration: { FieldWells: { Values: [revenue('k-rev')], TargetValues: [revenue('k-target')] } },
          ConditionalFormatting: { ConditionalFormattingOptions: [
            { ProgressBar: { ForegroundColor: { Solid: { Expression: 'sum({revenue}) > 0', Color: '#DE3B00' } } } },
          ] } } },
      ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

describe('reference lines and conditional formatting in Chromium', () => {
  test('the average line and the red, flagged cells', { timeout: 120_000 }, async () => {
    const sums = sql('SELECT region, sum(revenue) FROM orders GROUP BY region');
    const avg = sums.reduce((a, [, s]) => a + s, 0) / sums.length;
    const limit = Math.round(avg);
    await createDashboard(limit);
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {

      // The line's label, in the page's SVG, is SQL's average.
      await frame.locator('#v-bars svg').waitFor({ timeout: STEP });
      const texts = await frame.locator('#v-bars svg text').allTextContents();
      const label = texts.find((t) => t.startsWith('Average '));
      assert.ok(label, `a reference line label in ${texts}`);
      const drawn = Number(label.slice('Average '.length).replaceAll(',', ''));
      assert.ok(Math.abs(drawn - avg) <= 0.011, `reference line ${label}, SQL average ${avg}`);
      // The percentile line: the value at rank 0.75·(n−1) of the sorted
      // per-region sums, interpolated, in SQL alone.
      const [[p75]] = sql(`WITH s AS (SELECT sum(revenue) AS v FROM orders GROUP BY region),
        r AS (SELECT v, row_number() OVER (ORDER BY v) - 1 AS i, 0.75 * (count(*) OVER () - 1) AS k FROM s)
        SELECT max(CASE WHEN i = CAST(k AS INTEGER) THEN v END)
          + (max(k) - CAST(max(k) AS INTEGER)) * (coalesce(max(CASE WHEN i = CAST(k AS INTEGER) + 1 THEN v END), max(CASE WHEN i = CAST(k AS INTEGER) THEN v END)) - max(CASE WHEN i = CAST(k AS INTEGER) THEN v END))
        FROM r`);
      const pLabel = texts.find((t) => t.startsWith('P75 '));
      assert.ok(pLabel, `a percentile line label in ${texts}`);
      const pDrawn = Number(pLabel.slice('P75 '.length).replaceAll(',', ''));
      assert.ok(Math.abs(pDrawn - p75) <= 0.011, `reference line ${pLabel}, SQL 75th percentile ${p75}`);
      assert.ok(Math.abs(pDrawn - avg) > 1, 'the percentile line is not the average');

      // Each revenue cell: red text and a flag exactly where SQL's sum is
      // above the limit.
      const cells = await frame.locator('#v-tbl tbody tr').evaluateAll((rows) => rows.map((r) => {
        const [name, rev] = r.querySelectorAll('td');
        return { name: name.textContent, color: getComputedStyle(rev).color, icon: getComputedStyle(rev, '::before').content };
      }));
      assert.equal(cells.length, sums.length);
      let red = 0;
      for (const c of cells) {
        const [, sum] = sums.find(([r]) => r === c.name);
        const above = sum > limit;
        red += above ? 1 : 0;
        assert.equal(c.color === 'rgb(222, 59, 0)', above, `${c.name}: ${sum} vs ${limit}, color ${c.color}`);
        assert.equal(c.icon === '"⚑"', above, `${c.name}: icon ${c.icon}`);
      }
      assert.ok(red > 0 && red < cells.length, `some cells red, some not: ${JSON.stringify(cells)}`);

      // The icon set: each region's arrow and its color by the third of
      // the regions' range its sum lies in.
      const arrows = await frame.locator('#v-tbl tbody tr').evaluateAll((rows) => rows.map((r) => {
        const cell = r.querySelectorAll('td')[2];
        const before = getComputedStyle(cell, '::before');
        return { name: r.querySelector('td').textContent, icon: before.content, color: before.color };
      }));
      const lo = Math.min(...sums.map(([, s]) => s)), hi = Math.max(...sums.map(([, s]) => s));
      for (const a of arrows) {
        const [, sum] = sums.find(([r]) => r === a.name);
        const pct = (sum - lo) / (hi - lo);
        const [icon, color] = pct >= 2 / 3 ? ['"↑"', 'rgb(44, 173, 0)'] : pct >= 1 / 3 ? ['"→"', 'rgb(249, 176, 0)'] : ['"↓"', 'rgb(222, 59, 0)'];
        assert.deepEqual({ icon: a.icon, color: a.color }, { icon, color }, `${a.name}: ${sum} in [${lo}, ${hi}]`);
      }

      // The gauge's icon, drawn in its color before the primary value.
      await frame.locator('#v-gauge svg').waitFor({ timeout: STEP });
      const star = await frame.locator('#v-gauge svg text').evaluateAll((ts) => ts.filter((t) => t.textContent.includes('★')).map((t) => t.getAttribute('fill') || t.style.fill));
      assert.equal(star.length, 1, 'one icon on the gauge');
      assert.match(star[0], /^(#2CAD00|rgb\(44, ?173, ?0\))$/i);
      // The KPI's progress bar filled in its conditional color.
      const accent = await frame.locator('#v-kpi progress').evaluate((el) => getComputedStyle(el).accentColor);
      assert.equal(accent, 'rgb(222, 59, 0)');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
