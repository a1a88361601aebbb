// Takes the README screenshots of the built site: English and Arabic, wide (1280×900) and
// phone (390×844), each after loading the sample articles.
//
//   trunk build --release && node scripts/screenshots.mjs [--dist DIR] [--out DIR]
//
// Writes <out>/{en,ar}-{wide,phone}.png (default out: docs/screenshots); the phone shots are
// scrolled to the timeline. Uses the same
// headless Debian Chromium and static server as the end-to-end tests (tests/e2e/harness.mjs).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, launchBrowser, openPage, readSample, screenshot, ROOT, DIST } from '../tests/e2e/harness.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: DIST },
    out: { type: 'string', default: path.join(ROOT, 'docs', 'screenshots') },
  },
});

const LANGS = {
  en: { locale: 'en-US', loadSamples: 'Load sample articles', articleText: 'Article text', add: 'Add article' },
  ar: { locale: 'ar', loadSamples: 'تحميل مقالات نموذجية', articleText: 'نص المقال', add: 'إضافة المقال' },
};
const VIEWPORTS = {
  wide: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};
// Used only while the page has no "Load sample articles" button yet.
const FALLBACK_ARTICLE = '004_1011cbe8db59e945.txt';

async function loadSamples(page, lang) {
  const strings = LANGS[lang];
  const button = page.getByRole('button', { name: strings.loadSamples });
  if (await button.count()) {
    await button.first().click();
    return 'samples button';
  }
  // Fallback: paste one article by hand (labels in this language, else the English ones).
  for (const s of [strings, LANGS.en]) {
    const box = page.getByLabel(s.articleText);
    const add = page.getByRole('button', { name: s.add });
    if ((await box.count()) && (await add.count())) {
      await box.first().fill(readSample(FALLBACK_ARTICLE));
      await add.first().click();
      return 'pasted ' + FALLBACK_ARTICLE;
    }
  }
  return 'nothing loaded (no samples button, no article box found)';
}

const server = await startServer({ dir: values.dist });
const browser = await launchBrowser();
let problems = 0;
try {
  for (const [lang, strings] of Object.entries(LANGS)) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const p = await openPage(browser, `${server.url}?lang=${lang}`, { viewport, locale: strings.locale });
      try {
        const how = await loadSamples(p.page, lang);
        // Let extraction finish and the timeline render (Leptos updates asynchronously).
        await p.page
          .locator('ol li')
          .first()
          .waitFor({ timeout: 15_000 })
          .catch(() => {});
        await p.page.waitForLoadState('networkidle');
        if (name === 'phone') {
          // On a phone the input comes first; show the timeline instead (its heading just above).
          await p.page.evaluate(() => {
            const list = document.querySelector('ol.timeline-list') || document.querySelector('ol');
            const box = list?.closest('section') || list;
            if (box) window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 8);
          });
        }
        await p.page.waitForTimeout(500);
        const file = await screenshot(p.page, `${lang}-${name}`, { dir: values.out });
        const found = p.problems();
        problems += found.length;
        console.log(`${path.relative(ROOT, file)}  (${how})${found.length ? '\n  ' + found.join('\n  ') : ''}`);
      } finally {
        await p.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems) {
  console.error(`screenshots.mjs: the page reported ${problems} problem(s) (see above)`);
  process.exitCode = 1;
}
