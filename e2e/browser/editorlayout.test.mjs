// The analysis editor's sheets, layout, format, actions and version
// history through the embedding SDK's embedConsole in Chromium: an author
// builds a bar chart, resizes its tile by keyboard and moves it by
// dragging its handle, hides its legend, adds a sheet and a navigation
// action to it, then returns to an older version from the history; the
// API returns each change (DescribeAnalysisDefinition).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DescribeAnalysisDefinitionCommand, ListAnalysesCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, editorChange, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser } = await setUp({ browser: 'allowed' });

describe('analysis editor layout in Chromium', () => {
  test('resize by keyboard, move by drag, format, sheets, actions, version history', { timeout: 180_000 }, async () => {
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, '/start/analyses', STEP);
    try {
      await frame.locator('a.new-analysis').click({ timeout: STEP });
      await frame.locator('input[name="dataSetId"][value="sample-sales"]').check({ timeout: STEP });
      await frame.locator('form.new-analysis input[name="name"]').fill('Layout (browser)');
      await frame.locator('form.new-analysis button[type="submit"]').click();
      await frame.locator('#editor').waitFor({ timeout: STEP });
      let version = await frame.locator('#editor').getAttribute('data-version');
      const list = await qs.send(new ListAnalysesCommand({ AwsAccountId: ACCOUNT }));
      const id = list.AnalysisSummaryList.find((a) => a.Name === 'Layout (browser)').AnalysisId;
      const described = async () => (await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: id }))).Definition;
      const element = async () => (await described()).Sheets[0].Layouts[0].Configuration.GridLayout.Elements[0];

      await frame.locator('.visual-picker button[data-kind="BarChartVisual"]').click();
      version = await editorChange(frame, version);
      for (const [column, well] of [['region', 'Category'], ['revenue', 'Values']]) {
        const f = frame.locator(`.field-list .field[data-column="${column}"]`);
        await f.locator('summary').click();
        await f.locator(`button[data-well="${well}"]`).click();
        version = await editorChange(frame, version);
      }
      // The suggested type for one dimension and a measure is the bar it is.
      assert.equal(await frame.locator('.suggested-type').count(), 0);

      // Resize by keyboard: six columns wider, two rows shorter, Enter.
      await frame.locator('#v-visual-1 svg').waitFor({ timeout: STEP });
      await frame.locator('#v-visual-1 .tile-resize').focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      version = await editorChange(frame, version);
      let el = await element();
      assert.equal(el.ElementId, 'visual-1');
      assert.equal(el.ColumnSpan, 24);
      assert.equal(el.RowSpan, 10);
      assert.equal(el.ColumnIndex, 0);

      // Move by dragging the move handle a quarter of the grid right.
      await frame.locator('#v-visual-1 .tile-move').scrollIntoViewIfNeeded();
      const grid = await frame.locator('#editor .sheet-body .grid').boundingBox();
      const h = await frame.locator('#v-visual-1 .tile-move').boundingBox();
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 5; i++) await page.mouse.move(h.x + h.width / 2 + (grid.width / 4) * (i / 5), h.y + h.height / 2);
      await page.mouse.up();
      version = await editorChange(frame, version);
      el = await element();
      assert.ok(el.ColumnIndex >= 8 && el.ColumnIndex <= 10, `moved to column ${el.ColumnIndex}`);
      assert.equal(el.ColumnSpan, 24);

      // Format: hide the legend.
      await frame.locator('details.format-panel summary').click();
      await frame.locator('.format-option[data-option="legend"] select').selectOption('HIDDEN');
      version = await editorChange(frame, version);
      assert.equal((await described()).Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.Legend.Visibility, 'HIDDEN');

      // A second sheet, then a navigation action from the bar to it.
      await frame.locator('.add-sheet button').click();
      version = await editorChange(frame, version);
      assert.deepEqual(await frame.locator('.editor-sheet a').allTextContents(), ['Sheet 1', 'Sheet 2']);
      await frame.locator('.editor-sheet a', { hasText: 'Sheet 1' }).click();
      await frame.locator('.editor-sheet.current a', { hasText: 'Sheet 1' }).waitFor({ timeout: STEP });
      version = await frame.locator('#editor').getAttribute('data-version');
      await frame.locator('.visual-chooser a[data-visual-id="visual-1"]').click();
      await frame.locator('.actions-panel summary').waitFor({ timeout: STEP });
      await frame.locator('.actions-panel summary').click();
      await frame.locator('.add-navigation-action button[type="submit"]').click();
      version = await editorChange(frame, version);
      const nav = (await described()).Sheets[0].Visuals[0].BarChartVisual.Actions[0];
      assert.equal(nav.ActionOperations[0].NavigationOperation.LocalNavigationConfiguration.TargetSheetId, 'sheet-2');

      // History: return to the version before the sheet was added.
      await frame.locator('details.versions summary').click();
      const formatted = frame.locator('.version', { hasText: 'Formatted a visual' });
      await formatted.locator('button').click();
      version = await editorChange(frame, version);
      const restored = await described();
      assert.equal(restored.Sheets.length, 1);
      assert.equal(restored.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.Legend.Visibility, 'HIDDEN');
      assert.equal(restored.Sheets[0].Visuals[0].BarChartVisual.Actions, undefined);
      await frame.locator('details.versions summary').click();
      assert.match(await frame.locator('.version').first().textContent(), /Restored version \d+/);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
