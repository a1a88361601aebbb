// Foundation checks of the built site (dist/ and the /waqai/ sub-path build) in headless
// Chromium: it loads cleanly, turns an article into a timeline, talks to no other host, exposes
// the engine to JavaScript, and works under a sub-path. Run: node --test tests/e2e/
// (scripts/test.sh builds both sites first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  startServer,
  openPage,
  readSample,
  loadEngine,
  runAxe,
  screenshot,
  SUBPATH_DIST,
} from './harness.mjs';

// A dev article (Al Jazeera, 2017-03-22) with shelling and air strikes in and around Damascus.
const ARTICLE = '004_1011cbe8db59e945.txt';
const PUBLISHED = '2017-03-22';
// Places the article names that any working extraction must put on the timeline, in Arabic or
// in a Latin spelling (the English interface may transliterate).
const KNOWN_PLACES = [
  { ar: 'الوعر', latin: /wa['’]?er|waar/i },
  { ar: 'دوما', latin: /dou?ma/i },
];

const env = useBrowser();

test('the page loads and mounts with no console errors', async () => {
  const p = await env.open();
  try {
    await p.page.getByLabel('Article text').waitFor();
    await p.page.getByRole('button', { name: 'Add article' }).waitFor();
    assert.deepEqual(p.problems(), [], 'console errors, page errors or failed requests');
  } finally {
    await p.close();
  }
});

test('pasting an article and pressing "Add article" puts its events and places on the timeline', async () => {
  const p = await env.open();
  try {
    await p.page.getByLabel('Article text').fill(readSample(ARTICLE));
    await p.page.getByRole('button', { name: 'Add article' }).click();
    const timeline = p.page.getByRole('list', { name: 'Timeline' });
    const items = timeline.locator('li');
    // Leptos updates the DOM asynchronously: wait for the items instead of reading at once.
    await items
      .nth(2)
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    await screenshot(p.page, 'foundation-timeline');
    const texts = await items.allTextContents();
    assert.ok(texts.length >= 3, `expected at least 3 events on the timeline, got ${texts.length}: ${JSON.stringify(texts)}`);
    const all = texts.join('\n');
    for (const place of KNOWN_PLACES) {
      assert.ok(
        all.includes(place.ar) || place.latin.test(all),
        `expected the place ${place.ar} on the timeline; it shows:\n${all}`,
      );
    }
    assert.deepEqual(p.problems(), [], 'console errors, page errors or failed requests');
  } finally {
    await p.close();
  }
});

test('the page asks no host but its own (after loading and extracting)', async () => {
  const p = await env.open();
  try {
    await p.page.getByLabel('Article text').fill(readSample(ARTICLE));
    await p.page.getByRole('button', { name: 'Add article' }).click();
    // Give late loads (fonts, images, workers, map tiles) time to start.
    await p.page.waitForLoadState('networkidle');
    assert.deepEqual(p.foreignRequests, [], 'requests to other hosts');
    const served = env.server.requests.filter((r) => r !== '/favicon.ico');
    assert.ok(served.some((r) => r.endsWith('.wasm')), `the .wasm came from the local server: ${served}`);
  } finally {
    await p.close();
  }
});

test('the JavaScript face: waqai-worker.js exports extract(text, {published}) returning {events: [...]}', async () => {
  const p = await env.open();
  try {
    await loadEngine(p.page);
    const result = await p.page.evaluate(
      ([text, published]) => {
        const r = window.waqaiEngine.extract(text, { published });
        return { type: typeof r, isArray: Array.isArray(r?.events), events: r?.events?.length, published: r?.published };
      },
      [readSample(ARTICLE), PUBLISHED],
    );
    assert.equal(result.type, 'object');
    assert.ok(result.isArray, 'result.events is an array');
    // A bad date is refused with a readable message instead of being ignored.
    const refused = await p.page.evaluate(() => {
      try {
        window.waqaiEngine.extract('نص', { published: 'not a date' });
        return null;
      } catch (e) {
        return String(e?.message ?? e);
      }
    });
    assert.ok(refused && refused.length > 0, 'extract throws on a bad published date');
    // Without options it works too.
    const bare = await p.page.evaluate(() => Array.isArray(window.waqaiEngine.extract('نص').events));
    assert.ok(bare, 'extract(text) without options returns {events: [...]}');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('axe-core runs in the page (harness check)', async () => {
  const p = await env.open();
  try {
    const results = await runAxe(p.page, { runOnly: ['wcag2a'] });
    assert.ok(Array.isArray(results.violations) && Array.isArray(results.passes));
    assert.ok(results.passes.length > 0, 'axe checked something');
  } finally {
    await p.close();
  }
});

test('the sub-path build (--public-url /waqai/) loads and mounts under /waqai/', async () => {
  const sub = await startServer({ dir: SUBPATH_DIST, prefix: '/waqai/' });
  try {
    // The server answers only under /waqai/: an asset linked from the root would 404.
    const p = await openPage(env.browser, sub.url);
    try {
      await p.page.getByLabel('Article text').waitFor();
      assert.deepEqual(p.problems(), [], 'console errors, page errors or failed requests');
      const outside = sub.requests.filter((r) => !r.startsWith('/waqai/') && r !== '/favicon.ico');
      assert.deepEqual(outside, [], 'requests outside /waqai/');
    } finally {
      await p.close();
    }
    // "/waqai" without the slash lands on the page too (as on a static host).
    const res = await fetch(sub.origin + '/waqai');
    assert.equal(res.status, 200);
  } finally {
    await sub.close();
  }
});
