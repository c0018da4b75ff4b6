// The analysis editor through the embedding SDK's embedConsole, in
// Debian's Chromium against the real server: an author creates an analysis
// from the sample dataset, adds a bar chart, drags region into its X axis
// (SortableJS) and adds revenue to its values by keyboard ("Add to
// Value"), reads the drawn bars, compares them with SQL on the sample
// file, and publishes a dashboard whose definition the API returns equal
// to the analysis's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DescribeAnalysisDefinitionCommand, DescribeDashboardDefinitionCommand, ListAnalysesCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, editorChange, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

describe('analysis editor in Chromium', () => {
  test('build a bar chart by drag and by keyboard, compare with SQL, publish', { timeout: 180_000 }, async () => {
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, '/start/analyses', STEP);
    try {

      await frame.locator('a.new-analysis').click({ timeout: STEP });
      await frame.locator('input[name="dataSetId"][value="sample-sales"]').check({ timeout: STEP });
      await frame.locator('form.new-analysis input[name="name"]').fill('Revenue by region (browser)');
      await frame.locator('form.new-analysis button[type="submit"]').click();
      await frame.locator('#editor').waitFor({ timeout: STEP });
      let version = await frame.locator('#editor').getAttribute('data-version');
      // The host hears of the editor page.
      await page.waitForFunction(() => window.events.some((e) => e.kind === 'message' && e.eventName === 'PAGE_NAVIGATION' && e.message?.pageType === 'ANALYSIS' && e.message?.analysisId), null, { timeout: STEP });

      await frame.locator('.visual-picker button[data-kind="BarChartVisual"]').click();
      version = await editorChange(frame, version);

      // region by drag and drop into the X axis well.
      await frame.locator('.field-list .field[data-column="region"] .field-name').dragTo(frame.locator('.well[data-well="Category"]'));
      version = await editorChange(frame, version);
      assert.deepEqual(await frame.locator('.well[data-well="Category"] .well-field-label').allTextContents(), ['region']);

      // revenue by keyboard: open its "Add…" menu and press "Add to Value".
      const revenue = frame.locator('.field-list .field[data-column="revenue"]');
      await revenue.locator('summary').focus();
      await page.keyboard.press('Enter');
      await revenue.locator('button[data-well="Values"]').focus();
      await page.keyboard.press('Enter');
      version = await editorChange(frame, version);
      assert.deepEqual(await frame.locator('.well[data-well="Values"] .well-field-label').allTextContents(), ['sum(revenue)']);

      // The drawn bars are SQL's sums.
      await frame.locator('#v-visual-1 svg').waitFor({ timeout: STEP });
      const texts = await frame.locator('#v-visual-1 svg text').allTextContents();
      for (const [region, sum] of sql('SELECT region, round(sum(revenue), 2) FROM orders GROUP BY region')) {
        assert.ok(texts.includes(region), `axis label ${region} in ${texts}`);
        const formatted = sum.toLocaleString('en-US', { maximumFractionDigits: 2 });
        assert.ok(texts.includes(formatted), `bar label ${formatted} (SQL ${sum}) for ${region} in ${texts}`);
      }

      // The API returns what the author built.
      const list = await qs.send(new ListAnalysesCommand({ AwsAccountId: ACCOUNT }));
      const id = list.AnalysisSummaryList.find((a) => a.Name === 'Revenue by region (browser)').AnalysisId;
      const an = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: id }));
      const bar = an.Definition.Sheets[0].Visuals[0].BarChartVisual;
      const wells = bar.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
      assert.equal(wells.Category[0].CategoricalDimensionField.Column.ColumnName, 'region');
      assert.equal(wells.Values[0].NumericalMeasureField.Column.ColumnName, 'revenue');

      // Publish a new dashboard.
      await frame.locator('details.publish summary').click();
      await frame.locator('.publish-form button[type="submit"]').click();
      const link = frame.locator('.editor-published a[data-dashboard-id]');
      await link.waitFor({ timeout: STEP });
      const dashboardId = await link.getAttribute('data-dashboard-id');
      const dash = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: dashboardId }));
      assert.deepEqual(dash.Definition.Sheets, an.Definition.Sheets);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
