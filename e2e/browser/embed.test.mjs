// The embedding SDK's embedConsole, from npm, in Debian's Chromium against
// the real server: a host page on http://localhost:<port> embeds a fresh
// console URL minted with the AWS SDK for JavaScript from
// https://127.0.0.1:<port> (another site, so the console is third-party).
// The console renders, the host receives CONTENT_LOADED and PAGE_NAVIGATION,
// an SDK request is answered, navigation inside the console works, and a
// second embed of the same URL shows the 403 page and reports
// ERROR_OCCURRED. The flow runs with third-party cookies allowed, blocked,
// and with every cookie of the console's site blocked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COOKIE_MODES, launchBrowser, mintConsoleURL, setUp } from './harness.mjs';

const STEP = 15_000; // one wait for the browser
const REQUEST_TIMEOUT = 5_000; // the SDK's own response timeout

const { sg, host, qs } = await setUp();

const events = (page) => page.evaluate(() => window.events);
const messages = async (page, name) => (await events(page)).filter((e) => e.kind === 'message' && e.eventName === name);

// waitForMessage waits until the host has received count messages named
// name. An ERROR_OCCURRED that arrives meanwhile ends the wait at once.
async function waitForMessage(page, name, count = 1) {
  try {
    await page.waitForFunction(
      ([n, c]) => {
        const got = window.events.filter((e) => e.kind === 'message' && e.eventName === n).length >= c;
        return got || (n !== 'ERROR_OCCURRED' && window.events.some((e) => e.kind === 'message' && e.eventName === 'ERROR_OCCURRED'));
      },
      [name, count],
      { timeout: STEP },
    );
  } catch (err) {
    throw new Error(`host did not receive ${count} ${name} message(s) within ${STEP} ms; it recorded:\n${JSON.stringify(await events(page), null, 1)}`, { cause: err });
  }
  const got = await messages(page, name);
  if (got.length < count) {
    const errs = await messages(page, 'ERROR_OCCURRED');
    throw new Error(`host received ERROR_OCCURRED ${JSON.stringify(errs.map((e) => e.message))} while waiting for ${count} ${name} message(s)`);
  }
  return got;
}

// openHost opens a fresh host page and embeds url, recording the requests
// that the console frame makes.
async function openHost(context, url) {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (req) => {
    if (req.url().startsWith(`${sg.url}/embedding/`)) requests.push(req);
  });
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${host.origin}/host`, { timeout: STEP });
  await page.evaluate((u) => window.embed(u), url);
  return { page, requests, pageErrors };
}

// cookieProbe writes an unpartitioned SameSite=None cookie from inside the
// console frame and reports whether the browser kept it: the check that
// third-party cookies are really blocked, or not, in this run.
async function cookieProbe(frame) {
  return frame.evaluate(() => {
    const name = `sg_probe_${Math.random().toString(36).slice(2)}`;
    document.cookie = `${name}=1; Path=/; Secure; SameSite=None; Max-Age=60`;
    return document.cookie.split(';').some((c) => c.trim().startsWith(`${name}=`));
  });
}

// explain adds the host's recorded events and the server's log to a
// failure, so that it can be read without rerunning.
async function explain(err, page) {
  let recorded = '(page gone)';
  try {
    recorded = JSON.stringify(await events(page), null, 1);
  } catch {
    // the page is closed
  }
  const log = sg.log().split('\n').slice(-30).join('\n');
  err.message += `\n--- host events ---\n${recorded}\n--- sightglass log (last lines) ---\n${log}`;
  return err;
}

describe('embedConsole in Chromium', () => {
  for (const mode of Object.keys(COOKIE_MODES)) {
    test(`third-party console with cookies ${mode}`, { timeout: 90_000 }, async () => {
      const browser = await launchBrowser(mode, sg.url);
      let page;
      try {
        const url = await mintConsoleURL(qs);
        assert.match(url, /^https:\/\/127\.0\.0\.1:\d+\/embedding\/[0-9a-f]{32}\/start\?/, 'embed URL shape');
        const sid = /\/embedding\/([0-9a-f]{32})\//.exec(url)[1];

        // First embed: the console signs on and renders.
        const first = await openHost(browser.context, url);
        page = first.page;
        const loaded = await waitForMessage(page, 'CONTENT_LOADED');
        assert.equal(loaded.length, 1, 'one CONTENT_LOADED');
        assert.ok(loaded[0].message?.title, `CONTENT_LOADED has a title: ${JSON.stringify(loaded[0])}`);
        assert.equal(loaded[0].eventTarget?.experienceType, 'CONSOLE');
        const nav = await waitForMessage(page, 'PAGE_NAVIGATION');
        assert.equal(nav[0].message?.pageType, 'START');
        const changes = (await events(page)).filter((e) => e.kind === 'change').map((e) => e.eventName);
        assert.ok(changes.includes('FRAME_LOADED'), `change events: ${changes}`);
        assert.ok(!changes.some((n) => /NOT_CREATED|INVALID|NO_/.test(n)), `change events: ${changes}`);

        const frameEl = page.locator('#c iframe.quicksight-embedding-iframe');
        const iframe = page.frameLocator('#c iframe.quicksight-embedding-iframe');
        assert.match(await frameEl.getAttribute('src'), /punyCodeEmbedOrigin=http%3A%2F%2Flocalhost%3A\d+%2F-/);
        await iframe.locator('.who .user').waitFor({ timeout: STEP });
        assert.equal((await iframe.locator('.who .user').textContent()).trim(), 'admin');
        assert.equal((await iframe.locator('.who .role').textContent()).trim(), 'ADMIN');
        assert.equal(await iframe.locator('main#main').getAttribute('data-page-type'), 'START');

        // The cookie mode is what it claims: an unpartitioned cross-site
        // cookie written in the console frame is kept only when third-party
        // cookies are allowed; the session cookie is partitioned (CHIPS) and
        // is refused only when the site's cookies are blocked.
        const consoleFrame = page.frames().find((f) => f.url().startsWith(`${sg.url}/embedding/${sid}/`));
        assert.ok(consoleFrame, `console frame among ${page.frames().map((f) => f.url())}`);
        const probeKept = await cookieProbe(consoleFrame);
        assert.equal(probeKept, mode === 'allowed', `unpartitioned third-party cookie kept=${probeKept} with cookies ${mode}`);
        const session = (await browser.context.cookies(sg.url + `/embedding/${sid}/`)).filter((c) => c.name === 'sg_session');
        if (mode === 'all blocked') {
          assert.deepEqual(session, [], 'no session cookie stored when the console site may not use cookies');
        } else {
          assert.equal(session.length, 1, `one session cookie: ${JSON.stringify(session)}`);
          assert.equal(session[0].partitionKey, 'http://localhost', 'session cookie partitioned by the host site');
          assert.equal(session[0].sameSite, 'None');
          assert.ok(session[0].secure && session[0].httpOnly);
        }

        // An SDK request is answered through the control frame, well
        // within the SDK's 5 s timeout: one the console does not support
        // (openDataQnAPane) with an error response, one it does (a print
        // request) with success.
        let t0 = Date.now();
        const qna = await page.evaluate(() => window.experience.openDataQnAPane().then((r) => ({ ok: r }), (e) => ({ err: String(e) })));
        let took = Date.now() - t0;
        assert.ok(!qna.err, `openDataQnAPane rejected: ${qna.err}`);
        assert.equal(qna.ok.success, false, `openDataQnAPane: ${JSON.stringify(qna)}`);
        assert.equal(qna.ok.errorCode, 'UNSUPPORTED_REQUEST');
        assert.ok(took < REQUEST_TIMEOUT, `openDataQnAPane answered in ${took} ms`);
        t0 = Date.now();
        const print = await page.evaluate(() =>
          window.experience
            .send(new QuickSightEmbedding.EmbeddingMessageEvent('INITIATE_PRINT'))
            .then((r) => ({ ok: r }), (e) => ({ err: String(e) })),
        );
        took = Date.now() - t0;
        assert.deepEqual(print, { ok: { success: true } }, `INITIATE_PRINT answered in ${took} ms`);

        // Navigation inside the console: the Dashboards tab is a boosted
        // htmx request that carries the session in the header.
        const before = first.requests.length;
        await iframe.getByRole('link', { name: 'Dashboards', exact: true }).click({ timeout: STEP });
        const navs = await waitForMessage(page, 'PAGE_NAVIGATION', 2);
        assert.equal(navs[1].message?.pageType, 'START');
        await iframe.locator('main h1', { hasText: 'Dashboards' }).waitFor({ timeout: STEP });
        assert.equal(await iframe.getByRole('link', { name: 'Dashboards', exact: true }).getAttribute('aria-current'), 'page');
        assert.equal((await iframe.locator('.who .user').textContent()).trim(), 'admin', 'still signed in after navigating');
        const tab = first.requests.slice(before).find((r) => r.url().split('?')[0] === `${sg.url}/embedding/${sid}/start/dashboards`);
        assert.ok(tab, `request for the Dashboards tab among ${first.requests.map((r) => r.url())}`);
        assert.ok(new URL(tab.url()).searchParams.get('contextId'), `the tab request keeps the SDK's parameters: ${tab.url()}`);
        const headers = await tab.allHeaders();
        assert.ok(headers['x-sightglass-session'], `tab request carries X-Sightglass-Session: ${JSON.stringify(headers)}`);
        assert.equal(headers['hx-request'], 'true');
        const cookieSent = /(^|;\s*)sg_session=/.test(headers.cookie || '');
        assert.equal(cookieSent, mode !== 'all blocked', `session cookie sent=${cookieSent} with cookies ${mode}`);
        const tabResponse = await tab.response();
        assert.equal(tabResponse?.status(), 200);
        assert.equal(first.pageErrors.length, 0, `host page errors: ${first.pageErrors}`);
        assert.equal((await messages(page, 'ERROR_OCCURRED')).length, 0, 'no ERROR_OCCURRED on the first embed');

        // Second embed of the same URL, in a fresh host page: the code was
        // redeemed, so the frame shows the 403 page and reports it.
        const second = await openHost(browser.context, url);
        page = second.page;
        const errs = await waitForMessage(page, 'ERROR_OCCURRED');
        assert.equal(errs[0].message?.errorCode, 'Forbidden', JSON.stringify(errs[0]));
        assert.equal(errs[0].eventTarget?.experienceType, 'CONSOLE');
        const again = page.frameLocator('#c iframe.quicksight-embedding-iframe');
        await again.locator('main#main[data-error-code="Forbidden"]').waitFor({ timeout: STEP });
        assert.equal((await again.locator('.error .status').textContent()).trim(), '403');
        assert.equal((await messages(page, 'CONTENT_LOADED')).length, 0, 'no CONTENT_LOADED for a reused URL');
        assert.equal(second.pageErrors.length, 0, `host page errors: ${second.pageErrors}`);
        const firstDoc = second.requests.find((r) => r.url().startsWith(url.split('?')[0]));
        assert.equal((await firstDoc?.response())?.status(), 403);
      } catch (err) {
        throw await explain(err, page);
      } finally {
        await browser.close();
      }
    });
  }
});
