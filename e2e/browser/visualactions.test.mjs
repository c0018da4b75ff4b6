// Visual actions in the dashboard viewer, through the embedding SDK's
// embedDashboard in Chromium against the real server: a dashboard whose
// bar chart (revenue by region) has a filter-on-click action on a KPI and
// a table, and whose pie chart (revenue by segment) has a navigation
// action to a second sheet. Clicking a bar filters the targets, whose
// values equal SQL on the sample file for that region; clicking it again
// clears the filter; the pie's click opens the second sheet.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const column = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
const dim = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name) } });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });
const title = (text) => ({ Visibility: 'VISIBLE', FormatText: { PlainText: text } });

const definition = (region) => ({
  DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
  Sheets: [
    {
      SheetId: 'overview', Name: 'Overview',
      Visuals: [
        { BarChartVisual: {
          VisualId: 'bar', Title: title('Revenue by region'),
          ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('bar-region', 'region')], Values: [sum('bar-revenue', 'revenue')] } } },
          Actions: [{
            CustomActionId: 'filter-region', Name: 'Filter by region', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
            ActionOperations: [{ FilterOperation: {
              SelectedFieldsConfiguration: { SelectedFields: ['bar-region'] },
              TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisuals: ['kpi', 'table'] } },
            } }],
          }],
        } },
        { KPIVisual: { VisualId: 'kpi', Title: title('Revenue'), ChartConfiguration: { FieldWells: { Values: [sum('kpi-revenue', 'revenue')] } } } },
        { TableVisual: { VisualId: 'table', Title: title('By segment'), ChartConfiguration: { FieldWells: { TableAggregatedFieldWells: { GroupBy: [dim('t-segment', 'segment')], Values: [sum('t-revenue', 'revenue')] } } } } },
        { PivotTableVisual: {
          VisualId: 'pivot', Title: title('Segments by region'),
          ChartConfiguration: { FieldWells: { PivotTableAggregatedFieldWells: { Rows: [dim('pv-segment', 'segment'), dim('pv-region', 'region')], Values: [sum('pv-revenue', 'revenue')] } },
            TotalOptions: { RowSubtotalOptions: { TotalsVisibility: 'VISIBLE' } } },
          Actions: [{
            CustomActionId: 'filter-segment', Name: 'Filter by segment', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
            ActionOperations: [{ FilterOperation: {
              SelectedFieldsConfiguration: { SelectedFields: ['pv-segment'] },
              TargetVisualsConfiguration: { SameSheetTargetVisualConfiguration: { TargetVisuals: ['kpi'] } },
            } }],
          }],
        } },
        { PieChartVisual: {
          VisualId: 'pie', Title: title('Segments'),
          ChartConfiguration: { FieldWells: { PieChartAggregatedFieldWells: { Category: [dim('pie-segment', 'segment')], Values: [sum('pie-revenue', 'revenue')] } } },
          Actions: [{
            CustomActionId: 'open-detail', Name: 'Open detail', Status: 'ENABLED', Trigger: 'DATA_POINT_CLICK',
            ActionOperations: [{ NavigationOperation: { LocalNavigationConfiguration: { TargetSheetId: 'detail' } } }],
          }],
        } },
      ],
    },
    {
      SheetId: 'detail', Name: 'Detail',
      Visuals: [{ KPIVisual: { VisualId: 'detail-kpi', Title: title('Quantity'), ChartConfiguration: { FieldWells: { Values: [sum('d-quantity', 'quantity')] } } } }],
    },
  ],
});

async function createDashboard(id) {
  const region = sg.credentials.region;
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: id, Name: id, Definition: definition(region),
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
  }));
  await dashboardCreated(qs, id);
}

const num = (s) => Number(String(s).replaceAll(',', ''));
const round2 = (x) => Math.round(x * 100) / 100;

describe('visual actions in Chromium', () => {
  test('a bar click filters the targets (equal to SQL), a second click clears, a pie click navigates', { timeout: 180_000 }, async () => {
    await createDashboard('actions');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/actions')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, {}), url);
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      await frame.locator('#v-bar svg').waitFor({ timeout: STEP });
      const kpi = async () => num(await frame.locator('#v-kpi .kpi-value').textContent());
      const tableRows = async () => (await frame.locator('#v-table tbody tr').all()).length;
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(round2(await kpi()), total);

      // Click a bar: the KPI and the table show that region only.
      const box = await frame.locator('#v-bar .chart').boundingBox();
      assert.ok(box);
      // Find the bar by clicking each category until the filter names it
      // (bars are drawn in the data's order, which the SVG does not say).
      const regions = sql('SELECT DISTINCT region FROM orders').map((r) => r[0]);
      let clicked = null;
      for (const el of await frame.locator('#v-bar svg path').all()) {
        const b = await el.boundingBox();
        if (!b || b.width < 4 || b.height < 4 || b.width > box.width * 0.9) continue;
        await el.click({ timeout: STEP, force: true });
        const clear = frame.locator('#v-bar .action-clear');
        try {
          await clear.waitFor({ timeout: 2_000 });
        } catch {
          continue;
        }
        clicked = (await clear.textContent()).replace('Clear filter: ', '');
        break;
      }
      assert.ok(regions.includes(clicked), `a bar click filtered by ${clicked}`);
      const [[regionTotal]] = sql('SELECT round(sum(revenue), 2) FROM orders WHERE region = ?', clicked);
      for (let i = 0; i < 50 && round2(await kpi()) !== regionTotal; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), regionTotal, `KPI for ${clicked}`);
      const segments = sql('SELECT segment, round(sum(revenue), 2) FROM orders WHERE region = ? GROUP BY segment', clicked);
      assert.equal(await tableRows(), segments.length);
      const cells = await frame.locator('#v-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
      for (const [segment, rev] of segments) {
        const row = cells.find((c) => c[0] === segment);
        assert.ok(row, `table row ${segment}`);
        assert.equal(round2(num(row[1])), rev, `table ${segment} for ${clicked}`);
      }
      // The bar chart itself (the source) keeps every region.
      const barTexts = await frame.locator('#v-bar svg text').allTextContents();
      for (const r of regions) assert.ok(barTexts.includes(r), `bar ${r} still drawn`);

      // Clear: the targets show every region again.
      await frame.locator('#v-bar .action-clear').click();
      for (let i = 0; i < 50 && round2(await kpi()) !== total; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), total);

      // A pivot table row click (a row of the second segment's group,
      // whose group toggle sits in the first row): the KPI shows that
      // segment only.
      const [, [segment]] = sql('SELECT DISTINCT segment FROM orders ORDER BY 1');
      const pivotRow = frame.locator('#v-pivot tbody tr:not(.subtotal):not(.total)', { hasText: segment }).first();
      await pivotRow.locator('td').first().click({ timeout: STEP });
      await frame.locator('#v-pivot .action-clear').waitFor({ timeout: STEP });
      assert.equal((await frame.locator('#v-pivot .action-clear').textContent()).replace('Clear filter: ', ''), segment);
      const [[segmentTotal]] = sql('SELECT round(sum(revenue), 2) FROM orders WHERE segment = ?', segment);
      for (let i = 0; i < 50 && round2(await kpi()) !== segmentTotal; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), segmentTotal, `KPI for ${segment}`);
      await frame.locator('#v-pivot .action-clear').click();
      for (let i = 0; i < 50 && round2(await kpi()) !== total; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(round2(await kpi()), total);

      // A pie slice click opens the Detail sheet. A slice's box may hold
      // little of the slice (a thin one), so each drawn path is clicked in
      // turn until the sheet opens, as the bars are above.
      await frame.locator('#v-pie svg path').first().waitFor({ timeout: STEP });
      const detail = frame.locator('#v-detail-kpi .kpi-value');
      for (const el of await frame.locator('#v-pie svg path').all()) {
        const b = await el.boundingBox().catch(() => null);
        if (!b || b.width < 4 || b.height < 4) continue;
        await el.click({ timeout: STEP, force: true }).catch(() => {});
        try {
          await detail.waitFor({ timeout: 2_000 });
          break;
        } catch {
          continue;
        }
      }
      await detail.waitFor({ timeout: STEP });
      const [[quantity]] = sql('SELECT sum(quantity) FROM orders');
      assert.equal(num(await frame.locator('#v-detail-kpi .kpi-value').textContent()), quantity);
      await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && e.eventName === 'SELECTED_SHEET_CHANGED' && e.message?.selectedSheet?.SheetId === 'detail'), null, { timeout: STEP });
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
  // A chart below the fold of the host page is drawn after CONTENT_LOADED
  // (in idle time, without a scroll): its click action is bound when it
  // is drawn.
  test('a chart drawn after CONTENT_LOADED, below the fold, still runs its click action', { timeout: 120_000 }, async () => {
    await createDashboard('actions-fold');
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    try {
      await page.setViewportSize({ width: 1200, height: 260 });
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      const url = (await mintConsoleURL(qs, '/dashboards/actions-fold')).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, {}), url);
      await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && e.eventName === 'CONTENT_LOADED'), null, { timeout: STEP });
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      // The bar chart is on screen: drawn by CONTENT_LOADED.
      assert.equal(await frame.locator('#v-bar .chart svg').count(), 1, 'the bar chart on screen is drawn at CONTENT_LOADED');
      const pieBox = await frame.locator('#v-pie .chart').boundingBox();
      assert.ok(pieBox.y > 260, `the pie is below the fold: ${JSON.stringify(pieBox)}`);
      // Drawn without a scroll, then no chart waits.
      await frame.locator('#v-pie .chart svg').waitFor({ state: 'attached', timeout: STEP });
      assert.equal(await frame.locator('[data-echarts][aria-busy]').count(), 0);
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'nothing scrolled');
      await frame.locator('#v-pie svg path').first().click({ timeout: STEP, force: true });
      await frame.locator('#v-detail-kpi .kpi-value').waitFor({ timeout: STEP });
      const [[quantity]] = sql('SELECT sum(quantity) FROM orders');
      assert.equal(num(await frame.locator('#v-detail-kpi .kpi-value').textContent()), quantity);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
