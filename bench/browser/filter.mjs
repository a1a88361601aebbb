// filter: a page holding ~10,000 events (synthetic reports, see corpus.mjs); one filter change
// is unticking or ticking "Shelling" under Filters → Event type, timed in the page from the
// click to the frame after the page's last DOM change (timeline, count, chart and map all
// follow a filter). Median over several toggles, both directions.
import { openPage } from '../../tests/e2e/harness.mjs';
import { syntheticArticles, asFiles, bytesOf } from './corpus.mjs';
import { loadFiles, SEL } from './load.mjs';
import { installProbe, waitSettled, countOf, median, row } from './common.mjs';
import { profiled, describe } from './profile.mjs';

/** Two articles of 5,000 reports (~0.85 MB each, under the page's 1 MB per article): few
 *  redraws while the page fills, so the set-up stays short. */
export const FILTER_CORPUS = { articles: 2, perArticle: 5000 };

const QUIET_MS = 1000;

/** Opens a page and fills it with the synthetic events; returns {p, count, setupMs}. */
export async function pageWithEvents(browser, server, { timeoutS = 600 } = {}) {
  const arts = syntheticArticles(FILTER_CORPUS);
  const p = await openPage(browser, server.url, { timeout: 60_000 });
  const r = await loadFiles(p.page, asFiles(arts), { timeoutMs: timeoutS * 1000 });
  if (r.timedOut) {
    await p.close();
    throw new Error(`filter: the page did not finish taking the ${FILTER_CORPUS.articles} synthetic articles within ${timeoutS} s`);
  }
  return { p, count: r.count, setupMs: r.ms, bytes: bytesOf(arts) };
}

/** One click on `locator`, timed in the page to the settled frame; returns {ms, timelineMs, count}. */
export async function timedClick(page, locator, { before, timeoutMs = 120_000 }) {
  await installProbe(page, { startEvent: 'click', countSelector: SEL.count, drawn: SEL.timelinePanel });
  await locator.click();
  const p = await waitSettled(page, {
    quietMs: QUIET_MS,
    timeoutMs,
    what: 'filter change',
    ready: (p) => p.counts.length > 0 && countOf(p.counts.at(-1).text) !== before,
  });
  return { ms: p.painted - p.t0, timelineMs: p.drawnPainted - p.t0, count: countOf(p.counts.at(-1).text) };
}

/** @param {{browser, server, runs?: number, profile?: {dir: string|null}|null}} ctx */
export async function run({ browser, server, runs = 6, profile = null }) {
  const { p, count, setupMs } = await pageWithEvents(browser, server);
  try {
    const { page } = p;
    const box = page.getByRole('group', { name: 'Event type', exact: true }).getByLabel('Shelling', { exact: true });
    const res = [];
    let shown = count;
    for (let i = 0; i < runs; i++) {
      const r = await timedClick(page, box, { before: shown });
      res.push({ ...r, dir: i % 2 ? 'tick' : 'untick' });
      shown = r.count;
    }
    let where = '';
    if (profile) {
      // One more change, profiled, not counted in the figure.
      const b = await profiled(browser, page, () => timedClick(page, box, { before: shown }), { name: 'filter', saveTo: profile.dir });
      where = `; profiled change: ${describe(b)}`;
    }
    const ms = median(res.map((r) => r.ms));
    const dir = (d) => median(res.filter((r) => r.dir === d).map((r) => r.ms)).toFixed(0);
    const without = res.find((r) => r.dir === 'untick')?.count;
    return {
      count,
      ms,
      rows: [
        row({
          bench: 'filter',
          what: `filter change on ${count.toLocaleString('en-US')} events (Shelling off/on)`,
          value: ms,
          unit: 'ms',
          n: res.length,
          target: '≤ 50',
          ok: ms <= 50,
          note:
            `untick ${dir('untick')} ms (→ ${without}), tick ${dir('tick')} ms; timeline alone ` +
            `${median(res.map((r) => r.timelineMs)).toFixed(0)} ms; set-up load ${(setupMs / 1000).toFixed(0)} s${where}`,
          samples: res.map((r) => r.ms),
        }),
      ],
    };
  } finally {
    await p.close();
  }
}
