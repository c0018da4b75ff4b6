// A bar chart whose measure is null for one region, its field carrying a
// null text and a number format, embedded through the SDK's embedConsole
// in Chromium: hovering that region's (undrawn) bar, the tooltip reads
// the null text; hovering another, its SQL sum in the number format.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'nulltext';
const NULL_TEXT = 'no sales';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

async function createDashboard(nullRegion) {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      CalculatedFields: [{ DataSetIdentifier: 'sales', Name: 'rev_or_null', Expression: `ifelse({region} = '${nullRegion}', NULL, {revenue})` }],
      Sheets: [{ SheetId: 's', Name: 'Sales', Visuals: [
        { BarChartVisual: { VisualId: 'bars', ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: {
          Category: [{ CategoricalDimensionField: { FieldId: 'region', Column: col('region') } }],
          Values: [{ NumericalMeasureField: { FieldId: 'rev', Column: col('rev_or_null'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
            FormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { Prefix: '$', NumberScale: 'THOUSANDS',
              DecimalPlacesConfiguration: { DecimalPlaces: 1 }, NullValueFormatConfiguration: { NullString: NULL_TEXT } } } } } }],
        } } } } },
      ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

// label writes a sum as the format says: thousands, one decimal, "$".
const label = (sum) => '$' + (sum / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + 'K';

describe('null text in chart tooltips in Chromium', () => {
  test('a null bar\'s tooltip reads the field\'s null text', { timeout: 120_000 }, async () => {
    const [[nullRegion]] = sql('SELECT region FROM orders GROUP BY region ORDER BY region LIMIT 1');
    await createDashboard(nullRegion);
    // SQL, independently: the region's sum is null, the others' are not.
    const sums = sql(`SELECT region, sum(CASE WHEN region = ? THEN NULL ELSE revenue END) FROM orders GROUP BY region`, nullRegion);
    assert.equal(sums.find(([r]) => r === nullRegion)[1], null);
    const [other, otherSum] = sums.find(([r]) => r !== nullRegion);
    assert.notEqual(otherSum, null);

    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const svg = frame.locator('#v-bars svg');
      await svg.waitFor({ timeout: STEP });

      // hover moves the pointer over a region's bar (the axis tooltip
      // answers anywhere in its column: above its category label, in the
      // middle of the chart) and returns the tooltip's text.
      const hover = async (name) => {
        const tick = svg.locator('text', { hasText: name }).first();
        const t = await tick.boundingBox();
        const s = await svg.boundingBox();
        assert.ok(t && s, `the label of ${name} and the chart are drawn`);
        await page.mouse.move(s.x + s.width / 2, s.y + 2);
        await page.mouse.move(t.x + t.width / 2, s.y + s.height / 2, { steps: 4 });
        // ECharts' tooltip: the chart's one div drawn above all (z-index).
        const tip = frame.locator('#v-bars div[style*="9999999"]', { hasText: name }).filter({ visible: true });
        await tip.waitFor({ timeout: STEP });
        return tip.innerText();
      };
      const nullTip = await hover(nullRegion);
      assert.ok(nullTip.includes(NULL_TEXT), `the tooltip of ${nullRegion} reads the null text: ${JSON.stringify(nullTip)}`);
      const otherTip = await hover(other);
      assert.ok(otherTip.includes(label(otherSum)) && !otherTip.includes(NULL_TEXT),
        `the tooltip of ${other} reads ${label(otherSum)}: ${JSON.stringify(otherTip)}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
