// A box plot of revenue by segment whose measure carries a number format
// (a "€" prefix, one decimal), embedded through the SDK in Chromium: its
// value axis labels and a box's tooltip are written in the format, the
// tooltip's median and quartiles as SQL's values over the sample file,
// interpolated as PERCENTILE_CONT.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'boxformat';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

// percentile is the continuous percentile p (0 to 1) of sorted values.
const percentile = (s, p) => {
  const x = p * (s.length - 1);
  const i = Math.floor(x);
  return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
};
const euros = (v) => '€' + v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe('a box plot in its number format in Chromium', () => {
  test('the value axis and a box\'s tooltip are written in the measure\'s format', { timeout: 120_000 }, async () => {
    const region = sg.credentials.region;
    const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
    await qs.send(new CreateDashboardCommand({
      AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
      Definition: {
        DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
        Sheets: [{ SheetId: 's', Name: 'Box', Visuals: [
          { BoxPlotVisual: { VisualId: 'box', ChartConfiguration: { FieldWells: { BoxPlotAggregatedFieldWells: {
            GroupBy: [{ CategoricalDimensionField: { FieldId: 'g', Column: col('segment') } }],
            Values: [{ NumericalMeasureField: { FieldId: 'v', Column: col('revenue'),
              FormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { Prefix: '€',
                DecimalPlacesConfiguration: { DecimalPlaces: 1 } } } } } }] } } } } },
        ] }],
      },
      Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
    }));
    await dashboardCreated(qs, ID);
    const [[segment]] = sql('SELECT min(segment) FROM orders');
    const values = sql('SELECT revenue FROM orders WHERE segment = ? AND revenue IS NOT NULL ORDER BY 1', segment).map(([v]) => v);
    assert.ok(values.length > 10, `only ${values.length} values`);
    // Rounded to cents as the server draws them.
    const want = [0.25, 0.5, 0.75].map((p) => euros(Math.round(percentile(values, p) * 100) / 100));

    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const svg = frame.locator('#v-box svg');
      await svg.waitFor({ timeout: STEP });
      const texts = await svg.locator('text').evaluateAll((ns) => ns.map((n) => n.textContent));
      assert.ok(texts.some((t) => /^€[0-9,]+\.[0-9]$/.test(t)), `a value axis label in the format: ${JSON.stringify(texts)}`);
      // The first segment's box: down its column until the tooltip shows.
      const tick = await svg.locator('text', { hasText: segment }).first().boundingBox();
      const s = await svg.boundingBox();
      assert.ok(tick && s, 'the segment label and the chart are drawn');
      const tip = frame.locator('#v-box div[style*="9999999"]').filter({ visible: true });
      let text = '';
      for (let y = s.y + 8; y < tick.y && !text.includes('median'); y += 6) {
        await page.mouse.move(tick.x + tick.width / 2, y);
        if (await tip.count()) text = await tip.first().innerText();
      }
      for (const w of want) assert.ok(text.includes(w), `the tooltip ${JSON.stringify(text)} reads ${w}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
