// The timeline page as a reader uses it, in headless Chromium on the release build (dist/):
// articles in (paste, files in three encodings, an HTML page), publication dates, every filter,
// the evidence view, chart and map, corrections that survive a reload, storage failures,
// Arabic/English, keyboard use, print, accessibility (axe) and screenshots.
// Run: node --test tests/e2e/page.test.mjs (after `trunk build --release`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser,
  readSample,
  runAxe,
  formatViolations,
  screenshot,
} from './harness.mjs';
import { timeline, items, loadSamples, countWhen } from './timeline.mjs';

const env = useBrowser();

// Sample 004 (published 2017-03-22, a Wednesday) reports shelling "الأربعاء" of حي تشرين.
const S004 = '004_1011cbe8db59e945.txt';
const S004_START = 'قصفت قوات النظام منطقة بشرق دمشق';

const group = (page, name) => page.getByRole('group', { name, exact: true });
/** Waits until the address matches `re`: the page writes the filters into its fragment a
 *  moment after they change. */
const addressShows = (page, re) =>
  page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(location.href), [re.source, re.flags], {
    timeout: 5000,
    polling: 100,
  });

const open = env.open;

/** A Windows-1256 encoder built from the browser-standard decoder (Node has the decoder only). */
function encode1256(text) {
  const dec = new TextDecoder('windows-1256');
  const map = new Map();
  for (let b = 0x80; b <= 0xff; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (map.has(ch)) out.push(map.get(ch));
    else out.push(0x3f); // '?' for what the code page lacks
  }
  return Buffer.from(out);
}

test('paste an article: it is listed, its events reach the timeline; an empty paste is refused', async () => {
  const p = await open();
  try {
    const { page } = p;
    // A first visit shows what to do first: filters, sharing and exports wait for something to
    // work on.
    const heading = (name) => page.getByRole('heading', { name, exact: true });
    for (const name of ['Filters', 'Share', 'Export']) assert.equal(await heading(name).count(), 0, name);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.getByText('The article is empty').waitFor();
    await page.getByLabel('Article text').fill(readSample(S004));
    await page.getByLabel('Publication date', { exact: true }).fill('2017-03-22');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.locator('.article-item').first().waitFor();
    assert.equal(await page.locator('.article-item').count(), 1);
    assert.equal(await page.getByLabel('Article text').inputValue(), '', 'the paste box is emptied');
    const n = await countWhen(page, (n) => n > 0, 'events of the pasted article');
    assert.ok(n >= 3, `events on the timeline: ${n}`);
    assert.match(await timeline(page).innerText(), /Wed 22 Mar 2017/);
    for (const name of ['Filters', 'Share', 'Export']) await heading(name).waitFor();
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a huge paste is refused with a message, and the paste box keeps the text', async () => {
  const p = await open();
  try {
    const { page } = p;
    const huge = 'قصفت قوات النظام حي الوعر. '.repeat(24_000); // about 1.2 MB in UTF-8
    await page.getByLabel('Article text').evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.getByText('This text is too long').waitFor();
    assert.equal(await page.locator('.article-item').count(), 0);
    assert.equal((await page.getByLabel('Article text').inputValue()).length, huge.length);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the same events reported by two articles are shown once, with both sources', async () => {
  const p = await open();
  try {
    const { page } = p;
    const add = async (outlet) => {
      await page.getByLabel('Article text').fill(readSample(S004));
      await page.getByLabel('Source / outlet', { exact: true }).first().fill(outlet);
      await page.getByLabel('Publication date', { exact: true }).first().fill('2017-03-22');
      await page.getByRole('button', { name: 'Add article' }).click();
    };
    await add('Outlet One');
    const once = await countWhen(page, (n) => n > 0, 'one article');
    await add('Outlet Two');
    await page.waitForFunction(() => document.querySelectorAll('.article-item').length === 2);
    // The engine reads the second article in its worker; then its reports join the rows.
    const both = items(page).filter({ hasText: '2 articles' });
    await both.first().waitFor();
    const n = await items(page).count();
    assert.ok(n < 2 * once, `merged: ${n} rows for twice ${once} events`);
    const text = await both.first().innerText();
    assert.ok(text.includes('Outlet One') && text.includes('Outlet Two'), text);
    // The evidence view can switch between the two reports.
    await both.first().locator('.event-title').click();
    const reports = page.getByRole('group', { name: 'Reported by' });
    await reports.getByRole('button').nth(1).click();
    await page.locator('.article-text mark').first().waitFor();
  } finally {
    await p.close();
  }
});

test('removing an article can be undone', async () => {
  const p = await open();
  try {
    const { page } = p;
    const all = await loadSamples(page);
    await page.locator('.article-item').first().getByRole('button', { name: /^Remove/ }).click();
    await countWhen(page, (n) => n < all, 'after removing');
    await page.getByRole('button', { name: 'Undo' }).click();
    await countWhen(page, (n) => n === all, 'after undo');
    assert.equal(await page.locator('.article-item').count(), 5);
  } finally {
    await p.close();
  }
});

test('upload several files at once: Windows-1256, UTF-16 with BOM, an HTML page with script and nav; a binary file is refused', async () => {
  const p = await open();
  try {
    const { page } = p;
    const text = readSample(S004);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>صفحة الخبر</title>
      <meta property="og:site_name" content="موقع تجريبي">
      <script>window.LEAK = "SCRIPT_SHOULD_NOT_APPEAR";</script><style>p{color:red}</style></head>
      <body><header><nav><a href="/">NAV_SHOULD_NOT_APPEAR</a></nav></header>
      <article><h1>عنوان من الصفحة</h1><p>${text.split('\n')[0]}</p><p>${text.split('\n')[1]}</p></article>
      <aside>ASIDE_SHOULD_NOT_APPEAR</aside><footer>FOOTER_SHOULD_NOT_APPEAR</footer></body></html>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await page.setInputFiles('#file-input', [
      { name: 'cp1256.txt', mimeType: 'text/plain', buffer: encode1256(text) },
      { name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16 },
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') },
      { name: 'image.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 0, 0xff, 0, 7, 0, 0, 3]) },
    ]);
    await page.getByText('image.txt: This does not look like a text file').waitFor();
    const list = page.locator('.article-item');
    assert.equal(await list.count(), 3, 'three readable files added');
    // Each one decoded to the real Arabic text: open it and read.
    for (const title of ['cp1256', 'unicode']) {
      await list.filter({ hasText: title }).getByRole('button', { name: title, exact: true }).click();
      const shown = await page.locator('.article-text').innerText();
      assert.ok(shown.includes('حي تشرين الخاضع للمعارضة'), `${title} decoded: ${shown.slice(0, 80)}`);
    }
    await list.filter({ hasText: 'عنوان من الصفحة' }).getByRole('button', { name: 'عنوان من الصفحة', exact: true }).click();
    const shown = await page.locator('.article-text').innerText();
    assert.ok(shown.includes('حي تشرين'), 'the article text of the page');
    for (const junk of ['SCRIPT', 'NAV_', 'ASIDE_', 'FOOTER_', 'color:red']) {
      assert.ok(!shown.includes(junk), `no ${junk} in the article text`);
    }
    assert.equal(
      await list.filter({ hasText: 'عنوان من الصفحة' }).getByLabel('Source / outlet').inputValue(),
      'موقع تجريبي',
      'the outlet from og:site_name',
    );
    await countWhen(page, (n) => n > 0, 'the files produced events');
    // The uploaded page's own <style> is refused by the page's Content-Security-Policy when
    // the browser parses the file (DOMParser): Chromium logs that, and it is expected.
    const csp = /Applying inline style violates the following Content Security Policy/;
    assert.deepEqual(p.problems().filter((m) => !csp.test(m)), []);
  } finally {
    await p.close();
  }
});

test('dropping files on the page adds them', async () => {
  const p = await open();
  try {
    const { page } = p;
    const text = readSample(S004);
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
      d.items.add(new File([t], 'dropped-2.md', { type: 'text/markdown' }));
      return d;
    }, text);
    await page.dispatchEvent('.layout', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('.layout', 'drop', { dataTransfer: dt });
    await page.getByText('Added 2.').waitFor();
    assert.equal(await page.locator('.article-item').count(), 2);
  } finally {
    await p.close();
  }
});

test('changing a publication date re-runs extraction: relative dates move', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    const item = page.locator('.article-item').filter({ hasText: S004_START });
    const date = item.locator('input[type=date]');
    assert.equal(await date.inputValue(), '2017-03-22');
    // Only this article's events.
    await group(page, 'Article').locator('select').selectOption({ index: 5 });
    await countWhen(page, (n) => n > 0, 'article 004 events');
    // Events of each day, read from the chart (one bar per day).
    const perDay = async () =>
      Object.fromEntries(
        await page
          .locator('svg.chart-svg g.day')
          .evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label').split(': ')).map(([d, n]) => [d, parseInt(n)])),
      );
    const before = await perDay();
    assert.ok(before['Wed 22 Mar 2017'] > 0, `days: ${JSON.stringify(before)}`);
    assert.equal(before['Wed 29 Mar 2017'], undefined);
    await date.fill('2017-03-29');
    await timeline(page).locator('h3', { hasText: 'Wed 29 Mar 2017' }).waitFor();
    const after = await perDay();
    // "الأربعاء" (Wednesday) now means the 29th, and "a week ago" the 22nd: every relative
    // date moved by the same week.
    const moved = `before: ${JSON.stringify(before)}, after: ${JSON.stringify(after)}`;
    assert.equal(after['Wed 29 Mar 2017'], before['Wed 22 Mar 2017'], moved);
    assert.equal(after['Wed 22 Mar 2017'] ?? 0, before['Wed 15 Mar 2017'] ?? 0, moved);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('every filter narrows the timeline, says how many it keeps, lives in the address; Clear filters', async () => {
  const p = await open();
  try {
    const { page } = p;
    const all = await loadSamples(page);
    assert.ok(all > 10, `sample events: ${all}`);
    for (const name of ['Event type', 'Side', 'Governorate', 'Place', 'Dates', 'Killed', 'Denied', 'Article']) {
      const g = group(page, name);
      await g.waitFor();
      assert.match(await g.locator('.keeps').innerText(), new RegExp(`keeps \\d+ of ${all}`), name);
    }
    const clear = async () => {
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await countWhen(page, (n) => n === all, 'after Clear filters');
    };

    // Event type
    const shelling = await timeline(page).locator(':scope > li[data-type=shelling]').count();
    assert.ok(shelling > 0);
    await group(page, 'Event type').getByLabel('Shelling', { exact: true }).uncheck();
    await countWhen(page, (n) => n === all - shelling, 'without shelling');
    await addressShows(page, /#xt=shelling/);
    await clear();

    // Side
    await group(page, 'Side').getByLabel('Government', { exact: true }).uncheck();
    const noGov = await countWhen(page, (n) => n < all, 'without government');
    for (const t of await items(page).locator('.facts').allInnerTexts()) {
      assert.ok(!/Side:?\s*Government/.test(t), t);
    }
    assert.ok(noGov > 0);
    await clear();

    // Governorate
    await group(page, 'Governorate').locator('select').selectOption({ label: 'Homs' });
    const homs = await countWhen(page, (n) => n < all, 'Homs only');
    assert.ok(homs > 0);
    for (const t of await items(page).locator('.event-title').allInnerTexts()) assert.match(t, /Homs/);
    await clear();

    // Place
    await group(page, 'Place').getByLabel('Place name contains').fill('الوعر');
    const waer = await countWhen(page, (n) => n < all, 'place الوعر');
    assert.ok(waer > 0);
    for (const t of await items(page).locator('.event-title').allInnerTexts()) assert.ok(t.includes('الوعر'), t);
    await clear();

    // Dates
    await group(page, 'Dates').getByLabel('From').fill('2017-03-22');
    await group(page, 'Dates').getByLabel('To').fill('2017-03-22');
    const day = await countWhen(page, (n) => n < all, 'one day');
    assert.ok(day > 0);
    assert.deepEqual([...new Set(await timeline(page).locator('h3').allInnerTexts())], ['Wed 22 Mar 2017']);
    await clear();

    // Killed
    await group(page, 'Killed').getByLabel('At least this many killed').fill('10');
    const k = await countWhen(page, (n) => n < all, 'at least 10 killed');
    for (const t of await items(page).locator('.facts').allInnerTexts()) {
      const m = t.match(/Killed:?\s*(\d+)/);
      assert.ok(m && Number(m[1]) >= 10, t);
    }
    assert.ok(k >= 0);
    await clear();

    // Denied
    const denied = await timeline(page).locator(':scope > li.denied').count();
    await group(page, 'Denied').getByLabel('Show denied events').uncheck();
    await countWhen(page, (n) => n === all - denied, 'without denied events');
    assert.equal(await timeline(page).locator(':scope > li.denied').count(), 0);
    await clear();

    // Article
    await group(page, 'Article').locator('select').selectOption({ index: 1 });
    const one = await countWhen(page, (n) => n < all, 'one article');
    assert.ok(one > 0);

    // Filters are shareable (fragment) and remembered (storage).
    await addressShows(page, /#a=1/);
    await page.reload();
    await countWhen(page, (n) => n === one, 'after reload');
    assert.equal(await group(page, 'Article').locator('select').inputValue(), '1');
    await clear();
    await addressShows(page, /^(?!.*#a=)/);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a shared address with filters in its fragment opens filtered', async () => {
  const p = await open();
  try {
    const { page } = p;
    const all = await loadSamples(page);
    await page.goto(env.server.url + '#xt=shelling,airstrike');
    await countWhen(page, (n) => n > 0 && n < all, 'opened with a fragment');
    assert.equal(await timeline(page).locator(':scope > li[data-type=shelling]').count(), 0);
    assert.equal(await group(page, 'Event type').getByLabel('Airstrike', { exact: true }).isChecked(), false);
    // An address edited by hand while the page is open is followed too.
    await page.evaluate(() => (location.hash = '#k=10'));
    await page.waitForFunction(() => document.querySelector('#f-killed').value === '10');
    await countWhen(page, (n) => n < all, 'at least 10 killed');
    assert.equal(await group(page, 'Event type').getByLabel('Airstrike', { exact: true }).isChecked(), true);
  } finally {
    await p.close();
  }
});

test('selecting an event opens its article with the sentence in a <mark>, scrolled into view', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    // A late event, whose sentence is far down its article.
    const last = items(page).last();
    await last.locator('.event-title').click();
    const mark = page.locator('.article-text mark').first();
    await mark.waitFor();
    assert.equal(await last.locator('.event-title').getAttribute('aria-pressed'), 'true');
    assert.ok((await mark.innerText()).trim().length > 5, 'the sentence is marked');
    await page.waitForTimeout(300);
    const visible = await mark.evaluate((m) => {
      const box = m.closest('.article-text').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom && r.top < innerHeight && r.bottom > 0;
    });
    assert.ok(visible, 'the marked sentence is scrolled into view');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the map: a mark per located event; selecting one selects its event', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    const marks = page.locator('svg.map-svg .mark');
    assert.ok((await marks.count()) > 0, 'marks on the map');
    assert.ok(await page.getByText('Boundaries: UN OCHA COD-AB (CC BY 3.0 IGO)').isVisible());
    // The last mark is drawn on top of any it overlaps.
    const mark = marks.last();
    const label = await mark.getAttribute('aria-label');
    // One tab stop for the map; arrow keys move between marks.
    assert.equal(await marks.locator('xpath=self::*[@tabindex="0"]').count(), 1);
    await marks.first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), await marks.nth(1).getAttribute('aria-label'));
    await mark.click();
    await page.locator('.article-text mark').first().waitFor();
    const selected = timeline(page).locator(':scope > li.selected');
    assert.equal(await selected.count(), 1);
    const place = label.split(', ')[1];
    assert.ok((await selected.innerText()).includes(place), `${label} vs ${await selected.innerText()}`);
    // By keyboard too.
    await marks.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('svg .mark.selected').length === 1);
  } finally {
    await p.close();
  }
});

test('the chart: bars per day; selecting a day narrows timeline and map to it', async () => {
  const p = await open();
  try {
    const { page } = p;
    const all = await loadSamples(page);
    const days = page.locator('svg.chart-svg g.day');
    assert.ok((await days.count()) > 0);
    const label = await days.first().getAttribute('aria-label');
    await days.first().click();
    const n = await countWhen(page, (n) => n < all, 'one day');
    const count = Number(label.match(/: (\d+)/)[1]);
    assert.equal(n, count, label);
    assert.equal(await page.locator('svg.chart-svg g.day').count(), 1);
    await page.getByRole('button', { name: 'All days' }).click();
    await countWhen(page, (n) => n === all, 'all days again');
  } finally {
    await p.close();
  }
});

test('Arabic and English: switch in the header, ?lang forces, dir="rtl" in Arabic', async () => {
  const p = await open();
  try {
    const { page } = p;
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    await page.getByRole('button', { name: 'تحميل مقالات نموذجية' }).click();
    await page.getByRole('list', { name: 'الخط الزمني' }).locator(':scope > li').first().waitFor();
    assert.match(await page.locator('main').innerText(), /[٠-٩]/, 'Arabic-Indic digits');
    // The choice is remembered…
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // …but ?lang=en wins.
    await page.goto(env.server.url + '?lang=en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByRole('button', { name: 'Load sample articles' }).waitFor();
  } finally {
    await p.close();
  }
  // An Arabic browser starts in Arabic.
  const q = await open(env.server.url, { locale: 'ar-SY' });
  try {
    await q.page.waitForFunction(() => document.documentElement.dir === 'rtl');
  } finally {
    await q.close();
  }
});

test('correcting and deleting events: marked as corrected, kept across a reload and a re-extraction', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    // Article 004 only: it has a publication date, so its first rows are dated.
    await group(page, 'Article').locator('select').selectOption({ index: 5 });
    const all = await countWhen(page, (n) => n > 2, 'article 004');
    const first = items(page).first();
    const place = (await first.locator('.place bdi').first().innerText()).trim();
    const dateOf = async (li) => (await li.locator('.facts').innerText()).match(/Date:?\s*([^\n]*?)\s*(Source|Reported|$)/m)[1];
    const dateBefore = await dateOf(first);
    assert.match(dateBefore, /Mar 2017/);
    await first.getByRole('button', { name: 'Correct' }).click();
    const form = first.locator('form.edit');
    await form.getByLabel('Event type').selectOption({ label: 'Arrest' });
    await form.getByLabel('Killed').fill('77');
    await form.getByRole('button', { name: 'Save' }).click();
    const corrected = timeline(page).locator(':scope > li', { hasText: 'Corrected' });
    await corrected.first().waitFor();
    const text = await corrected.first().innerText();
    // The keyboard is given back to the corrected row.
    await page.waitForFunction(() => document.activeElement?.closest('li.event')?.textContent.includes('Corrected'));
    assert.match(text, /Arrest/);
    assert.match(text, /Killed:?\s*77/);
    assert.ok(text.includes(place), text);

    // Delete another.
    const victim = items(page).nth(2);
    const victimText = await victim.locator('.event-title').innerText();
    await victim.getByRole('button', { name: 'Delete' }).click();
    await countWhen(page, (n) => n === all - 1, 'after deleting');

    await page.reload();
    await countWhen(page, (n) => n === all - 1, 'after reload');
    const again = timeline(page).locator(':scope > li', { hasText: 'Corrected' });
    assert.equal(await again.count(), 1);
    assert.match(await again.innerText(), /Killed:?\s*77/);
    assert.ok(await page.getByRole('button', { name: /Restore deleted events/ }).isVisible());

    // A new publication date re-runs the extraction: the correction stays, and the date the
    // reader did not touch follows the engine.
    await page.locator('.article-item').filter({ hasText: S004_START }).locator('input[type=date]').fill('2017-03-29');
    await timeline(page).locator('h3', { hasText: 'Wed 29 Mar 2017' }).waitFor();
    assert.equal(await again.count(), 1);
    assert.match(await again.innerText(), /Killed:?\s*77/);
    assert.notEqual(await dateOf(again), dateBefore);

    // Undo.
    await again.getByRole('button', { name: 'Undo correction' }).click();
    await page.getByRole('button', { name: /Restore deleted events/ }).click();
    await countWhen(page, (n) => n === all, 'restored');
    assert.equal(await timeline(page).locator(':scope > li', { hasText: 'Corrected' }).count(), 0);
    assert.ok((await timeline(page).innerText()).includes(victimText.split('—')[1].trim().split(' ')[0]));
  } finally {
    await p.close();
  }
});

test('articles persist across reloads and can be removed', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    await page.reload();
    await items(page).first().waitFor();
    assert.equal(await page.locator('.article-item').count(), 5);
    await page.locator('.article-item').first().getByRole('button', { name: /^Remove/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.article-item').length === 4);
    await page.reload();
    await items(page).first().waitFor();
    assert.equal(await page.locator('.article-item').count(), 4);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('waqai.v1')));
    assert.equal(saved.version, 1);
    assert.equal(saved.articles.length, 4);
  } finally {
    await p.close();
  }
});

test('storage that refuses writes: a clear message, and the work stays on the page', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  try {
    await page.goto(env.server.url);
    await page.getByLabel('Article text').fill(readSample(S004));
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.getByRole('alert').getByText('could not be saved').waitFor();
    assert.equal(await page.locator('.article-item').count(), 1);
    await countWhen(page, (n) => n > 0, 'events of the added article');
  } finally {
    await context.close();
  }
});

test('storage disabled altogether: a clear message, and the page works in memory', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(env.server.url);
    await page.getByRole('alert').getByText('Browser storage is disabled').waitFor();
    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await items(page).first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a damaged save is kept aside and the page still starts', async () => {
  const context = await env.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('waqai.v1', '{"version":1,"articles":[{"broken');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  try {
    await page.goto(env.server.url);
    await page.getByText('The saved data could not be read').waitFor();
    const kept = await page.evaluate(() => localStorage.getItem('waqai.v1.broken'));
    assert.ok(kept.includes('broken'));
    await page.getByRole('button', { name: 'Load sample articles' }).click();
    await items(page).first().waitFor();
  } finally {
    await context.close();
  }
});

test('keyboard: reach and select an event with Tab and Enter; focus is visible', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    const title = items(page).first().locator('.event-title');
    await title.focus();
    const outline = await title.evaluate((el) => getComputedStyle(el).outlineStyle);
    await page.keyboard.press('Enter');
    await page.locator('.article-text mark').first().waitFor();
    assert.equal(await title.getAttribute('aria-pressed'), 'true');
    // Tab moves on (no trap) and the focus ring shows.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    assert.notEqual(focused.tag, 'BODY');
    assert.notEqual(focused.outline, 'none', `focus ring on ${focused.tag}`);
    assert.ok(outline);
  } finally {
    await p.close();
  }
});

test('phone-sized screen: one column, filters and articles folded until asked for', async () => {
  const p = await open(env.server.url, { viewport: { width: 390, height: 844 } });
  try {
    const { page } = p;
    const unfold = page.getByText('Show the articles');
    assert.ok(!(await unfold.isVisible()), 'no empty list to unfold');
    await loadSamples(page);
    assert.ok(await unfold.isVisible(), 'the articles folded');
    const boxes = await page.evaluate(() =>
      ['.input', '.filters', '.timeline', '.map'].map((s) => document.querySelector(s).getBoundingClientRect().left),
    );
    assert.equal(new Set(boxes.map(Math.round)).size, 1, `one column: ${boxes}`);
    assert.ok(!(await group(page, 'Event type').isVisible()), 'filters folded');
    await page.getByText('Choose filters').click();
    await group(page, 'Event type').getByLabel('Clash', { exact: true }).uncheck();
    assert.equal(await timeline(page).locator(':scope > li[data-type=clash]').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
  } finally {
    await p.close();
  }
});

test('print shows the timeline only', async () => {
  const p = await open();
  try {
    const { page } = p;
    await loadSamples(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await timeline(page).isVisible());
    for (const sel of ['#article-text', '.filters', '.map', '.chart', 'header.top']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden in print`);
    }
  } finally {
    await p.close();
  }
});

for (const [lang, url] of [
  ['en', ''],
  ['ar', '?lang=ar'],
]) {
  test(`axe: no serious or critical violations (${lang}, with an event selected and a correction form open)`, async () => {
    const p = await open(env.server.url + url);
    try {
      const { page } = p;
      await page.locator('.top-actions button').first().click();
      await page.locator('ol.timeline-list > li').first().waitFor();
      await page.locator('ol.timeline-list > li .event-title').first().click();
      await page.locator('ol.timeline-list > li .actions button').first().click();
      await page.locator('.article-text mark').first().waitFor();
      const { violations } = await runAxe(page);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => v.id), [], formatViolations(bad));
    } finally {
      await p.close();
    }
  });
}

test('screenshots: wide and phone, English and Arabic', async () => {
  for (const [name, viewport] of [
    ['wide', { width: 1400, height: 1000 }],
    ['phone', { width: 390, height: 844 }],
  ]) {
    for (const lang of ['en', 'ar']) {
      const p = await open(env.server.url + `?lang=${lang}`, { viewport });
      try {
        const { page } = p;
        await page.locator('.top-actions button').first().click();
        await page.locator('ol.timeline-list > li').first().waitFor();
        await screenshot(page, `page-${name}-${lang}-top`);
        await page.locator('ol.timeline-list > li .event-title').nth(2).click();
        await page.locator('.article-text mark').first().waitFor();
        await page.waitForTimeout(300);
        await screenshot(page, `page-${name}-${lang}-selected`);
        if (name === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
        }
        assert.deepEqual(p.problems(), []);
      } finally {
        await p.close();
      }
    }
  }
});
