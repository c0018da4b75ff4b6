// The dashboard viewer through the embedding SDK's embedDashboard, in
// Debian's Chromium against the real server and its first-run sample
// dashboard: chart and KPI values read from the rendered SVG and HTML
// equal a direct SQL query on the sample file; the SDK lists sheets and
// visuals, switches sheets and sets parameters, and the numbers change;
// parameters in the URL fragment apply on load; a reader opening an
// analysis gets ERROR_OCCURRED.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, mintConsoleURL, mintUserURL, registerUser, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

const round2 = (x) => Math.round(x * 100) / 100;
const messages = (page, name) => page.evaluate((n) => window.events.filter((e) => e.kind === 'message' && e.eventName === n), name);

async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(
      ([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c ||
        (n !== 'ERROR_OCCURRED' && window.events.some((e) => e.kind === 'message' && e.eventName === 'ERROR_OCCURRED')),
      [name, count],
      { timeout: STEP },
    );
  } catch (err) {
    throw new Error(`no ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await page.evaluate(() => window.events), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  const got = await messages(page, name);
  assert.ok(got.length >= count, `ERROR_OCCURRED while waiting for ${name}: ${JSON.stringify(await messages(page, 'ERROR_OCCURRED'))}`);
  return got;
}

// dashboardURL mints a sign-on URL for the sample dashboard and turns it
// into the dashboard experience URL embedDashboard accepts.
async function dashboardURL(id = DASHBOARD) {
  const url = await mintConsoleURL(qs, `/dashboards/${id}`);
  return url.replace('/embedding/', '/embed/');
}

async function openDashboard(parameters, id = DASHBOARD) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  const url = await dashboardURL(id);
  const t0 = Date.now();
  await page.evaluate(([u, p]) => window.embedDashboard(u, p), [url, parameters]);
  await waitForMessage(page, 'CONTENT_LOADED');
  const loadedIn = Date.now() - t0;
  const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
  return { page, frame, pageErrors, loadedIn };
}

// svgTexts returns the texts of a visual's chart SVG.
const svgTexts = (frame, visualId) => frame.locator(`#v-${visualId} svg text`).allTextContents();
const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));

// call runs an SDK method of the embedded experience.
const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => window.experience[m](...a).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [method, args]);

// createDashboard creates a dashboard of one sheet with these visuals over
// the sample dataset, readable by the admin, and waits for its version.
async function createDashboard(id, visuals) {
  const region = sg.credentials.region;
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: id, Name: id,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      Sheets: [{ SheetId: 's', Name: 'Visuals', Visuals: visuals }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
  }));
  await dashboardCreated(qs, id);
}

const column = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
const dimension = (id, name) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name) } });
const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });

describe('dashboard viewer in Chromium', () => {
  test('sample dashboard: values, sheets, parameters', { timeout: 120_000 }, async () => {
    const { page, frame, pageErrors, loadedIn } = await openDashboard([]);
    try {
      console.log(`# CONTENT_LOADED ${loadedIn} ms after embedDashboard (sample dashboard, first sheet, cold cache)`);
      const loaded = await messages(page, 'CONTENT_LOADED');
      assert.deepEqual({ ...loaded[0].eventTarget, contextId: undefined }, { experienceType: 'DASHBOARD', dashboardId: DASHBOARD, discriminator: 0, contextId: undefined });

      // Bars: the value labels of the SVG are SQL's revenue per region.
      await frame.locator('#v-bar-region svg').waitFor({ timeout: STEP });
      const byRegion = sql('SELECT region, round(sum(revenue), 2) FROM orders GROUP BY region ORDER BY 2 DESC');
      const texts = await svgTexts(frame, 'bar-region');
      for (const [region, revenue] of byRegion) {
        assert.ok(texts.includes(region), `axis label ${region} in ${texts}`);
        const formatted = revenue.toLocaleString('en-US', { maximumFractionDigits: 2 });
        assert.ok(texts.includes(formatted), `bar label ${formatted} (SQL ${revenue}) for ${region} in ${texts}`);
      }
      // Pie: the chart's accessible description (aria-label of the SVG
      // chart) names each slice with its value.
      const pie = await frame.locator('#v-pie-category [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' | '));
      console.log(`# pie aria: ${pie}`);
      for (const [category, revenue] of sql('SELECT category, round(sum(revenue), 2) FROM orders GROUP BY category')) {
        assert.ok(pie.includes(category) && pie.includes(String(revenue)), `pie ${category} ${revenue} in ${pie}`);
      }
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(await kpi(frame, 'kpi-revenue'), total);

      // The SDK's getters.
      assert.deepEqual((await call(page, 'getSheets')).ok, [{ Name: 'Overview', SheetId: 'overview' }, { Name: 'Products', SheetId: 'products' }]);
      assert.equal((await call(page, 'getSelectedSheetId')).ok, 'overview');
      const visuals = (await call(page, 'getSheetVisuals', 'overview')).ok;
      assert.equal(visuals.length, 8);
      assert.deepEqual(visuals.find((v) => v.VisualId === 'bar-region'), { Name: 'Revenue by region', VisualId: 'bar-region' });
      assert.deepEqual((await call(page, 'getVisualActions', 'overview', 'bar-region')).ok, []);
      assert.deepEqual((await call(page, 'getParameters')).ok, [{ Name: 'Segment', Values: [] }, { Name: 'TopN', Values: ['10'] }]);

      // SIZE_CHANGED as the content grows: the SDK sizes the iframe.
      const sizes = await waitForMessage(page, 'SIZE_CHANGED');
      const last = sizes.at(-1).message.height;
      assert.ok(last > 700, `content height ${last}`);
      await page.waitForFunction(() => document.querySelector('#c iframe').getAttribute('height')?.endsWith('px'), null, { timeout: STEP });

      // Switch to the second sheet: SELECTED_SHEET_CHANGED, and the top
      // products are SQL's top 10.
      assert.deepEqual((await call(page, 'setSelectedSheetId', 'products')).ok, { success: true });
      const changed = await waitForMessage(page, 'SELECTED_SHEET_CHANGED');
      assert.deepEqual(changed[0].message, { selectedSheet: { Name: 'Products', SheetId: 'products' } });
      assert.equal((await call(page, 'getSelectedSheetId')).ok, 'products');
      await frame.locator('#v-bar-top-products svg').waitFor({ timeout: STEP });
      const products = (n) => sql('SELECT product FROM orders GROUP BY product ORDER BY sum(revenue) DESC LIMIT ?', n).map((r) => r[0]);
      const productLabels = async () => (await svgTexts(frame, 'bar-top-products')).filter((t) => !/^[-\d,.\s]+[KMBT]?$/.test(t));
      assert.deepEqual((await productLabels()).sort(), products(10).sort());
      // The heat map: a row per region, columns of months, in SVG.
      await frame.locator('#v-heat-region-month svg').waitFor({ timeout: STEP });
      const heatTexts = await svgTexts(frame, 'heat-region-month');
      for (const [r] of sql('SELECT DISTINCT region FROM orders')) assert.ok(heatTexts.includes(r), `heat map lacks row ${r}: ${heatTexts}`);
      const months = new Set(sql("SELECT DISTINCT substr(order_date, 1, 7) FROM orders").map(([m]) =>
        new Date(`${m}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })));
      const monthLabels = heatTexts.filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t));
      assert.ok(monthLabels.length > 0 && monthLabels.every((m) => months.has(m)), `heat map months ${monthLabels}`);

      // Set a parameter: PARAMETERS_CHANGED, and five products.
      assert.deepEqual((await call(page, 'setParameters', [{ Name: 'TopN', Values: [5] }])).ok, { success: true });
      const pc = await waitForMessage(page, 'PARAMETERS_CHANGED');
      assert.deepEqual(pc[0].message, { changedParameters: [{ Name: 'TopN', Values: ['5'] }] });
      assert.deepEqual((await productLabels()).sort(), products(5).sort());

      // A segment, then back to the first sheet: its numbers change.
      await call(page, 'setParameters', [{ Name: 'Segment', Values: ['Corporate'] }]);
      await waitForMessage(page, 'PARAMETERS_CHANGED', 2);
      await call(page, 'setSelectedSheetId', 'overview');
      await waitForMessage(page, 'SELECTED_SHEET_CHANGED', 2);
      const [[corporate]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Corporate'");
      assert.equal(await kpi(frame, 'kpi-revenue'), corporate);
      assert.notEqual(corporate, total);
      const corpTexts = await svgTexts(frame, 'bar-region');
      for (const [region, revenue] of sql("SELECT region, round(sum(revenue), 2) FROM orders WHERE segment = 'Corporate' GROUP BY region")) {
        assert.ok(corpTexts.some((t) => Math.abs(Number(t.replaceAll(',', '')) - revenue) < 0.011), `Corporate ${region} ${revenue} in ${corpTexts}`);
      }
      assert.deepEqual((await call(page, 'getParameters')).ok, [{ Name: 'Segment', Values: ['Corporate'] }, { Name: 'TopN', Values: ['5'] }]);

      // A filter control, as a viewer uses it.
      // The region multi-select: open it, search, tick a value (no
      // modifier keys), and it says what is chosen.
      const region = frame.locator('details.multi[data-name="f.f-region"]');
      await region.locator('summary').click();
      await region.getByLabel('Europe', { exact: true }).check();
      assert.equal((await region.locator('summary').textContent()).trim(), 'Europe');
      assert.equal(await region.getByLabel('Select all').isChecked(), false);
      await frame.locator('#v-bar-region svg').waitFor({ timeout: STEP });
      await page.waitForFunction(() => true);
      const [[europe]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Corporate' AND region = 'Europe'");
      await frame.locator(`#v-kpi-revenue .kpi-value`).filter({ hasText: europe.toLocaleString('en-US') }).waitFor({ timeout: STEP });
      // A control re-renders only the visuals it affects: on the second
      // sheet the TopN slider swaps the top products and leaves the pivot
      // table's element alone.
      await call(page, 'setSelectedSheetId', 'products');
      await waitForMessage(page, 'SELECTED_SHEET_CHANGED', 3);
      await frame.locator('#v-pivot-category-region').evaluate((el) => { el.dataset.mark = 'kept'; });
      await frame.locator('#v-bar-top-products').evaluate((el) => { el.dataset.mark = 'old'; });
      await frame.locator('input[name="p.TopN"]').evaluate((el) => {
        el.value = '7';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitForMessage(page, 'PARAMETERS_CHANGED', 3);
      await frame.locator('#v-bar-top-products:not([data-mark]) svg').waitFor({ timeout: STEP });
      assert.equal((await productLabels()).length, 7);
      assert.equal(await frame.locator('#v-pivot-category-region').getAttribute('data-mark'), 'kept');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
    // The same dashboard embedded again, its first sheet now in the cache.
    const warm = await openDashboard([]);
    console.log(`# CONTENT_LOADED ${warm.loadedIn} ms after embedDashboard (sample dashboard, first sheet, warm cache)`);
    await warm.page.close();
  });

  test('an unaggregated table draws rows as they are, in its sort and currency format, with totals', { timeout: 90_000 }, async () => {
    const usd = { NumberFormatConfiguration: { FormatConfiguration: { CurrencyDisplayFormatConfiguration: { Symbol: 'USD', DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } } };
    await createDashboard('unaggregated', [
      { TableVisual: { VisualId: 'rows', ChartConfiguration: {
        FieldWells: { TableUnaggregatedFieldWells: { Values: [
          { FieldId: 'u-id', Column: column('order_id') }, { FieldId: 'u-city', Column: column('city') },
          { FieldId: 'u-rev', Column: column('revenue'), FormatConfiguration: usd }] } },
        SortConfiguration: { RowSort: [{ FieldSort: { FieldId: 'u-rev', Direction: 'DESC' } }, { FieldSort: { FieldId: 'u-id', Direction: 'ASC' } }] },
        TotalOptions: { TotalsVisibility: 'VISIBLE', TotalAggregationOptions: [{ FieldId: 'u-id', TotalAggregationFunction: { SimpleTotalAggregationFunction: 'NONE' } }] } } } },
    ]);
    const { page, frame, pageErrors } = await openDashboard([], 'unaggregated');
    try {
      const table = frame.locator('#v-rows table');
      await table.waitFor({ timeout: STEP });
      const money = (x) => '$' + x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      // The first row is SQL's largest order; every order is a row.
      const [[id, city, revenue]] = sql('SELECT order_id, city, revenue FROM orders ORDER BY revenue DESC, order_id LIMIT 1');
      const first = await table.locator('tbody tr').first().locator('td').allTextContents();
      assert.deepEqual(first, [id.toLocaleString('en-US'), city, money(revenue)]);
      const [[count, total]] = sql('SELECT count(*), sum(revenue) FROM orders');
      assert.equal(await table.locator('tbody tr').count(), Math.min(count, 10000));
      const totals = await table.locator('tfoot tr.total td').allTextContents();
      assert.deepEqual(totals, ['Total', '', money(round2(total))]);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('more visual types: each draws an SVG with its labels', { timeout: 90_000 }, async () => {
    await createDashboard('more-visuals', [
      { TreeMapVisual: { VisualId: 'tree', ChartConfiguration: { FieldWells: { TreeMapAggregatedFieldWells: { Groups: [dimension('t-g', 'category')], Sizes: [sum('t-s', 'revenue')] } } } } },
      { FunnelChartVisual: { VisualId: 'funnel', ChartConfiguration: { FieldWells: { FunnelChartAggregatedFieldWells: { Category: [dimension('f-c', 'segment')] } } } } },
      { GaugeChartVisual: { VisualId: 'gauge', ChartConfiguration: { FieldWells: { Values: [sum('g-v', 'profit')], TargetValues: [sum('g-t', 'revenue')] } } } },
      { WaterfallVisual: { VisualId: 'waterfall', ChartConfiguration: { FieldWells: { WaterfallChartAggregatedFieldWells: { Categories: [dimension('w-c', 'region')] } } } } },
      { HistogramVisual: { VisualId: 'histogram', ChartConfiguration: { FieldWells: { HistogramAggregatedFieldWells: { Values: [sum('h-v', 'quantity')] } },
        BinOptions: { SelectedBinType: 'BIN_WIDTH', BinWidth: { Value: 5 }, StartValue: 0 } } } },
      { BoxPlotVisual: { VisualId: 'box', ChartConfiguration: { FieldWells: { BoxPlotAggregatedFieldWells: { GroupBy: [dimension('b-g', 'segment')], Values: [sum('b-v', 'revenue')] } } } } },
      { SankeyDiagramVisual: { VisualId: 'sankey', ChartConfiguration: { FieldWells: { SankeyDiagramAggregatedFieldWells: { Source: [dimension('s-s', 'segment')], Destination: [dimension('s-d', 'region')] } } } } },
      { RadarChartVisual: { VisualId: 'radar', ChartConfiguration: { FieldWells: { RadarChartAggregatedFieldWells: { Category: [dimension('r-c', 'region')], Color: [dimension('r-k', 'segment')], Values: [sum('r-v', 'revenue')] } } } } },
    ]);
    const { page, frame, pageErrors } = await openDashboard([], 'more-visuals');
    try {
      await frame.locator('#v-tree svg').waitFor({ timeout: STEP });
      const texts = (await svgTexts(frame, 'tree')).join('\n');
      for (const [category, revenue] of sql('SELECT category, round(sum(revenue), 2) FROM orders GROUP BY 1')) {
        assert.ok(texts.includes(category) && texts.includes(revenue.toLocaleString('en-US')), `tree map lacks ${category} ${revenue}: ${texts}`);
      }
      // The funnel: a stage per segment, labelled with its count of orders.
      await frame.locator('#v-funnel svg').waitFor({ timeout: STEP });
      const stages = await svgTexts(frame, 'funnel');
      const want = sql('SELECT segment, count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC').map(([seg, n]) => `${seg}: ${n.toLocaleString('en-US')}`);
      assert.deepEqual(stages, want);
      // The gauge: profit as a percentage of revenue in its center.
      await frame.locator('#v-gauge svg').waitFor({ timeout: STEP });
      const [[margin]] = sql('SELECT round(sum(profit) * 100.0 / sum(revenue), 2) FROM orders');
      assert.ok((await svgTexts(frame, 'gauge')).includes(`${margin.toLocaleString('en-US')}%`), `gauge texts ${await svgTexts(frame, 'gauge')}`);
      // The waterfall: a step per region labelled with its orders, then the
      // total.
      await frame.locator('#v-waterfall svg').waitFor({ timeout: STEP });
      const steps = await svgTexts(frame, 'waterfall');
      const regions = sql('SELECT region, count(*) FROM orders GROUP BY 1 ORDER BY 1');
      const [[orders]] = sql('SELECT count(*) FROM orders');
      for (const label of [...regions.flatMap(([r, n]) => [r, n.toLocaleString('en-US')]), 'Total', orders.toLocaleString('en-US')]) {
        assert.ok(steps.includes(label), `waterfall lacks ${label}: ${steps}`);
      }
      // The histogram: quantities in bins of 5 from 0, each labelled with
      // its count.
      await frame.locator('#v-histogram svg').waitFor({ timeout: STEP });
      const bins = await svgTexts(frame, 'histogram');
      for (const [low, n] of sql('SELECT CAST(quantity / 5 AS INTEGER) * 5, count(*) FROM orders GROUP BY 1')) {
        assert.ok(bins.includes(`${low} – ${low + 5}`) && bins.includes(n.toLocaleString('en-US')), `histogram lacks ${low} ${n}: ${bins}`);
      }
      // The box plot: a box per segment; the Sankey diagram: a node per
      // segment and per region.
      await frame.locator('#v-box svg').waitFor({ timeout: STEP });
      const boxes = await svgTexts(frame, 'box');
      await frame.locator('#v-sankey svg').waitFor({ timeout: STEP });
      const nodes = await svgTexts(frame, 'sankey');
      for (const [segment] of sql('SELECT DISTINCT segment FROM orders')) {
        assert.ok(boxes.includes(segment) && nodes.includes(segment), `box plot or Sankey lacks ${segment}: ${boxes} / ${nodes}`);
      }
      for (const [region] of sql('SELECT DISTINCT region FROM orders')) {
        assert.ok(nodes.includes(region), `Sankey lacks ${region}: ${nodes}`);
      }
      // The radar chart: an axis per region, a legend entry per segment.
      await frame.locator('#v-radar svg').waitFor({ timeout: STEP });
      const spokes = await svgTexts(frame, 'radar');
      for (const [name] of sql('SELECT DISTINCT region FROM orders UNION SELECT DISTINCT segment FROM orders')) {
        assert.ok(spokes.includes(name), `radar chart lacks ${name}: ${spokes}`);
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('the last of two quick changes wins; the frame grows and shrinks with its content', { timeout: 90_000 }, async () => {
    const { page, frame, pageErrors } = await openDashboard([]);
    try {
      await frame.locator('#v-bar-region svg').waitFor({ timeout: STEP });
      // Two setParameters without waiting, as a host page may send them:
      // the second one is what the sheet shows, with every chart drawn.
      const both = await page.evaluate(() => Promise.all([
        window.experience.setParameters([{ Name: 'Segment', Values: ['Corporate'] }]),
        window.experience.setParameters([{ Name: 'Segment', Values: ['Consumer'] }]),
      ]).then((r) => ({ ok: r }), (e) => ({ err: String(e) })));
      assert.ok(both.ok, `setParameters: ${both.err}`);
      const [[consumer]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Consumer'");
      await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: consumer.toLocaleString('en-US') }).waitFor({ timeout: STEP });
      await page.waitForFunction(() => true);
      await frame.locator('.sheet-body:not(:has(.loading))').waitFor({ timeout: STEP });
      for (const id of ['bar-region', 'line-month', 'pie-category', 'combo-quarter']) {
        assert.equal(await frame.locator(`#v-${id} svg`).count(), 1, `chart ${id} drawn after two quick changes`);
      }
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      assert.deepEqual((await call(page, 'getParameters')).ok[0], { Name: 'Segment', Values: ['Consumer'] });

      // Two control changes in a row (a date typed digit by digit sends
      // a year 0002 first): the last one is what the sheet shows.
      const from = frame.locator('input[name="f.f-date.from"]');
      await from.evaluate((el) => {
        for (const v of ['0002-01-01', '2025-07-01']) {
          el.value = v;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      const [[since]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Consumer' AND order_date >= '2025-07-01'");
      await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: since.toLocaleString('en-US') }).waitFor({ timeout: STEP });
      await frame.locator('.sheet-body:not(:has(.loading))').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi-revenue'), since);
      assert.equal(await frame.locator('#v-bar-region svg').count(), 1);

      // The SDK sizes the frame to the content, also when it shrinks.
      const height = () => page.evaluate(() => parseInt(document.querySelector('#c iframe').getAttribute('height'), 10));
      const before = await height();
      await frame.locator('body').evaluate((b) => {
        const tall = document.createElement('div');
        tall.id = 'tall';
        tall.style.height = '5000px';
        b.appendChild(tall);
      });
      await page.waitForFunction((h) => parseInt(document.querySelector('#c iframe').getAttribute('height'), 10) > h + 4000, before, { timeout: STEP });
      await frame.locator('#tall').evaluate((el) => el.remove());
      await page.waitForFunction((h) => parseInt(document.querySelector('#c iframe').getAttribute('height'), 10) <= h, before, { timeout: STEP });
      assert.ok((await height()) <= before);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('at 800 px: numbers fit their tiles, labels stay inside their charts, controls need no modifier keys', { timeout: 90_000 }, async () => {
    const { page, frame, pageErrors } = await openDashboard([]);
    try {
      await page.setViewportSize({ width: 800, height: 900 });
      await frame.locator('#v-pie-category svg').waitFor({ timeout: STEP });
      await page.waitForTimeout(300); // the resize observers run
      // Every KPI number is whole: not wider than its box.
      const kpis = await frame.locator('.kpi-value').evaluateAll((els) => els.map((e) => [e.textContent, e.scrollWidth, e.clientWidth]));
      assert.ok(kpis.length >= 3, `${kpis.length} KPIs`);
      for (const [text, scroll, client] of kpis) assert.ok(scroll <= client, `KPI ${text} is ${scroll}px in a ${client}px box`);
      // The pie's labels are inside the chart.
      for (const id of ['pie-category']) {
        const out = await frame.locator(`#v-${id} svg`).evaluate((svg) => {
          const box = svg.getBoundingClientRect();
          return Array.from(svg.querySelectorAll('text'))
            .map((t) => [t.textContent, t.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
            .map(([text]) => text);
        });
        assert.deepEqual(out, [], `labels outside chart ${id}`);
      }
      // ...and read whole: every category's name, no label cut short.
      const pieTexts = await frame.locator('#v-pie-category svg text').allTextContents();
      assert.ok(!pieTexts.some((t) => t.endsWith('...') || t.endsWith('…')), `pie labels cut short: ${pieTexts.join(' | ')}`);
      const pieWords = pieTexts.join(' ').replace(/\s+/g, ' ');
      for (const [category] of sql('SELECT DISTINCT category FROM orders')) assert.ok(pieWords.includes(category), `pie label ${category} whole in ${pieWords}`);
      // The multi-select: searching narrows the values; ticking one needs
      // a plain click.
      const region = frame.locator('details.multi[data-name="f.f-region"]');
      await region.locator('summary').click();
      const search = region.locator('input.multi-search');
      if (await search.count()) {
        await search.fill('eur');
        assert.deepEqual(await region.locator('.multi-option:not([hidden]):not(.multi-all-option)').allTextContents().then((a) => a.map((t) => t.trim())), ['Europe']);
        await search.fill('');
      }
      await region.getByLabel('Asia Pacific', { exact: true }).click();
      await region.getByLabel('Europe', { exact: true }).click();
      assert.equal((await region.locator('summary').textContent()).trim(), 'Asia Pacific, Europe');
      const [[two]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE region IN ('Asia Pacific', 'Europe')");
      await frame.locator('#v-kpi-revenue .kpi-value').filter({ hasText: two.toLocaleString('en-US') }).waitFor({ timeout: STEP });
      await page.keyboard.press('Escape');
      // The discount range is one track with two thumbs: the minimum cannot
      // pass the maximum.
      await call(page, 'setSelectedSheetId', 'products');
      await waitForMessage(page, 'SELECTED_SHEET_CHANGED');
      const range = frame.locator('.range:has(.dual-range)');
      await range.waitFor({ timeout: STEP });
      const [lo, hi] = [range.locator('input').nth(0), range.locator('input').nth(1)];
      await hi.evaluate((el) => { el.value = '0.2'; el.dispatchEvent(new Event('input', { bubbles: true })); });
      await lo.evaluate((el) => { el.value = '0.4'; el.dispatchEvent(new Event('input', { bubbles: true })); });
      assert.equal(Number(await lo.inputValue()), 0.2);
      assert.equal((await range.locator('output').textContent()).trim(), '0.2 – 0.2');
      const [a, b] = await Promise.all([lo.boundingBox(), hi.boundingBox()]);
      assert.ok(Math.abs(a.y - b.y) < 2 && Math.abs(a.x - b.x) < 2, `the two thumbs share one track: ${JSON.stringify([a, b])}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('URL fragment parameters apply on load', { timeout: 60_000 }, async () => {
    const { page, frame } = await openDashboard([{ Name: 'Segment', Values: ['Home Office'] }]);
    try {
      const src = await page.locator('#c iframe').getAttribute('src');
      assert.match(src, /#p\.Segment=Home(%20|\+)Office$/);
      const [[home]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Home Office'");
      assert.equal(await kpi(frame, 'kpi-revenue'), home);
      assert.deepEqual((await call(page, 'getParameters')).ok[0], { Name: 'Segment', Values: ['Home Office'] });

      // navigateToDashboard with other parameters: the frame loads the
      // dashboard again, reports CONTENT_LOADED under the same identity,
      // and shows the new segment's numbers.
      assert.deepEqual((await call(page, 'navigateToDashboard', DASHBOARD, { parameters: [{ Name: 'Segment', Values: ['Consumer'] }] })).ok, { success: true });
      await waitForMessage(page, 'CONTENT_LOADED', 2);
      const [[consumer]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Consumer'");
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      assert.equal((await messages(page, 'CONTENT_LOADED'))[1].eventTarget.dashboardId, DASHBOARD);
    } finally {
      await page.close();
    }
  });

  test('the console experience answers the same requests through send', { timeout: 60_000 }, async () => {
    const url = await mintConsoleURL(qs, `/dashboards/${DASHBOARD}`);
    const page = await browser.context.newPage();
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      await page.evaluate((u) => window.embed(u), url);
      await waitForMessage(page, 'CONTENT_LOADED');
      const send = (name, message) =>
        page.evaluate(([n, m]) => window.experience.send(new QuickSightEmbedding.EmbeddingMessageEvent(n, m)).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [name, message]);
      assert.deepEqual((await send('GET_SHEETS')).ok, { success: true, message: [{ Name: 'Overview', SheetId: 'overview' }, { Name: 'Products', SheetId: 'products' }] });
      assert.deepEqual((await send('SET_SELECTED_SHEET_ID', { SheetId: 'products' })).ok, { success: true });
      await waitForMessage(page, 'SELECTED_SHEET_CHANGED');
      assert.deepEqual((await send('GET_SELECTED_SHEET_ID')).ok, { success: true, message: 'products' });
      const bad = (await send('SET_SELECTED_SHEET_ID', { SheetId: 'nope' })).ok;
      assert.equal(bad.success, false);
      assert.equal(bad.errorCode, 'INVALID_SHEET_ID');
    } finally {
      await page.close();
    }
  });

  test('a reader opening an analysis gets ERROR_OCCURRED', { timeout: 60_000 }, async () => {
    const arn = await registerUser(qs, 'rita', 'READER');
    const url = await mintUserURL(qs, arn, '/analyses/sample-sales-analysis');
    const page = await browser.context.newPage();
    try {
      await page.goto(`${host.origin}/host`, { timeout: STEP });
      await page.evaluate((u) => window.embed(u), url);
      const errs = await waitForMessage(page, 'ERROR_OCCURRED');
      assert.equal(errs[0].message.errorCode, 'Forbidden');
      assert.equal(errs[0].eventTarget.experienceType, 'CONSOLE');
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      assert.equal((await frame.locator('.error .status').textContent()).trim(), '403');
      assert.deepEqual(await messages(page, 'CONTENT_LOADED'), []);
    } finally {
      await page.close();
    }
  });
});
