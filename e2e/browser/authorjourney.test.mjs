// The author's journey through the embedding SDK's embedConsole, in
// Debian's Chromium against the real server: from the sample dataset an
// author builds an analysis of four visuals of different types, a
// parameter read by a calculated field (typed in the CodeMirror editor),
// a filter with a dropdown control and a slider for the parameter; the
// canvas draws the controls and a change of the slider redraws; the
// author publishes; the author shares the dashboard with a reader from
// the console's share dialog (viewer), and DescribeDashboardPermissions
// shows exactly the viewer's actions; the reader's embedDashboard draws values equal to SQL on the sample file,
// and setParameters changes them as SQL says. The analysis's definition
// round-trips through DescribeAnalysisDefinition and UpdateAnalysis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DescribeAnalysisCommand, DescribeAnalysisDefinitionCommand, GenerateEmbedUrlForRegisteredUserCommand, ListAnalysesCommand,
  DescribeDashboardPermissionsCommand, UpdateAnalysisCommand,
} from '@aws-sdk/client-quicksight';
import { ACCOUNT, editorChange, openEmbedded, registerUser, setUp } from './harness.mjs';

const STEP = 15_000;
const NAME = 'Author journey';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const fmt = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));
const REGIONS = "region IN ('Europe', 'Asia Pacific')";

describe('author journey in Chromium', () => {
  test('build, publish, share, embed for a reader; values equal SQL', { timeout: 300_000 }, async () => {
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, '/start/analyses', STEP);
    try {
      await frame.locator('a.new-analysis').click({ timeout: STEP });
      await frame.locator('input[name="dataSetId"][value="sample-sales"]').check({ timeout: STEP });
      await frame.locator('form.new-analysis input[name="name"]').fill(NAME);
      await frame.locator('form.new-analysis button[type="submit"]').click();
      await frame.locator('#editor').waitFor({ timeout: STEP });
      let version = await frame.locator('#editor').getAttribute('data-version');
      const act = async (fn) => {
        await fn();
        version = await editorChange(frame, version);
      };
      // addTo adds a field to the selected visual through its "Add…" menu.
      const addTo = async (column, well) => {
        const field = frame.locator(`.field-list .field[data-column="${column}"]`);
        await field.locator('summary').click();
        await act(() => field.locator(`button[data-well="${well}"]`).click());
      };

      // A parameter, and a calculated field typed in CodeMirror that reads it.
      await frame.locator('details.add-parameter summary').click();
      const pform = frame.locator('details.add-parameter form');
      await pform.locator('input[name="pname"]').fill('Target');
      await pform.locator('select[name="ptype"]').selectOption('DECIMAL');
      await pform.locator('input[name="defaults"]').fill('300');
      await act(() => pform.locator('button[type="submit"]').click());
      await frame.locator('details.add-calculated summary').click();
      const cform = frame.locator('details.add-calculated form');
      await cform.locator('input[name="cname"]').fill('above');
      await cform.locator('.cm-content').click();
      await page.keyboard.type('ifelse({revenue} > ${Target}, 1, 0)');
      await page.keyboard.press('Escape');
      await cform.locator('.ds-calc-check[data-ok="true"]').waitFor({ timeout: STEP });
      assert.equal(await cform.locator('.ds-calc-check').textContent(), '✓ INTEGER');
      await act(() => cform.locator('button[type="submit"]').click());
      assert.equal(await frame.locator('.field-list .field[data-column="above"]').getAttribute('data-type'), 'INTEGER');

      // Four visuals of different types.
      await act(() => frame.locator('.visual-picker button[data-kind="BarChartVisual"]').click());
      await addTo('region', 'Category');
      await addTo('revenue', 'Values');
      await act(() => frame.locator('.visual-picker button[data-kind="PieChartVisual"]').click());
      await addTo('segment', 'Category');
      await addTo('quantity', 'Values');
      await act(() => frame.locator('.visual-picker button[data-kind="KPIVisual"]').click());
      await addTo('revenue', 'Values');
      await act(() => frame.locator('.visual-picker button[data-kind="TableVisual"]').click());
      await addTo('region', 'GroupBy');
      await addTo('above', 'Values');

      // A filter on two regions, for every sheet, with a dropdown control;
      // a slider for the parameter.
      await frame.locator('details.filter-form summary').click();
      const fform = frame.locator('details.filter-form form');
      await fform.locator('select[name="fkind"]').selectOption('CategoryFilter');
      await fform.locator('select[name="field"]').selectOption({ label: 'region (string)' });
      await fform.locator('input[name="values"]').fill('Europe, Asia Pacific');
      await fform.locator('input[name="scope"][value="all"]').check();
      await act(() => fform.locator('button[type="submit"]').click());
      await frame.locator('details.add-control summary').click();
      let ctl = frame.locator('details.add-control form');
      await ctl.locator('select[name="source"]').selectOption({ index: 1 }); // the filter, after the parameter
      await ctl.locator('select[name="ckind"]').selectOption('Dropdown');
      await ctl.locator('input[name="title"]').fill('Region');
      await act(() => ctl.locator('button[type="submit"]').click());
      await frame.locator('details.add-control summary').click();
      ctl = frame.locator('details.add-control form');
      await ctl.locator('select[name="source"]').selectOption('p:Target');
      await ctl.locator('select[name="ckind"]').selectOption('Slider');
      await ctl.locator('input[name="title"]').fill('Target');
      await ctl.locator('input[name="max"]').fill('1000');
      await ctl.locator('input[name="step"]').fill('50');
      await act(() => ctl.locator('button[type="submit"]').click());

      // The canvas draws the controls and the visuals, SQL's numbers.
      await frame.locator('#editor .control[data-control-id] input[type="range"][name="p.Target"]').waitFor({ timeout: STEP });
      const [[revenue]] = sql(`SELECT round(sum(revenue), 2) FROM orders WHERE ${REGIONS}`);
      assert.equal(await kpi(frame, 'visual-3'), revenue);
      const aboveAt = (target) => Object.fromEntries(sql(`SELECT region, sum(revenue > ${target}) FROM orders WHERE ${REGIONS} GROUP BY region`));
      const tableRows = async (f) => Object.fromEntries((await f.locator('#v-visual-4 tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())))).map(([r, n]) => [r, Number(n.replaceAll(',', ''))]));
      assert.deepEqual(await tableRows(frame), aboveAt(300));
      // The slider works in the canvas: the table redraws at 600.
      const waitRows = async (f, want) => {
        for (let i = 0; i < 50 && JSON.stringify(await tableRows(f)) !== JSON.stringify(want); i++) await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(await tableRows(f), want);
      };
      await frame.locator('#editor input[type="range"][name="p.Target"]').fill('600');
      await waitRows(frame, aboveAt(600));
      assert.equal(await frame.locator('#editor').getAttribute('data-version'), version, 'a control changes the view, not the definition');

      // Publish.
      await frame.locator('details.publish summary').click();
      await frame.locator('.publish-form button[type="submit"]').click();
      const link = frame.locator('.editor-published a[data-dashboard-id]');
      await link.waitFor({ timeout: STEP });
      const dashboardId = await link.getAttribute('data-dashboard-id');
      // The definition round-trips through the SDK; then share with a reader.
      const list = await qs.send(new ListAnalysesCommand({ AwsAccountId: ACCOUNT }));
      const analysisId = list.AnalysisSummaryList.find((a) => a.Name === NAME).AnalysisId;
      const described = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: analysisId }));
      assert.equal(described.Definition.ParameterDeclarations[0].DecimalParameterDeclaration.Name, 'Target');
      assert.equal(described.Definition.CalculatedFields[0].Expression, 'ifelse({revenue} > ${Target}, 1, 0)');
      assert.equal(described.Definition.Sheets[0].Visuals.length, 4);
      await qs.send(new UpdateAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: analysisId, Name: NAME, Definition: described.Definition }));
      const again = await qs.send(new DescribeAnalysisDefinitionCommand({ AwsAccountId: ACCOUNT, AnalysisId: analysisId }));
      assert.deepEqual(again.Definition, described.Definition);
      const an = await qs.send(new DescribeAnalysisCommand({ AwsAccountId: ACCOUNT, AnalysisId: analysisId }));
      assert.equal(an.Analysis.Status, 'UPDATE_SUCCESSFUL', JSON.stringify(an.Analysis.Errors));

      const readerArn = await registerUser(qs, 'rita', 'READER');
      // Share from the console: the published dashboard's page, its Share
      // link, the dialog.
      await link.click();
      await frame.locator('a.share-link-page').click({ timeout: STEP });
      await frame.locator('form.share-form').waitFor({ timeout: STEP });
      await frame.locator('form.share-form select[name="principal"]').selectOption(readerArn);
      await frame.locator('form.share-form select[name="level"]').selectOption('viewer');
      await frame.locator('form.share-form button[type="submit"]').click();
      await frame.locator('tr[data-principal$="/rita"] td.share-level', { hasText: 'Viewer' }).waitFor({ timeout: STEP });
      const perms = await qs.send(new DescribeDashboardPermissionsCommand({ AwsAccountId: ACCOUNT, DashboardId: dashboardId }));
      const granted = perms.Permissions.find((p) => p.Principal === readerArn);
      assert.deepEqual([...(granted?.Actions || [])].sort(), ['quicksight:DescribeDashboard', 'quicksight:ListDashboardVersions', 'quicksight:QueryDashboard']);
      assert.deepEqual(pageErrors, []);

      // The reader's embedded dashboard: SQL's numbers, and the parameter
      // set through the SDK changes the calculated field's.
      const out = await qs.send(new GenerateEmbedUrlForRegisteredUserCommand({
        AwsAccountId: ACCOUNT, UserArn: readerArn, SessionLifetimeInMinutes: 15, ExperienceConfiguration: { Dashboard: { InitialDashboardId: dashboardId } },
      }));
      const reader = await browser.context.newPage();
      reader.on('pageerror', (err) => pageErrors.push(String(err)));
      await reader.goto(`${host.origin}/host`, { timeout: STEP });
      await reader.evaluate((u) => window.embedDashboard(u, []), out.EmbedUrl);
      await reader.waitForFunction(() => window.events.some((e) => e.kind === 'message' && (e.eventName === 'CONTENT_LOADED' || e.eventName === 'ERROR_OCCURRED')), null, { timeout: STEP });
      const rf = reader.frameLocator('#c iframe.quicksight-embedding-iframe');
      await rf.locator('#v-visual-3 .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(rf, 'visual-3'), revenue);
      const barTexts = await rf.locator('#v-visual-1 svg text').allTextContents();
      for (const [region, sum] of sql(`SELECT region, round(sum(revenue), 2) FROM orders WHERE ${REGIONS} GROUP BY region`)) {
        assert.ok(barTexts.includes(region) && barTexts.includes(fmt(sum)), `bar ${region} ${fmt(sum)} in ${barTexts}`);
      }
      const pieTexts = (await rf.locator('#v-visual-2 svg text').allTextContents()).join(' ');
      for (const [segment] of sql(`SELECT segment FROM orders WHERE ${REGIONS} GROUP BY segment`)) {
        assert.ok(pieTexts.includes(segment), `pie slice ${segment} in ${pieTexts}`);
      }
      assert.deepEqual(await tableRows(rf), aboveAt(300));
      const set = await reader.evaluate(() => window.experience.setParameters([{ Name: 'Target', Values: [600] }]).then((r) => r, (e) => String(e)));
      assert.deepEqual(set, { success: true });
      await reader.waitForFunction(() => window.events.some((e) => e.kind === 'message' && e.eventName === 'PARAMETERS_CHANGED'), null, { timeout: STEP });
      await waitRows(rf, aboveAt(600));
      await reader.close();
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
