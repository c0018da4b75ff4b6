// An analysis over two datasets in the editor, through embedConsole in
// Chromium: the author ticks both datasets, switches the fields pane to
// the second, builds a bar chart from it (drawn equal to SQL), and a
// field of the first dataset dropped on that chart is refused with the
// reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDataSetCommand, DescribeAnalysisDefinitionCommand, ListAnalysesCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, editorChange, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

describe('analysis over two datasets in Chromium', () => {
  test('tick two datasets, switch the fields pane, build a chart, refuse a field of the other dataset', { timeout: 180_000 }, async () => {
    await qs.send(new CreateDataSetCommand({
      AwsAccountId: ACCOUNT, DataSetId: 'units', Name: 'Units', ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: { t1: { CustomSql: {
        DataSourceArn: `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/sample-sales`, Name: 'q',
        SqlQuery: 'SELECT category AS product_group, quantity AS units FROM orders',
        Columns: [{ Name: 'product_group', Type: 'STRING' }, { Name: 'units', Type: 'INTEGER' }],
      } } },
    }));
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, '/start/analyses', STEP);
    try {

      await frame.locator('a.new-analysis').click({ timeout: STEP });
      await frame.locator('input[name="dataSetId"][value="sample-sales"]').check({ timeout: STEP });
      await frame.locator('input[name="dataSetId"][value="units"]').check();
      await frame.locator('form.new-analysis input[name="name"]').fill('Two datasets (browser)');
      await frame.locator('form.new-analysis button[type="submit"]').click();
      await frame.locator('#editor').waitFor({ timeout: STEP });
      let version = await frame.locator('#editor').getAttribute('data-version');
      assert.equal(await frame.locator('#editor').getAttribute('data-fields-data-set'), 'Sample sales');
      assert.equal(await frame.locator('.field-list .field[data-column="units"]').count(), 0);

      // The pane shows the second dataset; a new visual takes it.
      await frame.locator('.dataset-selector select[name="dataset"]').selectOption('Units');
      await frame.locator('#editor[data-fields-data-set="Units"]').waitFor({ timeout: STEP });
      await frame.locator('.visual-picker button[data-kind="BarChartVisual"]').click();
      version = await editorChange(frame, version);
      assert.equal(await frame.locator('#editor').getAttribute('data-fields-data-set'), 'Units');
      await frame.locator('.field-list .field[data-column="product_group"] .field-name').dragTo(frame.locator('.well[data-well="Category"]'));
      version = await editorChange(frame, version);
      const units = frame.locator('.field-list .field[data-column="units"]');
      await units.locator('summary').click();
      await units.locator('button[data-well="Values"]').click();
      version = await editorChange(frame, version);

      await frame.locator('#v-visual-1 svg').waitFor({ timeout: STEP });
      const texts = await frame.locator('#v-visual-1 svg text').allTextContents();
      for (const [group, sum] of sql('SELECT category, sum(quantity) FROM orders GROUP BY category')) {
        assert.ok(texts.includes(group), `axis label ${group} in ${texts}`);
        assert.ok(texts.includes(sum.toLocaleString('en-US')), `bar label ${sum} for ${group} in ${texts}`);
      }

      // Back to the sample's fields: region dropped on the chart is refused.
      await frame.locator('.dataset-selector select[name="dataset"]').selectOption('Sample sales');
      await frame.locator('#editor[data-fields-data-set="Sample sales"]').waitFor({ timeout: STEP });
      await frame.locator('.field-list .field[data-column="region"] .field-name').dragTo(frame.locator('.well[data-well="Category"]'));
      await frame.locator('.editor-message').waitFor({ timeout: STEP });
      assert.match(await frame.locator('.editor-message').textContent(), /a visual reads one dataset/);

      const list = await qs.send(new ListAnalysesCommand({ AwsAccountId: ACCOUNT }));
      const id = list.AnalysisSummaryList.find((a) => a.Name === 'Two datasets (browser)').AnalysisId;
      const an = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: id }));
      assert.deepEqual(an.Definition.DataSetIdentifierDeclarations.map((d) => d.Identifier), ['Sample sales', 'Units']);
      const wells = an.Definition.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
      assert.equal(wells.Category.length, 1);
      assert.equal(wells.Category[0].CategoricalDimensionField.Column.DataSetIdentifier, 'Units');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
