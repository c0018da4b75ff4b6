// Every visual family the viewer draws, in Chromium through the embedding
// SDK: one dashboard (e2e/testdata/families_definition.json, 30 visuals on
// its first sheet over the 100,000-order sample) created with the AWS SDK,
// its numbers read off the page as a user gets them (value labels, table
// cells, KPI values, tooltips' titles, and the charts' accessible
// descriptions where a chart draws no label) and compared with a direct
// SQL query on the sample file. The same sheet is the 30-visual first
// sheet whose embed-to-CONTENT_LOADED time the first test prints (cold,
// then warm, and over the sample imported into SPICE), with the server's
// share of it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { CreateDashboardCommand, DescribeDashboardCommand, DescribeDataSetCommand, DescribeIngestionCommand, UpdateDataSetCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, mintConsoleURL, sampleFile, setUp } from './harness.mjs';

const STEP = 30_000;
const DASHBOARD = 'every-visual-family';
const DEFINITION = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'testdata', 'families_definition.json');

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

before(async () => {
  const region = sg.credentials.region;
  const raw = fs.readFileSync(DEFINITION, 'utf8').replaceAll('{{DATASET_ARN}}', `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales`);
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: DASHBOARD, Name: 'Every visual family', Definition: JSON.parse(raw),
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard', 'quicksight:ListDashboardVersions'] }],
  }));
  for (let i = 0; ; i++) {
    const d = await qs.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: DASHBOARD }));
    if (d.Dashboard.Version.Status === 'CREATION_SUCCESSFUL') break;
    if (d.Dashboard.Version.Status === 'CREATION_FAILED' || i > 100) throw new Error(`dashboard: ${JSON.stringify(d.Dashboard.Version)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
});

// quartiles returns, per group, the minimum, the continuous first
// quartile, median and third quartile, and the maximum of a column.
function quartiles(group, value) {
  const script = `import json,sqlite3,sys
c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True)
out={}
for g,v in c.execute("SELECT ${group}, ${value} FROM orders WHERE ${value} IS NOT NULL ORDER BY 1, 2"):
  out.setdefault(g,[]).append(v)
def pct(xs,p):
  k=p*(len(xs)-1); i=int(k); return xs[i] if i+1>=len(xs) else xs[i]+(xs[i+1]-xs[i])*(k-i)
print(json.dumps({g:[xs[0],pct(xs,.25),pct(xs,.5),pct(xs,.75),xs[-1]] for g,xs in out.items()}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, sampleFile(sg)], { encoding: 'utf8' }));
}

// A drawn number (thousands separators, at most two decimals) and SQL's
// exact one agree when they differ by the rounding to the cent.
const num = (text) => Number(String(text).replaceAll(',', '').replace(/%$/, ''));
const near = (drawn, exact, what) => assert.ok(Math.abs(num(drawn) - exact) <= 0.006, `${what}: drawn ${drawn}, SQL ${exact}`);
const plain = (n) => n.toLocaleString('en-US');
// shows reports whether text has a number that is exact to its shown
// precision (with a K, M or B scale), as a narrative writes a total.
function shows(text, exact) {
  const scales = { K: 1e3, M: 1e6, B: 1e9 };
  for (const [, digits, unit] of text.matchAll(/(-?\d[\d,]*(?:\.\d+)?)\s*([KMB])?/g)) {
    const scale = scales[unit] ?? 1;
    const decimals = digits.split('.')[1]?.length ?? 0;
    if (Math.abs(num(digits) * scale - exact) <= (0.5 * scale) / 10 ** decimals + 0.006) return true;
  }
  return false;
}
const quarter = "strftime('%Y', order_date) || ' Q' || ((CAST(strftime('%m', order_date) AS INTEGER) + 2) / 3)";

// ariaItems reads the data of a chart's accessible description (ECharts'
// aria: "… The data is as follows: the data for A is 1, 2, the data for
// B is …"), per series name ("" for a chart of one series).
function ariaItems(label) {
  const items = (text) => text.replace(/^.*?(The data is as follows|The first \d+ items are): /s, '').trim().replace(/\.$/, '')
    .split(/,? ?the data for /).filter(Boolean).map((s) => {
      const m = /^(.*?) is (.*)$/s.exec(s);
      return { name: m[1], values: m[2].split(', ').map(Number) };
    });
  const parts = label.split(/The \d+ series is an? .*? representing /);
  if (parts.length === 1) return new Map([['', items(label)]]);
  return new Map(parts.slice(1).map((p) => [p.slice(0, p.indexOf('.The data')).trim(), items(p)]));
}

async function waitForMessage(page, name, count = 1) {
  await page.waitForFunction(([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c, [name, count], { timeout: STEP })
    .catch(async (err) => {
      throw new Error(`no ${name}; recorded:\n${JSON.stringify(await page.evaluate(() => window.events))}\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
    });
}

// open embeds the dashboard and resolves once its first sheet is drawn,
// with the time from embedDashboard to CONTENT_LOADED and the server's
// time for the dashboard's page, which holds the first sheet (request
// sent to the page's first byte, from the frame's navigation timing) and
// the time until its DOMContentLoaded handlers returned.
async function open() {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  const url = (await mintConsoleURL(qs, `/dashboards/${DASHBOARD}`)).replace('/embedding/', '/embed/');
  const t0 = Date.now();
  await page.evaluate((u) => window.embedDashboard(u, []), url);
  await waitForMessage(page, 'CONTENT_LOADED');
  const loadedIn = Date.now() - t0;
  const inner = page.frames().find((f) => f.url().includes(`/dashboards/${DASHBOARD}`));
  // At CONTENT_LOADED every chart the host page shows is drawn; those
  // below the fold (aria-busy until drawn) follow in idle time, without a
  // scroll, and the values are read once every chart is drawn.
  const frameBox = await page.locator('#c iframe.quicksight-embedding-iframe').boundingBox();
  const shown = page.viewportSize().height;
  const charts = await inner.evaluate(() => [...document.querySelectorAll('[data-echarts]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.closest('section').id, top: r.top, bottom: r.bottom, drawn: !!el.querySelector('svg'), waiting: el.hasAttribute('aria-busy') };
  }));
  const undrawn = charts.filter((c) => frameBox.y + c.top < shown && frameBox.y + c.bottom > 0 && !c.drawn).map((c) => c.id);
  assert.deepEqual(undrawn, [], 'charts on screen not drawn at CONTENT_LOADED');
  await inner.waitForFunction(() => !document.querySelector('[data-echarts][aria-busy]'), null, { timeout: STEP });
  const allDrawnIn = Date.now() - t0;
  assert.equal(await inner.locator('[data-echarts]:not(:has(svg))').count(), 0, 'a chart was left undrawn');
  const { serverMs, parsedMs } = await inner.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const at = (t) => Math.round(t - nav.requestStart);
    return {
      serverMs: at(nav.responseStart),
      parsedMs: `${at(nav.domContentLoadedEventEnd)} ms after its request (HTML read ${at(nav.responseEnd)}, parsed ${at(nav.domInteractive)}, DOMContentLoaded handlers ${Math.round(nav.domContentLoadedEventEnd - nav.domContentLoadedEventStart)} ms)`,
    };
  });
  const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
  return { page, frame, pageErrors, loadedIn, serverMs, parsedMs, drawn: `${charts.filter((c) => c.drawn).length} of ${charts.length} charts drawn when CONTENT_LOADED came, all ${allDrawnIn} ms after embedDashboard` };
}

const tile = (frame, id) => frame.locator(`#v-${id}`);
const texts = (frame, id) => tile(frame, id).locator('svg text').allTextContents();
const aria = async (frame, id) => ariaItems(await tile(frame, id).locator('.chart').getAttribute('aria-label'));
const cells = (frame, id) => tile(frame, id).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));

describe('every visual family in Chromium', () => {
  test('30-visual first sheet: embed to CONTENT_LOADED, cold and warm', { timeout: 120_000 }, async () => {
    // Direct answers are served for a minute after each was computed: both
    // warm opens follow the cold one within it.
    for (const run of ['cold cache', 'warm cache', 'warm cache, again']) {
      const { page, frame, loadedIn, serverMs, parsedMs, drawn } = await open();
      try {
        assert.equal(await frame.locator('section[data-visual-id]').count(), 30);
        console.log(`# CONTENT_LOADED ${loadedIn} ms after embedDashboard (30-visual first sheet, 100k sample, ${run}): the server's page with the sheet ${serverMs} ms to its first byte, its DOMContentLoaded handled ${parsedMs}; ${drawn}`);
      } finally {
        await page.close();
      }
    }
  });

  test('each family draws SQL\'s numbers', { timeout: 150_000 }, async () => {
    const { page, frame, pageErrors } = await open();
    try {
      // Nothing is an error, and only the insight is refused.
      assert.equal(await frame.locator('section.tile-error').count(), 0, await frame.locator('section.tile-error').allTextContents().then(String));

      // Bar: a value label per region, largest first.
      const bar = sql('SELECT region, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC');
      const barTexts = await texts(frame, 'bar');
      assert.deepEqual(barTexts.filter((t) => bar.some(([r]) => r === t)), bar.map(([r]) => r));
      for (const [region, revenue] of bar) near(barTexts.find((t) => /\./.test(t) && Math.abs(num(t) - revenue) < 1), revenue, `bar ${region}`);

      // Line: a labelled point per quarter.
      const lineTexts = await texts(frame, 'line');
      for (const [q, revenue] of sql(`SELECT ${quarter}, sum(revenue) FROM orders GROUP BY 1`)) {
        assert.ok(lineTexts.includes(q), `line lacks ${q}: ${lineTexts}`);
        near(lineTexts.find((t) => /\d,\d/.test(t) && Math.abs(num(t) - revenue) < 1), revenue, `line ${q}`);
      }

      // Pie and donut: their labels are cut to the room beside the pie, so
      // the slices' values are read from the accessible description.
      const pie = (await aria(frame, 'pie')).get('');
      for (const [category, revenue] of sql('SELECT category, sum(revenue) FROM orders GROUP BY 1')) near(pie.find((s) => s.name === category)?.values[0], revenue, `pie ${category}`);
      const donut = (await aria(frame, 'donut')).get('');
      assert.deepEqual(donut.map((s) => [s.name, s.values[0]]).sort(), sql('SELECT segment, count(*) FROM orders GROUP BY 1'));
      const pieRegion = (await aria(frame, 'pie-region')).get('');
      assert.deepEqual(pieRegion.map((s) => [s.name, s.values[0]]).sort(), sql('SELECT region, sum(quantity) FROM orders GROUP BY 1'));

      // Tables: every cell, in the sorted order.
      const table = await cells(frame, 'table');
      const subcats = sql('SELECT sub_category, sum(revenue), sum(quantity) FROM orders GROUP BY 1 ORDER BY 2 DESC');
      assert.deepEqual(table.map((r) => r[0]), subcats.map((r) => r[0]));
      subcats.forEach(([name, revenue, quantity], i) => {
        near(table[i][1], revenue, `table ${name} revenue`);
        assert.equal(table[i][2], plain(quantity));
      });
      const countries = await cells(frame, 'table-country');
      const bycountry = sql('SELECT country, count(*), sum(profit) FROM orders GROUP BY 1 ORDER BY 3 DESC');
      assert.deepEqual(countries.map((r) => [r[0], r[1]]), bycountry.map(([c, n]) => [c, plain(n)]));
      bycountry.forEach(([c, , profit], i) => near(countries[i][2], profit, `table country ${c}`));
      const segments = await cells(frame, 'table-segment');
      const bysegment = sql('SELECT segment, sum(revenue), avg(profit) FROM orders GROUP BY 1 ORDER BY 2 DESC');
      assert.deepEqual(segments.map((r) => r[0]), bysegment.map((r) => r[0]));
      bysegment.forEach(([s, revenue, profit], i) => {
        near(segments[i][1], revenue, `segments ${s} revenue`);
        near(segments[i][2], Math.round(profit * 100) / 100, `segments ${s} average profit`);
      });

      // Pivot table: a row per category, a column per region.
      const heads = (await tile(frame, 'pivot').locator('thead th').allTextContents()).slice(1);
      const pivot = await cells(frame, 'pivot');
      const pivotSQL = sql('SELECT category, region, sum(revenue) FROM orders GROUP BY 1, 2');
      assert.equal(pivot.length * heads.length, pivotSQL.length);
      for (const [category, region, revenue] of pivotSQL) {
        const row = pivot.find((r) => r[0] === category);
        near(row?.[1 + heads.indexOf(region)], revenue, `pivot ${category} × ${region}`);
      }

      // KPIs.
      const [[revenue, orders, profit]] = sql('SELECT sum(revenue), count(*), sum(profit) FROM orders');
      near(await tile(frame, 'kpi').locator('.kpi-value').textContent(), revenue, 'revenue KPI');
      assert.equal(await tile(frame, 'kpi-orders').locator('.kpi-value').textContent(), plain(orders));
      near(await tile(frame, 'kpi-profit').locator('.kpi-value').textContent(), profit, 'profit KPI');

      // Gauge: profit as a share of its target, revenue, in the center.
      assert.ok((await texts(frame, 'gauge')).includes(`${plain(Math.round((profit * 10000) / revenue) / 100)}%`), `gauge ${await texts(frame, 'gauge')}`);
      near((await aria(frame, 'gauge')).get('')[0].values[0], profit, 'gauge value');

      // Scatter plot: (revenue, profit) per category.
      const scatterLabel = await tile(frame, 'scatter').locator('.chart').getAttribute('aria-label');
      const points = scatterLabel.replace(/^.*The data is as follows: /s, '').replace(/\.\s*$/, '').split(', ');
      for (const [category, rev, prof] of sql('SELECT category, sum(revenue), sum(profit) FROM orders GROUP BY 1')) {
        const i = points.indexOf(category);
        assert.ok(i >= 2, `scatter lacks ${category}: ${scatterLabel}`);
        near(points[i - 2], rev, `scatter ${category} x`);
        near(points[i - 1], prof, `scatter ${category} y`);
      }

      // Combo: revenue bars and profit line per year, labelled.
      const comboTexts = await texts(frame, 'combo');
      for (const [year, rev, prof] of sql("SELECT strftime('%Y', order_date), sum(revenue), sum(profit) FROM orders GROUP BY 1")) {
        assert.ok(comboTexts.includes(year), `combo lacks ${year}`);
        for (const [v, what] of [[rev, 'revenue'], [prof, 'profit']]) near(comboTexts.find((t) => /\d,\d/.test(t) && Math.abs(num(t) - v) < 1), v, `combo ${year} ${what}`);
      }

      // Heat map: each cell labelled with its count of orders.
      const heatTexts = await texts(frame, 'heat');
      for (const [region, segment, n] of sql('SELECT region, segment, count(*) FROM orders GROUP BY 1, 2')) {
        assert.ok(heatTexts.includes(plain(n)), `heat map lacks ${region} × ${segment} = ${n}: ${heatTexts}`);
      }

      // Tree map: a rectangle per category (the smallest too small for a
      // label: its value from the description).
      const tree = (await aria(frame, 'tree')).get('');
      for (const [category, rev] of sql('SELECT category, sum(revenue) FROM orders GROUP BY 1')) near(tree.find((s) => s.name === category)?.values[0], rev, `tree map ${category}`);

      // Funnel: a stage per segment with its count, largest first.
      assert.deepEqual(await texts(frame, 'funnel'), sql('SELECT segment, count(*) FROM orders GROUP BY 1 ORDER BY 2 DESC').map(([s, n]) => `${s}: ${plain(n)}`));

      // Waterfall: a step per region, then the total.
      const steps = await texts(frame, 'waterfall');
      for (const label of [...sql('SELECT region, count(*) FROM orders GROUP BY 1').flatMap(([r, n]) => [r, plain(n)]), 'Total', plain(orders)]) {
        assert.ok(steps.includes(label), `waterfall lacks ${label}: ${steps}`);
      }

      // Histogram: bins of 5 from 0, each with its count.
      const bins = await texts(frame, 'histogram');
      for (const [low, n] of sql('SELECT CAST(quantity / 5 AS INTEGER) * 5, count(*) FROM orders GROUP BY 1')) {
        assert.ok(bins.includes(`${low} – ${low + 5}`) && bins.includes(plain(n)), `histogram lacks ${low} ${n}: ${bins}`);
      }

      // Box plot: minimum, quartiles and maximum of revenue per segment.
      const boxes = (await aria(frame, 'box')).get('');
      for (const [segment, want] of Object.entries(quartiles('segment', 'revenue'))) {
        const got = boxes.find((b) => b.name === segment)?.values.slice(1);
        assert.ok(got, `box plot lacks ${segment}`);
        want.forEach((w, i) => near(got[i], Math.round(w * 100) / 100, `box plot ${segment} [${i}]`));
      }

      // Sankey: a node per segment and per region, each with the revenue
      // that flows through it.
      const nodes = (await aria(frame, 'sankey')).get('');
      const sankeyTexts = await texts(frame, 'sankey');
      for (const [name, rev] of sql('SELECT segment, sum(revenue) FROM orders GROUP BY 1 UNION ALL SELECT region, sum(revenue) FROM orders GROUP BY 1')) {
        assert.ok(sankeyTexts.includes(name), `Sankey lacks ${name}`);
        near(nodes.find((n) => n.name === name)?.values[0], rev, `Sankey node ${name}`);
      }

      // Word cloud: a word per sub-category, its quantity as its title.
      const words = await tile(frame, 'words').locator('li').evaluateAll((lis) => lis.map((li) => [li.textContent, li.title]));
      assert.deepEqual(words.sort(), sql('SELECT sub_category, sum(quantity) FROM orders GROUP BY 1').map(([s, q]) => [s, plain(q)]).sort());

      // Radar: a spoke per region (in the axis order), a series per segment.
      const spokes = (await texts(frame, 'radar')).slice(0, 4);
      const radar = (await aria(frame, 'radar')).get('');
      for (const [segment, region, rev] of sql('SELECT segment, region, sum(revenue) FROM orders GROUP BY 1, 2')) {
        near(radar.find((s) => s.name === segment)?.values[spokes.indexOf(region)], rev, `radar ${segment} ${region}`);
      }

      // Stacked bars and stacked area: each series' own values.
      const stacked = await aria(frame, 'bar-stacked');
      for (const [segment, region, rev] of sql('SELECT segment, region, sum(revenue) FROM orders GROUP BY 1, 2')) {
        near(stacked.get(segment)?.find((d) => d.name === region)?.values[1], rev, `stacked bar ${segment} ${region}`);
      }
      const area = await aria(frame, 'area');
      for (const [segment, year, n] of sql("SELECT segment, strftime('%Y', order_date), count(*) FROM orders GROUP BY 1, 2")) {
        assert.equal(area.get(segment)?.find((d) => d.name === year)?.values[1], n, `stacked area ${segment} ${year}`);
      }

      // Horizontal bars: the five best products, labelled.
      const productTexts = await texts(frame, 'bar-products');
      for (const [product, rev] of sql('SELECT product, sum(revenue) FROM orders GROUP BY 1 ORDER BY 2 DESC LIMIT 5')) {
        assert.ok(productTexts.includes(product), `top products lack ${product}`);
        near(productTexts.find((t) => /\d,\d/.test(t) && Math.abs(num(t) - rev) < 1), rev, `top product ${product}`);
      }
      assert.equal(productTexts.filter((t) => /\d,\d{3}\./.test(t)).length, 5);

      // Custom content: the image; empty: an empty tile; insight: its
      // total, or refused by name (never another number).
      assert.equal(await tile(frame, 'content').locator('img').getAttribute('src'), 'https://example.com/logo.png');
      assert.equal(await tile(frame, 'empty').getAttribute('class'), 'tile tile-empty');
      const insight = await tile(frame, 'insight').textContent();
      if ((await tile(frame, 'insight').getAttribute('class')).includes('tile-unsupported')) {
        assert.match(insight, /TotalAggregation/);
        assert.equal(await frame.locator('section.tile-unsupported').count(), 1);
      } else {
        assert.ok(shows(insight, revenue), `insight lacks the total ${revenue}: ${insight}`);
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  // Last, as it changes the sample dataset: the same sheet over the sample
  // imported into SPICE (a new ingestion: nothing cached).
  test('30-visual first sheet over SPICE: embed to CONTENT_LOADED, cold', { timeout: 120_000 }, async () => {
    const { DataSet: d } = await qs.send(new DescribeDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: 'sample-sales' }));
    const up = await qs.send(new UpdateDataSetCommand({ AwsAccountId: ACCOUNT, DataSetId: d.DataSetId, Name: d.Name, ImportMode: 'SPICE',
      PhysicalTableMap: d.PhysicalTableMap, LogicalTableMap: d.LogicalTableMap }));
    for (let i = 0; ; i++) {
      const { Ingestion: ing } = await qs.send(new DescribeIngestionCommand({ AwsAccountId: ACCOUNT, DataSetId: d.DataSetId, IngestionId: up.IngestionId }));
      if (ing.IngestionStatus === 'COMPLETED') break;
      if (ing.IngestionStatus === 'FAILED' || i > 600) throw new Error(`ingestion: ${JSON.stringify(ing)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const { page, frame, loadedIn, serverMs, parsedMs } = await open();
    try {
      assert.equal(await frame.locator('section.tile-error').count(), 0);
      const [[revenue]] = sql('SELECT sum(revenue) FROM orders');
      near(await tile(frame, 'kpi').locator('.kpi-value').textContent(), revenue, 'revenue KPI over SPICE');
      console.log(`# CONTENT_LOADED ${loadedIn} ms after embedDashboard (30-visual first sheet, 100k sample in SPICE, cold cache): the server's page with the sheet ${serverMs} ms to its first byte, its DOMContentLoaded handled ${parsedMs}`);
    } finally {
      await page.close();
    }
  });
});
