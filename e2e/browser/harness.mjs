// Harness of the browser test: the real Sightglass binary over HTTPS, a
// host page on another site, a QuickSight API client from the AWS SDK for
// JavaScript, and Debian's Chromium driven by playwright-core. Everything it
// starts is stopped by the returned close functions, or, for what setUp
// starts, by the after hook it registers.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DescribeDashboardCommand, GetSessionEmbedUrlCommand, QuickSightClient, RegisterUserCommand } from '@aws-sdk/client-quicksight';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

export const BINARY = process.env.SIGHTGLASS_BIN || path.join(repo, 'bin', 'sightglass');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ACCOUNT = '123456789012';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// timeout resolves to null after ms without keeping the process alive.
const timeout = (ms) => new Promise((r) => setTimeout(r, ms, null).unref());

// freePort returns a loopback port that was free a moment ago.
export async function freePort() {
  const srv = net.createServer();
  await new Promise((resolve, reject) => srv.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function httpsGet(url, ca) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, rejectUnauthorized: !!ca, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function parseCredentials(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  if (!out.aws_access_key_id || !out.aws_secret_access_key) throw new Error(`credentials file has no key:\n${text}`);
  return { accessKeyId: out.aws_access_key_id, secretAccessKey: out.aws_secret_access_key, region: out.region || 'us-east-1' };
}

// startSightglass runs `sightglass serve` with a self-signed certificate on
// a fresh data directory (and any extra flags) and waits for /healthz.
export async function startSightglass(extraArgs = []) {
  if (!fs.existsSync(BINARY)) throw new Error(`${BINARY} not found: run \`make build\` first (or \`make browser\`)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightglass-browser-'));
  const port = await freePort();
  const url = `https://127.0.0.1:${port}`;
  const child = spawn(BINARY, ['serve', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir, '--tls-self-signed', '--public-url', url, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SIGHTGLASS_POSTGRES: '' },
  });
  let log = '';
  const keep = (d) => {
    log += d;
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((r) => child.once('exit', (code, signal) => r((exited = { code, signal }))));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const done = await Promise.race([exit, timeout(5000)]);
      if (!done) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error(`sightglass exited (${JSON.stringify(exited)}) before answering /healthz`);
      try {
        const res = await httpsGet(`${url}/healthz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('sightglass did not answer /healthz within 30 s');
      await sleep(100);
    }
    const credentials = parseCredentials(fs.readFileSync(path.join(dataDir, 'credentials'), 'utf8'));
    const ca = fs.readFileSync(path.join(dataDir, 'tls-cert.pem'));
    return { url, port, dataDir, credentials, ca, log: () => log, close };
  } catch (err) {
    await close();
    err.message += `\n--- sightglass output ---\n${log}`;
    throw err;
  }
}

// quickSightClient is the AWS SDK for JavaScript v3 QuickSight client
// pointed at the server; it trusts the server's own generated certificate.
export function quickSightClient(sg) {
  return new QuickSightClient({
    region: sg.credentials.region,
    endpoint: sg.url,
    credentials: { accessKeyId: sg.credentials.accessKeyId, secretAccessKey: sg.credentials.secretAccessKey },
    requestHandler: { httpsAgent: new https.Agent({ ca: sg.ca, keepAlive: false }), requestTimeout: 10_000 },
    maxAttempts: 1,
  });
}

// mintConsoleURL calls GetSessionEmbedUrl as the bootstrap IAM user (whose
// QuickSight user is the ADMIN "admin").
export async function mintConsoleURL(client, entryPoint = '/start') {
  const out = await client.send(new GetSessionEmbedUrlCommand({ AwsAccountId: ACCOUNT, EntryPoint: entryPoint, SessionLifetimeInMinutes: 15 }));
  if (out.Status !== 200 || !out.EmbedUrl) throw new Error(`GetSessionEmbedUrl answered ${JSON.stringify(out)}`);
  return out.EmbedUrl;
}

// openEmbedded opens a new page of the browser on the host page and embeds
// the console there at entryPoint (GetSessionEmbedUrl as the admin), as a
// reader's browser does: the page (the caller closes it), the console's
// frame, and the page's uncaught errors as they come.
export async function openEmbedded({ browser, host, qs }, entryPoint, timeout = 15_000) {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  try {
    await page.goto(`${host.origin}/host`, { timeout });
    await page.evaluate((u) => window.embed(u), await mintConsoleURL(qs, entryPoint));
  } catch (err) {
    await page.close();
    throw err;
  }
  return { page, frame: page.frameLocator('#c iframe.quicksight-embedding-iframe'), pageErrors };
}

// dashboardCreated waits until the dashboard id's version is created
// (about ten seconds at the most), and throws its errors if it failed.
export async function dashboardCreated(client, id) {
  for (let i = 0; i < 100; i++) {
    const d = await client.send(new DescribeDashboardCommand({ AwsAccountId: ACCOUNT, DashboardId: id }));
    if (d.Dashboard.Version.Status === 'CREATION_SUCCESSFUL') return;
    if (d.Dashboard.Version.Status === 'CREATION_FAILED') throw new Error(JSON.stringify(d.Dashboard.Version.Errors));
    await sleep(100);
  }
  throw new Error(`dashboard ${id} was not created`);
}

// registerUser registers a QUICKSIGHT-identity user with a role and
// returns its ARN.
export async function registerUser(client, userName, role) {
  const out = await client.send(new RegisterUserCommand({
    AwsAccountId: ACCOUNT, Namespace: 'default', IdentityType: 'QUICKSIGHT', UserName: userName, Email: `${userName}@example.com`, UserRole: role,
  }));
  return out.User.Arn;
}

// mintUserURL calls GetSessionEmbedUrl for a QuickSight user.
export async function mintUserURL(client, userArn, entryPoint) {
  const out = await client.send(new GetSessionEmbedUrlCommand({ AwsAccountId: ACCOUNT, EntryPoint: entryPoint, UserArn: userArn, SessionLifetimeInMinutes: 15 }));
  return out.EmbedUrl;
}

const SDK_FILE = path.join(here, 'node_modules', 'amazon-quicksight-embedding-sdk', 'dist', 'quicksight-embedding-js-sdk.min.js');

// The host page: it loads the SDK's browser build (a UMD bundle that sets
// window.QuickSightEmbedding) and records every change event and message.
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightglass embedding host</title>
<script src="/sdk.js"></script>
</head><body>
<h1>Host application</h1>
<div id="c" style="width: 1000px; height: 700px"></div>
<script>
window.events = [];
const record = (kind) => (ev) => {
  let copy;
  try { copy = JSON.parse(JSON.stringify(ev)); } catch (e) { copy = { eventName: ev && ev.eventName, unserializable: String(e) }; }
  window.events.push({ kind, at: Date.now(), ...copy });
};
window.embed = async (url) => {
  const context = await QuickSightEmbedding.createEmbeddingContext({ onChange: record('context-change') });
  window.experience = await context.embedConsole(
    { url, container: '#c', onChange: record('change') },
    { locale: 'en-US', onMessage: record('message') },
  );
  return true;
};
// embedDashboard embeds url as the SDK's dashboard experience, with
// parameters (passed in the URL fragment) and the iframe's height
// following SIZE_CHANGED; more holds further content options (viewId).
window.embedDashboard = async (url, parameters, more) => {
  const context = await QuickSightEmbedding.createEmbeddingContext({ onChange: record('context-change') });
  window.experience = await context.embedDashboard(
    { url, container: '#c', resizeHeightOnSizeChangedEvent: true, onChange: record('change') },
    { locale: 'en-US', parameters, onMessage: record('message'), ...more },
  );
  return true;
};
// embedVisual embeds url as the SDK's visual experience.
window.embedVisual = async (url) => {
  const context = await QuickSightEmbedding.createEmbeddingContext({ onChange: record('context-change') });
  window.experience = await context.embedVisual(
    { url, container: '#c', onChange: record('change') },
    { locale: 'en-US', onMessage: record('message') },
  );
  return true;
};
</script>
</body></html>`;

const SDK_V1_FILE = path.join(here, 'node_modules', 'amazon-quicksight-embedding-sdk-v1', 'dist', 'quicksight-embedding-js-sdk.min.js');

// The host page of an application that never upgraded from the SDK 1.x:
// QuickSightEmbedding.embedDashboard with its callbacks, recording every
// event the dashboard object triggers.
const HOST_V1_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightglass embedding host (SDK 1.x)</title>
<script src="/sdk-v1.js"></script>
</head><body>
<h1>Host application (SDK 1.x)</h1>
<div id="c" style="width: 1000px; height: 700px"></div>
<script>
window.events = [];
const record = (name) => (payload) => window.events.push({ name, at: Date.now(), payload: JSON.parse(JSON.stringify(payload === undefined ? null : payload)) });
window.embedV1 = (url, parameters) => {
  window.dashboard = QuickSightEmbedding.embedDashboard({
    url, container: document.getElementById('c'), parameters, height: 'AutoFit', loadingHeight: '600px', locale: 'en-US',
    loadCallback: record('load'), errorCallback: record('error'), parametersChangeCallback: record('parametersChange'),
    selectedSheetChangeCallback: record('selectedSheetChange'),
  });
  window.dashboard.on('resize', record('resize'));
  return true;
};
</script>
</body></html>`;

// startHost serves the host page on http://localhost:<port>, another site
// than the console's https://127.0.0.1:<port>.
export async function startHost() {
  const sdk = fs.readFileSync(SDK_FILE);
  const sdkV1 = fs.readFileSync(SDK_V1_FILE);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname === '/sdk.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(sdk);
    } else if (pathname === '/sdk-v1.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(sdkV1);
    } else if (pathname === '/host-v1') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(HOST_V1_PAGE);
    } else if (pathname === '/' || pathname === '/host') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(HOST_PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

export const COOKIE_MODES = {
  // Third-party cookies explicitly allowed (the "Allow third-party cookies"
  // setting), so the run does not depend on the browser's default.
  allowed: { cookie_controls_mode: 0 },
  // "Block third-party cookies" (Settings > Privacy > Third-party cookies):
  // unpartitioned cross-site cookies are refused; partitioned (CHIPS)
  // cookies are still kept, in the top-level site's partition.
  'third-party blocked': { cookie_controls_mode: 1 },
  // Every cookie of the console's site blocked (a per-site "Not allowed to
  // use cookies" exception, like Safari's "Block All Cookies"): not even a
  // partitioned cookie is kept, so only the X-Sightglass-Session header can
  // carry the session.
  'all blocked': { cookie_controls_mode: 1, blockSite: true },
};

// launchBrowser starts Chromium with a fresh profile whose Preferences set
// the cookie mode, the way a user's settings would.
export async function launchBrowser(mode, consoleOrigin) {
  const m = COOKIE_MODES[mode];
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightglass-chromium-'));
  const profile = { cookie_controls_mode: m.cookie_controls_mode, block_third_party_cookies: m.cookie_controls_mode === 1 };
  if (m.blockSite) profile.content_settings = { exceptions: { cookies: { [`${consoleOrigin},*`]: { setting: 2 } } } };
  fs.mkdirSync(path.join(userDataDir, 'Default'));
  fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ profile }));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1200, height: 900 },
      timeout: 30_000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--ignore-certificate-errors',
      ],
    });
  } catch (err) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    context,
    close: async () => {
      await Promise.race([context.close().catch(() => {}), timeout(10_000)]);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// sampleFile is the path of the first-run sample dataset's SQLite file in
// the data directory of the server sg.
export const sampleFile = (sg) => path.join(sg.dataDir, 'sources', 'sample-sales.sqlite');

// sampleSQL runs a query, with its ? arguments, on the sample file of the
// server sg, read-only, with Python's sqlite3 (Node 20 has no SQLite
// module), and returns its rows.
export function sampleSQL(sg, query, ...args) {
  const script = 'import json,sqlite3,sys\nc=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True)\nprint(json.dumps(c.execute(sys.argv[2],json.loads(sys.argv[3])).fetchall()))';
  return JSON.parse(execFileSync('python3', ['-c', script, sampleFile(sg), query, JSON.stringify(args)], { encoding: 'utf8' }));
}

// setUp starts what a test file shares, for the file's top level to await:
// the server (with extra flags), the host page (unless host is false), an
// API client and, when browser names one of the COOKIE_MODES, one Chromium.
// It returns them as { sg, host, qs, browser, sql }, sql being sampleSQL on
// this server, and registers an after hook that stops them in the reverse
// order; if one fails to start, those started before it are stopped.
export async function setUp({ flags = [], host: withHost = true, browser: mode = null } = {}) {
  const env = { sg: null, host: null, qs: null, browser: null };
  const stop = async () => {
    await env.browser?.close();
    env.qs?.destroy();
    await env.host?.close();
    await env.sg?.close();
  };
  try {
    env.sg = await startSightglass(flags);
    if (withHost) env.host = await startHost();
    env.qs = quickSightClient(env.sg);
    if (mode) env.browser = await launchBrowser(mode, env.sg.url);
  } catch (err) {
    await stop();
    throw err;
  }
  after(stop);
  return { ...env, sql: (query, ...args) => sampleSQL(env.sg, query, ...args) };
}

// editorChange waits for the analysis editor in frame to answer an action
// (its definition version is no longer before) and returns the new
// version.
export async function editorChange(frame, before, timeout = 15_000) {
  await frame.locator(`#editor:not([data-version="${before}"])`).waitFor({ timeout });
  return frame.locator('#editor').getAttribute('data-version');
}
