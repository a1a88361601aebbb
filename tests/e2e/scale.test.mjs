// Large inputs (issue 6), in headless Chromium on the release build (dist/): the engine reads in
// a Web Worker with a progress bar and a Stop button, and a long timeline keeps only the rows
// near the screen in the page. Figures (how fast) are the benchmarks' business (bench/browser/),
// never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { items, countWhen } from './timeline.mjs';

const env = useBrowser();

const PLACES = ['داريا', 'دوما', 'حرستا', 'معرة النعمان', 'سراقب', 'تلبيسة', 'الرستن', 'بصرى الشام', 'جسر الشغور', 'منبج'];
const MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];

/** `n` one-line reports in our own words, each on another day (so none merge): shelling of a
 *  town with a toll. Day i is the i-th day from 1 January 2015 (months of 28 days, for short). */
function reports(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const day = (i % 28) + 1;
    const month = MONTHS[Math.floor(i / 28) % 12];
    const year = 2015 + Math.floor(i / (28 * 12));
    const place = PLACES[i % PLACES.length];
    lines.push(`في ${day} ${month} ${year} قصفت قوات النظام مدينة ${place} بالمدفعية، ما أدى إلى مقتل ${(i % 9) + 2} مدنيين.`);
  }
  return lines.join('\n');
}

/** A long article of about `chars` characters: lines of made-up words (no event; the engine
 *  has never seen them, so it has to analyse every one, as with a new text of real words) and,
 *  every fourth line, a report of shelling. `seed` makes each article's words its own: the
 *  engine remembers words it has analysed, and forty-eight copies of one text would be read
 *  too fast to be stopped. */
function longArticle(chars, seed = 1) {
  const events = reports(Math.ceil(chars / 3000)).split('\n');
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let state = seed * 7919 + 1;
  const random = (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const word = () => Array.from({ length: 4 + random(4) }, () => letters[random(letters.length)]).join('');
  const lines = [];
  for (let i = 0, len = 0; len < chars; i++) {
    const line = i % 4 === 0 ? events[(i / 4) % events.length] : Array.from({ length: 12 }, word).join(' ') + '.';
    lines.push(line);
    len += line.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

const drawn = (page) => items(page).and(page.locator('.event'));

test('a long timeline has only the rows near the screen in the page; scrolling and the map bring the others', async () => {
  const { page, problems, close } = await env.open(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    await page.getByLabel('Article text').fill(reports(400));
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('#timeline-heading .count')?.textContent === '(400)', null, {
      timeout: 20_000,
    });
    const first = await drawn(page).count();
    assert.ok(first > 5 && first < 150, `${first} of 400 rows in the page`);
    assert.match(await page.locator('.timeline .sr-only[role=status]').innerText(), /Events 1 to \d+ of 400 are in the page/);
    const firstTitle = await drawn(page).first().innerText();

    // To the end of the page: the last day's row is drawn, the first one is not.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => document.querySelector('.timeline-list > li.event:last-of-type')?.textContent.includes('2016'));
    const last = await drawn(page).last().innerText();
    assert.match(last, /2016/, 'the latest event is drawn after scrolling down');
    assert.notEqual(await drawn(page).first().innerText(), firstTitle);
    assert.ok((await drawn(page).count()) < 150);

    // Selecting the earliest event on the map brings its row back into the page, selected.
    const earliest = page.locator('.map-svg .mark').first();
    await earliest.click();
    const selected = items(page).and(page.locator('.selected'));
    await selected.waitFor({ timeout: 5_000 });
    assert.ok(await selected.isVisible(), 'the selected row is on screen');
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test('beyond 500 located events the map has a mark per spot, and a filter change updates every spot it alters', async () => {
  const { page, problems, close } = await env.open(undefined, { viewport: { width: 1280, height: 800 } });
  const heading = () => page.locator('#timeline-heading .count').textContent();
  // "داريا: 120 events" → 120, from every spot's name.
  const spotCounts = async () => {
    const labels = await page.locator('.map-svg circle.mark.spot').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')));
    return labels.map((l) => {
      const m = /^(.+): (\d+) events?$/.exec(l);
      assert.ok(m, `a spot's name: ${l}`);
      return { place: m[1], n: Number(m[2]) };
    });
  };
  try {
    await page.getByLabel('Article text').fill(reports(1200));
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('#timeline-heading .count')?.textContent === '(1200)', null, {
      timeout: 30_000,
    });
    const before = await spotCounts();
    assert.equal(before.length, PLACES.length, 'a spot per town');
    assert.deepEqual(before.map((s) => s.n), PLACES.map(() => 120));
    const radii = await page.locator('.map-svg circle.mark.spot').evaluateAll((cs) => cs.map((c) => c.getAttribute('r')));

    // At least 4 killed: the reports with 2 or 3 killed go, unevenly across the towns.
    await page.getByLabel('At least this many killed').fill('4');
    await page.waitForFunction(() => document.querySelector('#timeline-heading .count')?.textContent === '(932)', null, {
      timeout: 10_000,
    });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.map-svg circle.mark.spot')].every((c) => !/: 120 events$/.test(c.getAttribute('aria-label'))),
      null,
      { timeout: 5_000 },
    );
    const after = await spotCounts();
    assert.equal(after.length, PLACES.length);
    assert.equal(after.reduce((a, s) => a + s.n, 0), 932, 'the spots hold every event shown');
    assert.deepEqual(new Set(after.map((s) => s.place)), new Set(before.map((s) => s.place)));
    const radiiAfter = await page.locator('.map-svg circle.mark.spot').evaluateAll((cs) => cs.map((c) => c.getAttribute('r')));
    assert.ok(radiiAfter.every((r, i) => Number(r) < Number(radii[i])), `smaller spots: ${radii} → ${radiiAfter}`);

    // A spot picks its town's first event as the filters now show it (by
    // keyboard: nearby towns' spots overlap, so a pointer may reach another).
    const spot = page.locator('.map-svg circle.mark.spot').nth(3);
    const place = /^(.+): /.exec(await spot.getAttribute('aria-label'))[1];
    await spot.focus();
    await page.keyboard.press('Enter');
    const selected = items(page).and(page.locator('.selected'));
    await selected.waitFor({ timeout: 5_000 });
    assert.match(await selected.innerText(), new RegExp(place));
    assert.equal(await heading(), '(932)');
    assert.deepEqual(problems(), []);
  } finally {
    await close();
  }
});

test('a long reading shows its progress and can be stopped; a stopped article can be read later', async () => {
  const { page, problems, close } = await env.open();
  try {
    // Forty-eight texts of ~900 KB (500,000 characters, most of them two bytes in UTF-8, under
    // the page's 1 MB limit): several seconds of reading.
    const files = Array.from({ length: 48 }, (_, i) => ({
      name: `report-${i + 1}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(longArticle(500_000, i + 1)),
    }));
    await page.setInputFiles('#file-input', files);
    const bar = page.getByRole('progressbar');
    await bar.waitFor({ timeout: 10_000 });
    const label = await page.locator('.reading label').innerText();
    const [, done, total] = label.match(/Reading articles: (\d+) of (\d+) \(\d+%\)/) ?? [];
    assert.ok(total && +done <= +total && +total <= 48, `${label}: each article is read once`);
    // No waiting for the button to sit still: the reading may not last much longer.
    await page.getByRole('button', { name: 'Stop reading' }).click({ force: true });
    await bar.waitFor({ state: 'detached' });
    const stopped = page.locator('.article-item').filter({ hasText: 'Not read (stopped).' });
    const n = await stopped.count();
    assert.ok(n > 0, 'articles not read yet are marked');
    assert.equal(await page.locator('.article-item').count(), 48, 'no article was lost');
    // Forty megabytes of text make no link worth remaking on every change: the panel says it is
    // made when copied, and the field holds no stale link meanwhile.
    assert.match(await page.locator('.share-length').innerText(), /its link is made when you copy it/);
    assert.equal(await page.getByLabel('Share link', { exact: true }).inputValue(), '');
    // Reading one of them after all.
    const one = stopped.first();
    // textContent: the entry may be off screen.
    const title = (await one.locator('.title').textContent()).trim();
    await one.getByRole('button', { name: 'Read' }).click();
    await page
      .locator('.article-item')
      .filter({ has: page.locator('.title', { hasText: new RegExp(`^${title}$`) }) })
      .filter({ hasText: /\d+ events/ })
      .waitFor({ timeout: 30_000 });
    assert.equal(await stopped.count(), n - 1);
    await countWhen(page, (k) => k > 0, 'events of the read articles');
    assert.deepEqual(problems().filter((m) => !/could not be saved|storage/i.test(m)), []);
  } finally {
    await close();
  }
});

test('a long article list has only the entries near the screen in the page; every one of 300 files is read', async () => {
  const { page, problems, close } = await env.open(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    // 300 small files, read at once (one joined read per group), each a one-line report.
    const lines = reports(300).split('\n');
    const files = lines.map((line, i) => ({
      name: `dispatch ${String(i + 1).padStart(3, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(line),
    }));
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction(() => document.querySelector('#articles-heading .count')?.textContent === '(300)', null, {
      timeout: 20_000,
    });
    const entries = page.locator('.article-item');
    const inPage = await entries.count();
    assert.ok(inPage > 5 && inPage < 150, `${inPage} of 300 entries in the page`);
    assert.match(await page.locator('.articles .sr-only[role=status]').innerText(), /Articles 1 to \d+ of 300 are in the page/);
    assert.equal((await entries.first().locator('.title').textContent()).trim(), 'dispatch 001');

    // Scrolling to the list's end brings the last entry, with its events once read. The room
    // kept for entries not drawn is an estimate (entries grow once read), so, as a reader
    // would, scroll again while the end is not there yet (entries above may still grow while
    // files are read, moving the end away again).
    const last = entries.filter({ has: page.locator('.title', { hasText: /^dispatch 300$/ }) });
    const read = last.filter({ hasText: /\d+ events?/ });
    // Shown twice in a row, 300 ms apart: settled, not passing by while the list still moves.
    let seen = 0;
    for (let i = 0; i < 100 && seen < 2; i++) {
      if (await read.isVisible()) seen++;
      else {
        seen = 0;
        await page.evaluate(() => document.querySelector('.article-list > li:last-child').scrollIntoView({ block: 'end' }));
      }
      await page.waitForTimeout(300);
    }
    assert.equal(seen, 2, 'the last entry is shown with its events');
    assert.equal(await entries.filter({ has: page.locator('.title', { hasText: /^dispatch 001$/ }) }).count(), 0);
    assert.ok((await entries.count()) < 150);
    await page.waitForFunction(() => document.querySelector('#timeline-heading .count')?.textContent === '(300)', null, {
      timeout: 30_000,
    });
    assert.deepEqual(problems().filter((m) => !/could not be saved|storage/i.test(m)), []);
  } finally {
    await close();
  }
});
