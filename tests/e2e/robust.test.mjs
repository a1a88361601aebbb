// Robust and private (issue 7), in headless Chromium on the release build (dist/):
// the page asks no other host while it loads, extracts, shares and exports; its
// Content-Security-Policy is in force; article text is always text (markup and script shown
// literally, never run); a 50 MB paste or file gets a message and loses nothing; invalid UTF-8,
// right-to-left overrides, zero-width characters and very long lines are read gracefully;
// a panic in the WebAssembly module is shown in the page and the reader's data survives a reload.
// (Storage that refuses writes, storage disabled and a damaged save: page.test.mjs. A binary
// file, Windows-1256 and UTF-16 files, an HTML page with <script>: page.test.mjs. Damaged,
// cut and future-version share links: share.test.mjs.)
// Run: node --test tests/e2e/robust.test.mjs (after `trunk build --release`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, readSample, loadEngine } from './harness.mjs';
import { timeline, items, countWhen } from './timeline.mjs';

const env = useBrowser();

const S004 = '004_1011cbe8db59e945.txt';
const articleItems = (page) => page.locator('.article-item');

const open = env.open;

/** Pastes `text` (set in the page, so that big texts need not cross the wire) and presses Add. */
async function paste(page, text, published) {
  await page.getByLabel('Article text').fill(text);
  if (published) await page.locator('#article-date').fill(published);
  await page.getByRole('button', { name: 'Add article' }).click();
}

test('loading, extracting, sharing and exporting ask no host but the page\'s own; the CSP is in force', async () => {
  const p = await open(env.server.url, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const seen = [];
  p.context.on('request', (r) => seen.push(r.url()));
  try {
    const { page } = p;
    // The policy is the page's own and allows nothing from elsewhere.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
    // No inline script in the page: the loader is a file of the page's own.
    assert.equal(await page.locator('script:not([src])').count(), 0);
    // A script injected at run time is refused by the policy.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__cspBypassed = true';
      document.body.append(s);
    });
    assert.equal(await page.evaluate(() => window.__cspBypassed), undefined);
    p.consoleErrors.length = 0; // that refusal is logged, on purpose

    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await items(page).first().waitFor({ timeout: 15_000 });
    await paste(page, readSample(S004), '2017-03-22');
    await countWhen(page, (n) => n > 0, 'events');
    // Event cards carry their type's colour (set through CSSOM, which the policy allows).
    const colour = await page.locator('.card').first().evaluate((el) => el.style.getPropertyValue('--type-colour'));
    assert.match(colour, /^#[0-9a-f]{6}$/i);
    await items(page).first().locator('.event-title').click();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByText('The link is on the clipboard.').waitFor();
    const link = await page.getByLabel('Share link', { exact: true }).inputValue();
    for (const name of ['Export CSV', 'Export JSON', 'Export GeoJSON']) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      assert.ok((await fs.stat(await dl.path())).size > 0, `${name} downloaded`);
    }
    // Open the share link too, in a fresh context.
    const q = await open(link);
    q.context.on('request', (r) => seen.push(r.url()));
    await q.page.getByText('You are viewing a shared timeline').waitFor();
    await q.page.reload();
    await q.page.locator('main').waitFor();
    assert.deepEqual(q.foreignRequests, []);
    assert.deepEqual(q.problems(), []);
    await q.close();

    assert.deepEqual(p.foreignRequests, [], 'no request to another host');
    const others = seen.filter((u) => !u.startsWith(env.server.origin) && !/^(data|blob):/.test(u));
    assert.deepEqual(others, [], 'every request went to the local server');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('markup and script in an article are shown as text and never run', async () => {
  const p = await open();
  try {
    const { page } = p;
    const payload = [
      'قصفت قوات النظام حي الوعر في حمص. <script>window.__xssScript = 1</script>',
      '<img src=x onerror="window.__xssImg = 1"> <svg onload="window.__xssSvg = 1"></svg>',
      '<b onmouseover="window.__xssHover = 1">غارات</b> <a href="javascript:window.__xssHref=1">رابط</a>',
      '<iframe src="javascript:parent.__xssFrame=1"></iframe> &lt;p&gt; &amp;',
    ].join('\n');
    await paste(page, payload, '2017-03-22');
    await articleItems(page).first().waitFor();
    // The title (first line) and the source text show the markup literally.
    const list = await page.locator('.article-item').first().innerText();
    assert.ok(list.includes('<script>'), list);
    await articleItems(page).first().getByRole('button').first().click();
    const shown = await page.locator('.article-text').innerText();
    for (const literal of ['<script>window.__xssScript = 1</script>', '<img src=x onerror=', '<b onmouseover=', '&lt;p&gt; &amp;', '<iframe']) {
      assert.ok(shown.includes(literal), `"${literal}" shown literally in: ${shown}`);
    }
    // No element was made from it.
    for (const sel of ['script:not([src])', 'img', 'iframe', '[onerror]', '[onload]', '[onmouseover]', 'a[href^="javascript:"]']) {
      assert.equal(await page.locator(`main ${sel}`).count(), 0, `no ${sel}`);
    }
    await page.locator('.article-text').hover();
    await page.waitForTimeout(300);
    const flags = await page.evaluate(() =>
      ['__xssScript', '__xssImg', '__xssSvg', '__xssHover', '__xssHref', '__xssFrame'].filter((k) => k in window),
    );
    assert.deepEqual(flags, [], 'nothing executed');
    assert.ok(!env.server.requests.some((r) => r.endsWith('/x')), 'the <img src=x> was never fetched');
    // The event from the first line still carries the sentence, also as text.
    await countWhen(page, (n) => n > 0, 'events of the article with markup');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a 50 MB paste and a 50 MB file get a clear message and nothing already there is lost', async () => {
  const p = await open(env.server.url, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const big = path.join(os.tmpdir(), `waqai-50mb-${process.pid}.txt`);
  try {
    const { page } = p;
    await paste(page, readSample(S004), '2017-03-22');
    await articleItems(page).first().waitFor();
    const before = await countWhen(page, (n) => n > 0, 'events');
    // A real paste (Ctrl+V) of 50 MB of Arabic, put on the clipboard in the page. The page
    // refuses it before the browser fills the box (a textarea with 50 MB freezes the tab).
    const box = page.getByLabel('Article text');
    await box.fill('مسودة لم تُضف بعد');
    const length = await page.evaluate(async () => {
      const t = 'قصفت قوات النظام حي الوعر في حمص.\n'.repeat(840_000); // 60 bytes a line: 50.4 MB
      await navigator.clipboard.writeText(t);
      return new Blob([t]).size;
    });
    assert.ok(length >= 50_000_000, `${length} bytes on the clipboard`);
    await box.focus();
    const t0 = Date.now();
    await page.keyboard.press('Control+V');
    await page.getByText('This text is too long (more than 1 MB)').waitFor({ timeout: 30_000 });
    assert.ok(Date.now() - t0 < 15_000, `the message came after ${Date.now() - t0} ms`);
    assert.equal(await box.inputValue(), 'مسودة لم تُضف بعد', 'the paste box keeps what it had');
    assert.equal(await articleItems(page).count(), 1, 'the article already there stays');
    assert.equal(await items(page).count(), before, 'its events stay');
    // The same as a 50 MB file.
    await fs.writeFile(big, Buffer.alloc(50 * 1024 * 1024, 'قصفت الطائرات بلدة داريا.\n'));
    await page.setInputFiles('#file-input', big);
    await page.getByText(`${path.basename(big)}: This text is too long`).waitFor({ timeout: 60_000 });
    assert.equal(await articleItems(page).count(), 1);
    assert.equal(await items(page).count(), before);
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('waqai.v1')));
    assert.equal(saved.articles.length, 1, 'storage still holds the article');
    assert.deepEqual(p.problems(), []);
  } finally {
    await fs.rm(big, { force: true });
    await p.close();
  }
});

test('invalid UTF-8, right-to-left overrides, zero-width characters and very long lines are read gracefully', async () => {
  const p = await open();
  try {
    const { page } = p;
    // A file that is not UTF-8: read (as Windows-1256, the Arabic code page), not refused.
    const bad = Buffer.concat([
      Buffer.from('قصفت قوات النظام حي الوعر في حمص', 'utf8'),
      Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
    ]);
    await page.setInputFiles('#file-input', [{ name: 'bad-utf8.txt', mimeType: 'text/plain', buffer: bad }]);
    await articleItems(page).first().waitFor();
    assert.equal(await articleItems(page).count(), 1);

    // Bidirectional controls and zero-width characters inside the words: still an article,
    // still events, and the characters stay in the source text (nothing is silently lost).
    const sneaky =
      '\u202Eقصفت\u202C قوات\u200B النظام \u200Dالأربعاء حي\u2066 الوعر\u2069 في حمص\uFEFF، مما أدى إلى مقتل ثلاثة مدنيين.';
    await paste(page, sneaky, '2017-03-22');
    await page.waitForFunction(() => document.querySelectorAll('.article-item').length === 2);
    await articleItems(page).nth(1).getByRole('button').first().click();
    const raw = await page.locator('.article-text').evaluate((el) => el.textContent);
    for (const ch of ['\u202E', '\u200B', '\u200D', '\u2066', '\uFEFF']) {
      assert.ok(raw.includes(ch), `U+${ch.codePointAt(0).toString(16)} kept`);
    }
    await loadEngine(page);
    const events = await page.evaluate(
      (t) => window.waqaiEngine.extract(t, { published: '2017-03-22' }).events.length,
      sneaky,
    );
    assert.ok(events >= 1, 'the engine reads through the invisible characters');

    // One line of about 900 KB (no line break), under the 1 MB limit: added, and the page answers.
    const line = 'قصفت قوات النظام حي الوعر في حمص ومقتل ثلاثة مدنيين، '.repeat(9000);
    const t0 = Date.now();
    await page.getByLabel('Article text').evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, line);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.article-item').length === 3, null, { timeout: 30_000 });
    await countWhen(page, (n) => n > 0, 'events with the long line');
    assert.ok(Date.now() - t0 < 30_000);
    // Text with no Arabic, and whitespace only.
    await paste(page, 'Shelling in Homs killed 3 people yesterday.');
    await page.waitForFunction(() => document.querySelectorAll('.article-item').length === 4);
    await paste(page, ' \n\t \u00a0 ');
    await page.getByText('The article is empty').waitFor();
    assert.equal(await articleItems(page).count(), 4);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a panic in the module is shown in the page, and the reader\'s articles are there after a reload', async () => {
  const p = await open(env.server.url + '?panic-test');
  try {
    const { page } = p;
    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await items(page).first().waitFor({ timeout: 15_000 });
    const articles = await articleItems(page).count();
    assert.ok(articles > 0);
    const thrown = await page.evaluate(() => {
      try {
        window.waqaiPanicTest();
        return null;
      } catch (e) {
        return String(e);
      }
    });
    assert.ok(thrown, 'the panic stops the call');
    const alert = page.locator('#panic-notice');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(
      await alert.innerText(),
      'Something went wrong in waqai. Your articles are saved; reload the page.',
    );
    assert.ok(
      p.consoleErrors.some((e) => e.includes('a panic on purpose')),
      'console_error_panic_hook still writes the panic to the console',
    );
    // Reload (without the test hook): the articles are back.
    await page.goto(env.server.url);
    await page.locator('main').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.article-item').length === n, articles);
    await items(page).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#panic-notice').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.waqaiPanicTest), 'undefined', 'no hook without ?panic-test');
  } finally {
    await p.close();
  }
});

test('a loading frame shows while the page module loads, and gives way to the page; a module that cannot load is said in its place', async () => {
  // Held: the page's module arrives only when the test lets it.
  const context = await env.browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/waqai-web-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
    const note = page.getByRole('status').filter({ hasText: 'Loading…' });
    await note.waitFor();
    assert.equal(await page.locator('#boot').getByText('waqai').isVisible(), true);
    release();
    await page.getByLabel('Article text').waitFor();
    assert.equal(await page.locator('#boot').count(), 0, 'the loading frame is gone once the page is there');
    assert.equal(await page.locator('h1').count(), 1);

    // Refused: the reader is told, and the frame no longer says it is loading.
    const broken = await context.newPage();
    await broken.route(/waqai-web-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await broken.goto(env.server.url);
    await broken.getByRole('alert').filter({ hasText: 'waqai could not start' }).waitFor();
    assert.equal(await broken.getByText('Loading…').count(), 0);
  } finally {
    await context.close();
  }
});

test('the views fetched after the first paint: a first visit is drawn and usable without them; if they cannot be fetched the reader is told, loses nothing and can try again', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    // The chart, the timeline, the map's marks, the source text and the filter, share and
    // export panels are a module of their own (split_results-….wasm), refused here until the
    // test lets it through.
    let refuse = true;
    let asked = 0;
    const split = /\/split_results-[0-9a-f]+\.wasm$/;
    await page.route(split, (route) => {
      asked += 1;
      return refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
    });
    await page.goto(env.server.url);
    await page.getByLabel('Article text').waitFor();
    // The first screen is there without it: the frames of the four panels, the map's
    // governorates, and what each says while there is nothing to show.
    for (const name of ['Events per day', 'Timeline (0)', 'Map', 'Source text']) {
      assert.equal(await page.getByRole('heading', { name, exact: true }).isVisible(), true, name);
    }
    assert.equal(await page.locator('.map-svg path.gov').count(), 14);
    assert.equal(await page.locator('.chart').getByText('No events to show.').isVisible(), true);
    assert.equal(await page.getByText('Select an event to read the sentence it comes from.').isVisible(), true);

    // An article is added and read as ever; the timeline says what is missing.
    await paste(page, 'قصفت قوات النظام حي الوعر في حمص.');
    await articleItems(page).first().waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded from this site' });
    await alert.waitFor();
    assert.ok(asked >= 1, 'the split module was asked for');
    // The engine's event is counted in the frame's heading, though it cannot be drawn.
    await page.locator('#timeline-heading').filter({ hasText: 'Timeline (1)' }).waitFor();
    assert.equal(await articleItems(page).count(), 1);
    assert.equal(await items(page).count(), 0);

    // Once the site answers again, Try again brings the views, with the event.
    refuse = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await items(page).first().waitFor();
    assert.equal(await alert.count(), 0);
    assert.match(await items(page).first().textContent(), /الوعر/);
    assert.equal(await page.locator('.map-svg path.gov').count(), 14);
  } finally {
    await context.close();
  }
});

test('sample articles that cannot be fetched get a message, and nothing already there is lost', async () => {
  const p = await open();
  try {
    const { page } = p;
    await paste(page, 'قصفت قوات النظام حي الوعر في حمص.');
    await articleItems(page).first().waitFor();
    // The samples are files of the site, fetched on request (not in the page's module).
    let asked = 0;
    await page.route(/\/samples\/[0-9a-f_]+\.txt$/, (route) => {
      asked += 1;
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await page.getByText('The sample articles could not be loaded').waitFor();
    assert.ok(asked >= 1);
    assert.equal(await articleItems(page).count(), 1, 'the pasted article is still there, alone');
    // Once the site answers again, they load.
    await page.unroute(/\/samples\/[0-9a-f_]+\.txt$/);
    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await page.getByText('Sample articles loaded.').waitFor();
    assert.equal(await articleItems(page).count(), 6);
    assert.deepEqual(p.problems().filter((m) => !m.includes('404')), []);
  } finally {
    await p.close();
  }
});
