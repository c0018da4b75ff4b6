// Full page loads and in-frame navigation in Debian's Chromium, with
// every cookie of the console's site blocked (as Safari's "Block All
// Cookies"): the embedding SDK's navigateToDashboard and a reload of the
// frame keep the session (the frame's script carries it over with a
// single-use navigation ticket) and draw the dashboard's values; after a
// click in the console, the frame's URL keeps the SDK's parameters, so a
// reload still reports to the host page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { launchBrowser, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000;
const DASHBOARD = 'sample-sales-dashboard';

const { sg, host, qs, sql } = await setUp();

const events = (page) => page.evaluate(() => window.events);
const messages = async (page, name) => (await events(page)).filter((e) => e.kind === 'message' && e.eventName === name);

async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(
      ([n, c]) => window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c ||
        (n !== 'ERROR_OCCURRED' && window.events.some((e) => e.kind === 'message' && e.eventName === 'ERROR_OCCURRED')),
      [name, count],
      { timeout: STEP },
    );
  } catch (err) {
    throw new Error(`no ${count} ${name} within ${STEP} ms; recorded:\n${JSON.stringify(await events(page), null, 1)}\n--- log ---\n${sg.log().split('\n').slice(-20).join('\n')}`, { cause: err });
  }
  const got = await messages(page, name);
  assert.ok(got.length >= count, `ERROR_OCCURRED while waiting for ${name}: ${JSON.stringify(await messages(page, 'ERROR_OCCURRED'))}`);
  return got;
}

const kpi = async (frame, visualId) => Number((await frame.locator(`#v-${visualId} .kpi-value`).textContent()).replaceAll(',', ''));
const call = (page, method, ...args) =>
  page.evaluate(([m, a]) => window.experience[m](...a).then((r) => ({ ok: r }), (e) => ({ err: String(e) })), [method, args]);

// consoleFrame is the page's experience frame (not the SDK's control
// frame).
function consoleFrame(page) {
  const f = page.frames().find((fr) => fr.url().startsWith(sg.url) && !fr.url().includes('/embedControl'));
  assert.ok(f, `console frame among ${page.frames().map((fr) => fr.url())}`);
  return f;
}

// reloadFrame reloads the console frame as a person would (no header).
async function reloadFrame(page) {
  await consoleFrame(page).evaluate(() => location.reload()).catch(() => {});
}

// noSessionCookie checks that the browser stored no cookie of the console.
async function noSessionCookie(context) {
  assert.deepEqual(await context.cookies(sg.url), [], 'no cookie stored for the console site');
}

// openHost opens the host page; spentTickets collects the navigation
// tickets that the console frame's page loads presented.
async function openHost(context) {
  const page = await context.newPage();
  const spentTickets = [];
  page.on('request', (req) => {
    const t = req.resourceType() === 'document' && new URL(req.url()).searchParams.get('sgTicket');
    if (t) spentTickets.push(t);
  });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  return { page, pageErrors, spentTickets };
}

describe('full page loads with every cookie blocked', () => {
  test('navigateToDashboard and a reload keep the session and draw values', { timeout: 90_000 }, async () => {
    const browser = await launchBrowser('all blocked', sg.url);
    try {
      const { page, pageErrors, spentTickets } = await openHost(browser.context);
      const url = (await mintConsoleURL(qs, `/dashboards/${DASHBOARD}`)).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      await waitForMessage(page, 'CONTENT_LOADED');
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      assert.equal(await kpi(frame, 'kpi-revenue'), total);
      await noSessionCookie(browser.context);

      // navigateToDashboard: a full page load of the frame.
      assert.deepEqual((await call(page, 'navigateToDashboard', DASHBOARD, { parameters: [{ Name: 'Segment', Values: ['Consumer'] }] })).ok, { success: true });
      await waitForMessage(page, 'CONTENT_LOADED', 2);
      const [[consumer]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Consumer'");
      await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      // The ticket it was loaded with is out of the address bar. (Chromium
      // blocks the frame's storage with its cookies, so the address bar
      // holds a fresh ticket for a reload.)
      assert.equal(spentTickets.length, 1, `one page load with a ticket: ${spentTickets}`);
      const after = new URL(consoleFrame(page).url());
      assert.notEqual(after.searchParams.get('sgTicket'), spentTickets[0], `spent ticket left in the address bar: ${after}`);
      assert.ok(after.searchParams.get('contextId'), `contextId kept: ${after}`);

      // A reload: the browser asks for the URL with no header and no
      // cookie; the frame resumes its session.
      await reloadFrame(page);
      await waitForMessage(page, 'CONTENT_LOADED', 3);
      await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      assert.equal(await frame.locator('main#main').getAttribute('data-page-type'), 'DASHBOARD');
      assert.equal(spentTickets.length, 2, `the reload presented a ticket: ${spentTickets}`);
      assert.deepEqual(await messages(page, 'ERROR_OCCURRED'), []);
      await noSessionCookie(browser.context);
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });

  // Safari keeps partitioned storage where it refuses our cookie: the
  // frame's sessionStorage then carries the session over a reload.
  // Chromium blocks a third-party frame's storage with its cookies, so
  // here storage is allowed and the session cookie is cleared instead.
  test('with storage but no cookie, a reload resumes the session from sessionStorage', { timeout: 90_000 }, async () => {
    const browser = await launchBrowser('allowed', sg.url);
    try {
      const { page, pageErrors, spentTickets } = await openHost(browser.context);
      const url = (await mintConsoleURL(qs, `/dashboards/${DASHBOARD}`)).replace('/embedding/', '/embed/');
      await page.evaluate((u) => window.embedDashboard(u, []), url);
      await waitForMessage(page, 'CONTENT_LOADED');
      const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
      await browser.context.clearCookies();
      await noSessionCookie(browser.context);
      assert.equal(new URL(consoleFrame(page).url()).searchParams.get('sgTicket'), null, 'no ticket in the address bar when storage works');

      assert.deepEqual((await call(page, 'navigateToDashboard', DASHBOARD, { parameters: [{ Name: 'Segment', Values: ['Consumer'] }] })).ok, { success: true });
      await waitForMessage(page, 'CONTENT_LOADED', 2);
      const [[consumer]] = sql("SELECT round(sum(revenue), 2) FROM orders WHERE segment = 'Consumer'");
      await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      assert.equal(new URL(consoleFrame(page).url()).searchParams.get('sgTicket'), null, 'ticket taken out of the address bar');

      await reloadFrame(page);
      await waitForMessage(page, 'CONTENT_LOADED', 3);
      await frame.locator('#v-kpi-revenue .kpi-value').waitFor({ timeout: STEP });
      assert.equal(await kpi(frame, 'kpi-revenue'), consumer);
      assert.equal(spentTickets.length, 2, `navigation and reload each presented a ticket: ${spentTickets}`);
      assert.deepEqual(await messages(page, 'ERROR_OCCURRED'), []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });

  test('a reload after the session ended reports Unauthorized once, without a loop', { timeout: 90_000 }, async () => {
    const browser = await launchBrowser('allowed', sg.url);
    try {
      const { page, pageErrors, spentTickets } = await openHost(browser.context);
      const documents = [];
      page.on('request', (req) => req.resourceType() === 'document' && req.url().startsWith(sg.url) && !req.url().includes('/embedControl') && documents.push(req.url()));
      await page.evaluate((u) => window.embed(u), await mintConsoleURL(qs));
      await waitForMessage(page, 'CONTENT_LOADED');
      // Sign out from inside the frame, as the console's button does.
      const status = await consoleFrame(page).evaluate(async () => {
        const token = document.querySelector('meta[name="sg-session"]').content;
        const sid = location.pathname.split('/')[2];
        const r = await fetch(`/embedding/${sid}/signout`, { method: 'POST', headers: { 'X-Sightglass-Session': token }, redirect: 'manual' });
        return r.type === 'opaqueredirect' ? 303 : r.status;
      });
      assert.equal(status, 303);
      await browser.context.clearCookies();
      const before = documents.length;
      await reloadFrame(page);
      const errs = await waitForMessage(page, 'ERROR_OCCURRED');
      assert.equal(errs[0].message?.errorCode, 'Unauthorized');
      await new Promise((r) => setTimeout(r, 1000)); // a loop would show by now
      assert.deepEqual(documents.slice(before).map((u) => new URL(u).pathname), [new URL(documents[0]).pathname], 'one page load, no retry');
      assert.equal(spentTickets.length, 0);
      assert.equal((await messages(page, 'ERROR_OCCURRED')).length, 1);
      assert.deepEqual(await consoleFrame(page).evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('sg-session:'))), [], 'the ended session is forgotten');
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });

  for (const mode of ['third-party blocked', 'all blocked']) {
    test(`a click in the console, then a reload, still reports to the host (cookies ${mode})`, { timeout: 90_000 }, async () => {
      const browser = await launchBrowser(mode, sg.url);
      try {
        const { page, pageErrors } = await openHost(browser.context);
        const url = await mintConsoleURL(qs);
        await page.evaluate((u) => window.embed(u), url);
        await waitForMessage(page, 'CONTENT_LOADED');
        await waitForMessage(page, 'PAGE_NAVIGATION');
        const first = new URL(consoleFrame(page).url());
        const frame = page.frameLocator('#c iframe.quicksight-embedding-iframe');
        if (mode === 'all blocked') await noSessionCookie(browser.context);

        await frame.getByRole('link', { name: 'Dashboards', exact: true }).click({ timeout: STEP });
        await waitForMessage(page, 'PAGE_NAVIGATION', 2);
        await frame.locator('main h1', { hasText: 'Dashboards' }).waitFor({ timeout: STEP });
        const clicked = new URL(consoleFrame(page).url());
        assert.equal(clicked.pathname, first.pathname.replace(/\/start$/, '/start/dashboards'));
        for (const k of ['contextId', 'discriminator', 'punyCodeEmbedOrigin', 'sdkVersion']) {
          assert.equal(clicked.searchParams.get(k), first.searchParams.get(k), `${k} kept after the click: ${clicked}`);
          assert.ok(first.searchParams.get(k) !== null, `${k} in the embed URL: ${first}`);
        }

        await reloadFrame(page);
        await waitForMessage(page, 'CONTENT_LOADED', 2);
        const navs = await waitForMessage(page, 'PAGE_NAVIGATION', 3);
        assert.equal(navs[2].message?.pageType, 'START');
        assert.equal(navs[2].eventTarget?.contextId, navs[0].eventTarget?.contextId);
        await frame.locator('main h1', { hasText: 'Dashboards' }).waitFor({ timeout: STEP });
        assert.equal((await frame.locator('.who .user').textContent()).trim(), 'admin', 'still signed in after the reload');
        assert.deepEqual(await messages(page, 'ERROR_OCCURRED'), []);
        if (mode === 'all blocked') await noSessionCookie(browser.context);
        assert.deepEqual(pageErrors, []);
      } finally {
        await browser.close();
      }
    });
  }
});
