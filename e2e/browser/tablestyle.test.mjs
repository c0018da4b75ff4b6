// A table's cell styles through embedConsole in Chromium: its
// HeaderStyle, CellStyle (side borders between rows) and alternate row
// colors drawn as the definition says, read back as the browser computes
// them; what is not drawn is named under the tile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'tablestyle';

const { sg, host, qs, browser } = await setUp({ browser: 'allowed' });

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Styles',
        Visuals: [
          { TableVisual: { VisualId: 'tbl', ChartConfiguration: {
            FieldWells: { TableAggregatedFieldWells: {
              GroupBy: [{ CategoricalDimensionField: { FieldId: 'r', Column: col('region') } }],
              Values: [{ NumericalMeasureField: { FieldId: 'p', Column: col('profit'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }] } },
            TableOptions: {
              HeaderStyle: { BackgroundColor: '#0A87AF', FontConfiguration: { FontColor: '#FFFFFF', FontSize: { Absolute: '16px' }, FontWeight: { Name: 'BOLD' } },
                Border: { UniformBorder: { Color: '#112233', Style: 'SOLID', Thickness: 3 } } },
              CellStyle: { BackgroundColor: '#FAFAFA', HorizontalTextAlignment: 'CENTER', Height: 40,
                Border: { SideSpecificBorder: { InnerHorizontal: { Color: '#00AA00', Style: 'SOLID', Thickness: 2 } } } },
              RowAlternateColorOptions: { Status: 'ENABLED', RowAlternateColors: ['#E0E0FF'] },
            } } } },
        ] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

const computed = (loc) => loc.evaluate((el) => {
  const s = getComputedStyle(el);
  return { background: s.backgroundColor, color: s.color, fontSize: s.fontSize, fontWeight: s.fontWeight, textAlign: s.textAlign,
    borderTop: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, borderBottom: `${s.borderBottomWidth} ${s.borderBottomStyle} ${s.borderBottomColor}`,
    height: el.getBoundingClientRect().height };
});

describe('table cell styles in Chromium', () => {
  test('a header cell, a body cell and an alternate row take their styles', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const rows = frame.locator('#v-tbl tbody tr');
      await rows.first().waitFor({ timeout: STEP });
      assert.ok(await rows.count() >= 3, 'the table has fewer than three rows');

      const th = await computed(frame.locator('#v-tbl thead th').first());
      assert.equal(th.background, 'rgb(10, 135, 175)');
      assert.equal(th.color, 'rgb(255, 255, 255)');
      assert.equal(th.fontSize, '16px');
      assert.equal(th.fontWeight, '700');
      assert.equal(th.borderTop, '3px solid rgb(17, 34, 51)');

      const first = await computed(rows.nth(0).locator('td').first());
      assert.equal(first.background, 'rgb(250, 250, 250)');
      assert.equal(first.textAlign, 'center');
      assert.ok(first.height >= 40, `row height ${first.height}`);
      assert.equal(first.borderBottom, '2px solid rgb(0, 170, 0)');

      const alternate = await computed(rows.nth(1).locator('td').last());
      assert.equal(alternate.background, 'rgb(224, 224, 255)');
      assert.equal(alternate.textAlign, 'center');
      const third = await computed(rows.nth(2).locator('td').first());
      assert.equal(third.background, 'rgb(250, 250, 250)');

      // Every style is drawn: no note (a HORIZONTAL table is drawn turned:
      // horizontaltable.test.mjs).
      const note = await frame.locator('#v-tbl .tile-note').allTextContents();
      assert.deepEqual(note, []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
