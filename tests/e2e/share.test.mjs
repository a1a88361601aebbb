// Share links and exports (issue 5), in headless Chromium on the release build (dist/):
// a view (sample articles, a filter, a selected event) copied as a link opens the same in a
// fresh browser context, also as an events-only (read-only) link; opening a link leaves the
// reader's own stored articles alone until "Keep it"; damaged, cut and future-version links
// get a message and the page still works; CSV, JSON and GeoJSON downloads parse.
// Run: node --test tests/e2e/share.test.mjs (after `trunk build --release`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { useBrowser, readSample, runAxe, formatViolations } from './harness.mjs';
import { timeline, items, loadSamples, countWhen } from './timeline.mjs';

const env = useBrowser();

const WARN = 65_536;
const titles = (page) => items(page).locator('.event-title').allInnerTexts();
const linkField = (page) => page.getByLabel('Share link', { exact: true });

/** The share link of the view as it is now: the page remakes it a moment after the view stops
 *  changing, so this waits for a link that stays the same for half a second. */
async function settledLink(page) {
  let link = await linkField(page).inputValue();
  for (;;) {
    await page.waitForTimeout(500);
    const now = await linkField(page).inputValue();
    if (now === link && now.includes('#share=')) return now;
    link = now;
  }
}

const open = env.open;
/** Two pages of one browser: the one behind gets no animation frames, so waits on it poll
 *  on a timer instead of once a frame. */
const POLL = { polling: 100 };

/** Samples loaded, "at least 1 killed", the second shown event selected. */
async function buildView(page) {
  const all = await loadSamples(page);
  await page.locator('#f-killed').fill('1');
  const shown = await countWhen(page, (n) => n > 1 && n < all, 'at least 1 killed');
  await items(page).nth(1).locator('.event-title').click();
  await timeline(page).locator(':scope > li.selected').waitFor();
  return {
    all,
    shown,
    titles: await titles(page),
    selected: await timeline(page).locator(':scope > li.selected .event-title').innerText(),
    mark: await page.locator('.article-text mark').first().innerText(),
  };
}

/** Checks that `page` shows the view `want` (events, filter, selection, source sentence). */
async function assertSameView(page, want) {
  await countWhen(page, (n) => n === want.shown, 'the shared view');
  assert.deepEqual(await titles(page), want.titles);
  assert.equal(await page.locator('#f-killed').inputValue(), '1', 'the filter travels');
  assert.match(page.url(), /#k=1$/, 'the address shows the filters, not the link data');
  const sel = timeline(page).locator(':scope > li.selected');
  await sel.waitFor();
  assert.equal(await sel.locator('.event-title').innerText(), want.selected);
  assert.equal(await page.locator('.article-text mark').first().innerText(), want.mark);
}

test('a full link opens the same view in a fresh context, without saving it until "Keep it"', async () => {
  const p = await open(env.server.url, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  let q;
  try {
    const { page } = p;
    const want = await buildView(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.getByText('The link is on the clipboard.').waitFor();
    const link = await linkField(page).inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(link.startsWith(env.server.url + '#share=v1.'), link.slice(0, 80));
    assert.ok(link.length < WARN, `the sample articles' link has ${link.length} characters`);
    console.log(`# full link for the five samples: ${link.length} characters`);
    assert.match(await page.locator('.share-length').innerText(), new RegExp(`The link is ${link.length} characters long`));
    assert.equal(await page.locator('.share .notice.error').count(), 0, 'no length warning');

    q = await open(link);
    await assertSameView(q.page, want);
    await q.page.getByText('You are viewing a shared timeline').waitFor();
    assert.equal(await q.page.locator('.article-item').count(), 5);
    // Nothing was written to this (fresh) browser's storage.
    assert.equal(await q.page.evaluate(() => localStorage.getItem('waqai.v1')), null);
    await q.page.getByRole('button', { name: 'Keep it' }).click();
    await q.page.getByText('You are viewing a shared timeline').waitFor({ state: 'detached' });
    const saved = JSON.parse(await q.page.evaluate(() => localStorage.getItem('waqai.v1')));
    assert.equal(saved.articles.length, 5);
    assert.equal(saved.filters.min_killed, 1);
    const axe = await runAxe(q.page, { runOnly: ['wcag2a', 'wcag2aa'] });
    assert.deepEqual(axe.violations, [], formatViolations(axe.violations));
    assert.deepEqual(p.problems(), []);
    assert.deepEqual(q.problems(), []);
  } finally {
    await q?.close();
    await p.close();
  }
});

test("opening a link leaves the reader's own articles alone; Return to my own", async () => {
  const p = await open();
  try {
    const { page, context } = p;
    await buildView(page);
    const link = await settledLink(page);
    // The same browser, another day: the first page is gone (whatever it had still to save
    // lands as it closes), and the reader's own work is one other article.
    await page.close();
    const own = await context.newPage();
    await own.goto(env.server.url);
    await own.evaluate(() => localStorage.clear());
    await own.reload();
    await own.getByLabel('Article text').fill(readSample('004_1011cbe8db59e945.txt'));
    await own.getByRole('button', { name: 'Add article' }).click();
    await own.locator('.article-item').first().waitFor();
    // Saved a moment after the change.
    await own.waitForFunction(() => JSON.parse(localStorage.getItem('waqai.v1') ?? '{}').articles?.length === 1, null, POLL);
    const before = await own.evaluate(() => localStorage.getItem('waqai.v1'));
    assert.equal(JSON.parse(before).articles.length, 1);
    // A link pasted into the address of the open page opens (the page reloads).
    await own.evaluate((l) => (location.href = l), link);
    await own.getByText('You are viewing a shared timeline').waitFor();
    await own.waitForFunction(() => document.querySelectorAll('.article-item').length === 5, null, POLL);
    assert.equal(await own.evaluate(() => localStorage.getItem('waqai.v1')), before, 'storage untouched');
    await own.getByRole('button', { name: 'Return to my own' }).click();
    await own.waitForFunction(() => document.querySelectorAll('.article-item').length === 1, null, POLL);
    assert.equal(await own.getByText('You are viewing a shared timeline').count(), 0);
    assert.equal(await own.evaluate(() => localStorage.getItem('waqai.v1')), before);
    // Keep adds the link's articles to one's own instead of replacing them.
    await own.evaluate((l) => (location.href = l), link);
    await own.getByRole('button', { name: 'Keep it' }).click();
    await own.getByText('The shared articles were added to your own.').waitFor();
    await own.waitForFunction(() => JSON.parse(localStorage.getItem('waqai.v1')).articles.length === 5, null, POLL);
    // Sample 004 was in both: kept once.
    assert.equal(await own.locator('.article-item').count(), 5);
    await own.close();
  } finally {
    await p.close();
  }
});

test('an events-only link is shorter and opens as a read-only timeline', async () => {
  const p = await open();
  let q;
  try {
    const { page } = p;
    const want = await buildView(page);
    const full = await settledLink(page);
    await page.getByLabel("Events only (without the articles' texts)").check();
    await page.waitForFunction((f) => document.getElementById('share-link').value !== f, full);
    const link = await linkField(page).inputValue();
    assert.ok(link.length < full.length, `events only ${link.length} < full ${full.length}`);

    q = await open(link);
    await assertSameView(q.page, want);
    await q.page.getByText('You are viewing a shared timeline (events only, read-only)').waitFor();
    assert.equal(await q.page.getByRole('button', { name: 'Keep it' }).count(), 0);
    assert.equal(await q.page.getByRole('button', { name: 'Correct' }).count(), 0, 'nothing to correct');
    assert.equal(await q.page.getByLabel('Article text').isVisible(), false, 'nothing to add');
    // The article texts did not travel: the link holds titles, events and sentences only.
    const data = JSON.parse(zlib.inflateSync(Buffer.from(link.split('#share=v1.')[1], 'base64url')));
    assert.equal(data.k, 'events');
    assert.ok(data.a.every((a) => a.x === undefined), 'no article text in the link');
    const sentences = data.a.flatMap((a) => a.sn ?? []).join(' ');
    const texts = ['000_b7833adfac59501c', '001_d4a60e6ea0d924d6', '002_e6acb38d1f0aefce', '003_a85404199d995bf9', '004_1011cbe8db59e945']
      .map((n) => readSample(n + '.txt'))
      .join(' ');
    assert.ok(sentences.length < texts.length / 2, `only the shown events' sentences: ${sentences.length} of ${texts.length}`);
    assert.ok(sentences.includes(want.mark), 'the selected event\'s sentence travels');
    assert.equal(await q.page.evaluate(() => localStorage.getItem('waqai.v1')), null);
    assert.deepEqual(q.problems(), []);
  } finally {
    await q?.close();
    await p.close();
  }
});

test('a damaged, cut or future-version link says so, and the page still works', async () => {
  const p = await open();
  let link;
  try {
    await buildView(p.page);
    link = await settledLink(p.page);
  } finally {
    await p.close();
  }
  const data = link.indexOf('.', link.indexOf('#share=')) + 1;
  const mid = data + Math.floor((link.length - data) / 2);
  const flip = (c) => (c === 'A' ? 'B' : 'A');
  const cases = [
    ['damaged', link.slice(0, mid) + flip(link[mid]) + link.slice(mid + 1), 'This share link is damaged'],
    ['cut', link.slice(0, mid), 'This share link is incomplete'],
    ['future', link.replace('#share=v1.', '#share=v7.'), 'made by a newer version of waqai'],
  ];
  for (const [what, bad, message] of cases) {
    const q = await open(bad);
    try {
      const { page } = q;
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      assert.match(await page.getByRole('alert').filter({ hasText: message }).innerText(), /Your own timeline is shown/);
      assert.equal(await page.getByText('You are viewing a shared timeline').count(), 0, what);
      assert.ok(!page.url().includes('share='), `${what}: the broken link leaves the address`);
      const n = await loadSamples(page);
      assert.ok(n > 5, `${what}: the page works (${n} events)`);
      await page.getByRole('button', { name: 'Dismiss' }).last().click();
      assert.deepEqual(q.pageErrors, [], what);
    } finally {
      await q.close();
    }
  }
});

test('exports download the shown events as CSV (ACLED columns, Arabic intact), JSON and GeoJSON', async () => {
  const p = await open();
  try {
    const { page } = p;
    const want = await buildView(page);
    const download = async (name) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: dl.suggestedFilename(), bytes: await fs.readFile(await dl.path()) };
    };

    const csv = await download('Export CSV');
    assert.match(csv.name, /^waqai-events-\d{4}-\d\d-\d\d\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = csv.bytes.toString('utf8').slice(1);
    const lines = text.trim().split(/\r?\n/);
    const header = lines[0].split(',');
    for (const col of ['event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'admin1',
      'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities', 'wounded', 'status', 'evidence']) {
      assert.ok(header.includes(col), `CSV column ${col}`);
    }
    assert.match(text, /[\u0600-\u06ff]{3,}/, 'Arabic intact');
    // One line per shown event (and place): the filter is respected.
    assert.ok(lines.length - 1 >= want.shown && lines.length - 1 < want.all, `${lines.length - 1} rows for ${want.shown} shown`);
    const fatal = header.indexOf('fatalities');
    assert.ok(lines.slice(1).some((l) => /\d/.test(l.split(',')[fatal] ?? '')));

    const json = await download('Export JSON');
    assert.match(json.name, /^waqai-events-\d{4}-\d\d-\d\d\.json$/);
    const list = JSON.parse(json.bytes.toString('utf8'));
    assert.ok(Array.isArray(list) && list.length > 0);
    const events = list.flatMap((a) => a.events);
    assert.ok(events.every((e) => e.killed !== null && e.killed !== undefined), 'only events with killed pass the filter');
    assert.ok(events.every((e) => typeof e.type === 'string' && Array.isArray(e.evidence)));

    const geo = await download('Export GeoJSON');
    assert.match(geo.name, /^waqai-events-\d{4}-\d\d-\d\d\.geojson$/);
    const fc = JSON.parse(geo.bytes.toString('utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    assert.ok(fc.features.length > 0);
    for (const f of fc.features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(lon > 35 && lon < 43 && lat > 32 && lat < 38, `in Syria: ${lon},${lat}`);
      assert.equal(typeof f.properties.event_type, 'string');
    }
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a link over 65,536 characters is flagged; copying without clipboard access selects the link', async () => {
  const p = await open();
  try {
    const { page } = p;
    // 150,000 pseudo-random Arabic letters hardly compress: the link passes the limit.
    let seed = 7;
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي ';
    let text = '';
    for (let i = 0; i < 150_000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      text += letters[Math.floor(seed / 65536) % letters.length];
    }
    await page.getByLabel('Article text').fill(text);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.locator('.article-item').first().waitFor();
    await page.locator('.share-length.warn').waitFor();
    const link = await linkField(page).inputValue();
    assert.ok(link.length > WARN, `${link.length} characters`);
    assert.match(await page.locator('.share-length').innerText(), new RegExp(`The link is ${link.length} characters long`));
    await page.getByRole('alert').filter({ hasText: 'longer than 65,536 characters' }).waitFor();
    // No clipboard permission in this context: either the browser still copies, or the
    // reader is told to copy the selected link by hand.
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.locator('.share-copied').filter({ hasText: /on the clipboard|copy it with Ctrl\+C/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-link', 'the link is selected');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the share and export panels in Arabic', async () => {
  const p = await open(env.server.url + '?lang=ar', { locale: 'ar' });
  try {
    const { page } = p;
    await page.getByRole('button', { name: 'تحميل مقالات نموذجية' }).click();
    await page.locator('.timeline-list > li').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'نسخ رابط المشاركة' }).waitFor();
    await page.getByLabel('رابط المشاركة', { exact: true }).waitFor();
    assert.match(await page.locator('.share-length').innerText(), /^طول الرابط [٠-٩]+ محرفًا\.$/);
    for (const name of ['تصدير CSV', 'تصدير JSON', 'تصدير GeoJSON']) {
      await page.getByRole('button', { name }).waitFor();
    }
    const axe = await runAxe(page, { runOnly: ['wcag2a', 'wcag2aa'] });
    assert.deepEqual(axe.violations, [], formatViolations(axe.violations));
    await page.locator('.share').screenshot({ path: 'tests/e2e/artifacts/share-ar.png' });
  } finally {
    await p.close();
  }
});
