// Shared helpers for waqai's end-to-end tests (node:test + playwright-core + Debian Chromium).
//
// Nothing here downloads anything: the browser is the system Chromium (/usr/bin/chromium, or
// $CHROMIUM), the driver is the npm package playwright-core and the accessibility checker is the
// npm package axe-core (both installed by `npm ci`, see scripts/setup.sh). The site under test is
// the Trunk build in dist/ (`trunk build --release`), served by a small Node http server.
//
// API
//   ROOT, DIST, SUBPATH_DIST, SAMPLES_DIR, ARTIFACTS_DIR     absolute paths (see below)
//   readSample(name)                  -> text of ../shared/eval/dev/<name> (the dev articles)
//   startServer({dir, prefix})        -> {url, origin, prefix, requests, close()}
//        serves `dir` (default DIST) at http://127.0.0.1:<free port><prefix> (default prefix "/";
//        e.g. "/waqai/" for the sub-path build). `url` is origin + prefix. `requests` lists every
//        path asked for. Correct MIME types (.wasm is application/wasm), no caching, 404 otherwise.
//   launchBrowser()                   -> a playwright Browser (headless Debian Chromium, fresh
//        temporary profile, no background networking). Close it with `await browser.close()`.
//   openPage(browser, url, {viewport, locale, waitFor, timeout})
//        -> {page, context, consoleErrors, pageErrors, foreignRequests, failedRequests,
//            problems(), close()}
//        Opens `url` in a fresh browser context (own storage), records from the first request on:
//          consoleErrors   console messages of type "error" (text + location)
//          pageErrors      uncaught exceptions / unhandled rejections
//          foreignRequests every request whose host is not the host of `url` (data:/blob: ignored)
//          failedRequests  local requests that failed or got a status >= 400
//        (Chromium's own request for /favicon.ico, made when the page names no icon, is ignored.)
//        then waits until the app has mounted (`waitForApp`, selector `waitFor`, default "main";
//        pass waitFor: null to skip). problems() = all of the above as one list of strings.
//   waitForApp(page, selector = "main", timeout)
//        waits for Trunk's start-up (window.wasmBindings is set) and for `selector` to appear.
//   loadEngine(page)                  -> loads the engine's JavaScript face (waqai-worker.js, the module
//        the extraction worker runs) into the page as window.waqaiEngine: waqaiEngine.extract(text,
//        {published}) returns {published, events} as the CLI prints them.
//   runAxe(page, options)             -> axe results ({violations, passes, ...}); injects
//        node_modules/axe-core/axe.min.js and runs axe.run(document, options).
//   formatViolations(violations)      -> readable multi-line text for assertion messages.
//   screenshot(page, name, {dir, fullPage}) -> path of <dir>/<name>.png (default dir ARTIFACTS_DIR)
//   useBrowser(serverOptions)         -> {server, browser, open(url, opts)}: registers before/after
//        hooks that start startServer(serverOptions) and launchBrowser() and close them.
// timeline.mjs has what the tests read off the timeline: timeline, items, loadSamples, countWhen.
//
// Example (see foundation.test.mjs for a full one):
//   import { test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { useBrowser } from './harness.mjs';
//   const env = useBrowser();   // server and browser started before the tests, stopped after
//   test('loads', async () => {
//     const { page, problems, close } = await env.open();   // = openPage(env.browser, env.server.url)
//     await page.getByLabel('Article text').fill('...');
//     assert.deepEqual(problems(), []);
//     await close();
//   });

import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const ROOT = path.resolve(HERE, '..', '..');
/** The release build (`trunk build --release`). Override with $WAQAI_DIST. */
export const DIST = path.resolve(process.env.WAQAI_DIST || path.join(ROOT, 'dist'));
/** The sub-path build (`trunk build --release --public-url /waqai/ --dist target/dist-subpath`),
 *  made by scripts/test.sh. Override with $WAQAI_SUBPATH_DIST. */
export const SUBPATH_DIST = path.resolve(
  process.env.WAQAI_SUBPATH_DIST || path.join(ROOT, 'target', 'dist-subpath'),
);
/** The shared evaluation articles (a `shared` folder beside the clone). Override with $WAQAI_SHARED. */
export const SAMPLES_DIR = path.resolve(
  process.env.WAQAI_SHARED || path.join(ROOT, '..', 'shared'),
  'eval',
  'dev',
);
/** Where test screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'e2e', 'artifacts');

/** Text of one dev article, e.g. readSample('004_1011cbe8db59e945.txt'). */
export function readSample(name) {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/**
 * Serves `dir` under `prefix` on 127.0.0.1 at a free port.
 * @param {{dir?: string, prefix?: string}} [opts]
 */
export async function startServer({ dir = DIST, prefix = '/' } = {}) {
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    const how =
      root === SUBPATH_DIST
        ? '`trunk build --release --public-url /waqai/ --dist target/dist-subpath`'
        : '`trunk build --release`';
    throw new Error(
      `${root}/index.html does not exist: build the site first (bash scripts/test.sh does; or ${how}, ` +
        'with node_modules/.bin first on PATH).',
    );
  }
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    // "/waqai" -> "/waqai/", as static hosts do.
    if (pathname + '/' === prefix) return send(301, '', { Location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, 'not found (outside ' + prefix + ')');
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return send(400, 'bad path');
    }
    let file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
    try {
      let st = await fsp.stat(file);
      if (st.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await fsp.stat(file);
      }
      const body = await fsp.readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      send(200, body, { 'Content-Type': type, 'Content-Length': body.length });
    } catch {
      send(404, 'not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    prefix,
    url: origin + prefix,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The Chromium binary: $CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium quiet and local: no GPU, no sandbox (we may run as root), no
 *  background downloads, updates, sync or QUIC. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches headless Debian Chromium through playwright-core. Playwright gives every launch a
 * fresh temporary --user-data-dir and deletes it on close; each openPage() gets its own context.
 * Never run `npx playwright install`: it downloads a browser build.
 */
export async function launchBrowser({ args = [] } = {}) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (bash scripts/setup.sh --browser).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    timeout: 60_000,
  });
}

/**
 * Opens `url` in a fresh context and records errors and foreign requests from the start.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{viewport?: {width:number,height:number}, locale?: string, waitFor?: string|null,
 *          timeout?: number, contextOptions?: object}} [opts]
 */
export async function openPage(browser, url, opts = {}) {
  const {
    viewport = { width: 1280, height: 900 },
    locale = 'en-US',
    waitFor = 'main',
    timeout = 30_000,
    contextOptions = {},
  } = opts;
  const context = await browser.newContext({ viewport, locale, ...contextOptions });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  const localHost = new URL(url).host;
  const origin = new URL(url).origin;
  const isAutoFavicon = (u) => u === origin + '/favicon.ico';
  const consoleErrors = [];
  const pageErrors = [];
  const foreignRequests = [];
  const failedRequests = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // Chromium asks for /favicon.ico by itself when the page names no icon; its 404 is the
    // browser's doing, not the page's (a page that links an icon gets it checked as usual).
    if (isAutoFavicon(loc?.url)) return;
    consoleErrors.push(msg.text() + (loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''));
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)));
  const isForeign = (u) => {
    try {
      const parsed = new URL(u);
      if (!/^(https?|wss?|ftp):$/.test(parsed.protocol)) return false; // data:, blob:, about:
      return parsed.host !== localHost;
    } catch {
      return true;
    }
  };
  // Count requests from the page and from its workers (context-level sees both).
  context.on('request', (req) => {
    if (isForeign(req.url())) foreignRequests.push(req.url());
  });
  context.on('requestfailed', (req) => {
    if (isAutoFavicon(req.url())) return;
    // A reload or navigation cancels what is still loading (the engine warming up in its
    // worker): the browser's own doing, not a failure of the site.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!isForeign(req.url())) failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  context.on('response', (res) => {
    if (isAutoFavicon(res.url())) return;
    if (res.status() >= 400 && !isForeign(res.url())) failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout });
  if (waitFor) await waitForApp(page, waitFor, timeout);
  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    foreignRequests,
    failedRequests,
    problems: () => [
      ...consoleErrors.map((e) => 'console error: ' + e),
      ...pageErrors.map((e) => 'page error: ' + e),
      ...foreignRequests.map((u) => 'foreign request: ' + u),
      ...failedRequests.map((u) => 'failed request: ' + u),
    ],
    close: () => context.close(),
  };
}

/** Waits until Trunk has started the wasm (window.wasmBindings is set) and `selector` exists. */
export async function waitForApp(page, selector = 'main', timeout = 30_000) {
  try {
    await page.waitForFunction(() => typeof window.wasmBindings === 'object' && window.wasmBindings !== null, null, {
      timeout,
    });
    if (selector) await page.waitForSelector(selector, { state: 'attached', timeout });
  } catch (e) {
    const body = await page.evaluate(() => document.body?.outerHTML?.slice(0, 500)).catch(() => '?');
    throw new Error(`the app did not mount (${e.message.split('\n')[0]}); body: ${body}`);
  }
}

/** Runs axe-core in the page. `options` go to axe.run (e.g. {runOnly: ['wcag2a','wcag2aa']}). */
export async function runAxe(page, options = {}) {
  const already = await page.evaluate(() => typeof window.axe === 'object');
  // Evaluated through the DevTools protocol, not added as a <script>: the page's
  // Content-Security-Policy forbids inline scripts, and rightly refuses addScriptTag's.
  if (!already) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate((o) => window.axe.run(document, o), options);
}

/** Axe violations as readable text: rule, impact, help and the first few offending nodes. */
export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** Saves a PNG screenshot as <dir>/<name>.png and returns its path. */
export async function screenshot(page, name, { dir = ARTIFACTS_DIR, fullPage = false } = {}) {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Starts the static server and the browser before a test file's tests and stops them after.
 * Returns `{server, browser, open(url = server.url, opts)}`; `server` and `browser` are set
 * once the tests run.
 */
export function useBrowser(serverOptions = {}) {
  const env = {
    server: null,
    browser: null,
    open: (url = env.server.url, opts = {}) => openPage(env.browser, url, opts),
  };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Loads the engine's JavaScript face into the page as `window.waqaiEngine` (see the API above). */
export async function loadEngine(page) {
  await page.evaluate(async () => {
    const worker = document.querySelector('script[data-worker]').dataset.worker;
    const m = await import(worker.replace(/worker\.js$/, 'waqai-worker.js'));
    await m.default();
    window.waqaiEngine = m;
  });
}
