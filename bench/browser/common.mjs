// What every browser benchmark shares: statistics, a row of the result table, a time limit, and
// the in-page "settled" probe (the moment the page's DOM stopped changing, plus one frame).
// Server, browser and pages come from tests/e2e/harness.mjs; nothing here starts them.

/** Median of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * One line of the result table.
 * @param {{bench: string, what: string, value: number|null, unit: string, n?: number,
 *          target?: string, ok?: boolean|null, note?: string, samples?: number[]}} r
 */
export const row = (r) => ({ n: 1, target: '', ok: null, note: '', samples: [], ...r });

/** Rejects after `ms` with a message naming `what`, so no benchmark step can hang the run. */
export async function within(ms, what, promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Installs the settle probe in the page (call before the action being timed). It records:
 *   t0            performance.now() of the first `startEvent` (captured on window, so before the
 *                 page's own handlers run); or set by hand (window.__probe.t0 = ...).
 *   last          the last time the DOM under `root` changed (anything: timeline, progress,
 *                 notices); `painted`: the frame after it had been produced (see afterFrame),
 *   lastDrawn     the last change inside `drawn` (the timeline panel); `drawnPainted` likewise,
 *   counts        [{t, text}] every change of the text of `countSelector` (the page's count).
 * Read it with readProbe(page) / waitSettled(page).
 */
export async function installProbe(
  page,
  { startEvent = null, countSelector = null, root = 'main', drawn = null } = {},
) {
  await page.evaluate(
    ({ startEvent, countSelector, root, drawn }) => {
      window.__probe?.stop?.();
      const p = {
        t0: null,
        last: null,
        painted: null,
        lastDrawn: null,
        drawnPainted: null,
        mutations: 0,
        counts: [],
      };
      window.__probe = p;
      if (startEvent) {
        addEventListener(startEvent, () => (p.t0 ??= performance.now()), { capture: true, once: true });
      }
      // rAF runs before style, layout and paint of its frame; a message posted from it is handled
      // once that frame has been produced.
      const afterFrame = (done) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = done;
          ch.port2.postMessage(0);
        });
      let drawnEl = null;
      const drawnRoot = () => {
        if (!drawn) return null;
        if (!drawnEl?.isConnected) drawnEl = document.querySelector(drawn);
        return drawnEl;
      };
      let lastCount = null;
      const obs = new MutationObserver((records) => {
        const t = performance.now();
        p.mutations += records.length;
        p.last = t;
        p.painted = null;
        afterFrame(() => {
          if (p.last === t) p.painted = performance.now();
        });
        const d = drawnRoot();
        if (d && records.some((r) => d.contains(r.target))) {
          p.lastDrawn = t;
          p.drawnPainted = null;
          afterFrame(() => {
            if (p.lastDrawn === t) p.drawnPainted = performance.now();
          });
        }
        if (countSelector) {
          const text = document.querySelector(countSelector)?.textContent ?? null;
          if (text !== lastCount) {
            lastCount = text;
            p.counts.push({ t, text });
          }
        }
      });
      obs.observe(document.querySelector(root) ?? document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      p.stop = () => obs.disconnect();
    },
    { startEvent, countSelector, root, drawn },
  );
}

/** The probe's state (without its function), with the page's performance.now() as `now`. */
export const readProbe = (page) =>
  page.evaluate(() => {
    const { stop, ...rest } = window.__probe;
    return { ...rest, now: performance.now() };
  });

/**
 * Waits until nothing under the probe's root has changed for `quietMs`, its last frame has been
 * produced and `ready(probe)` holds; returns the probe. Polls from node every 100 ms, so waiting
 * does not add work to the page.
 */
export async function waitSettled(page, { quietMs = 1000, timeoutMs = 120_000, ready = () => true, what = 'page' } = {}) {
  const start = Date.now();
  for (;;) {
    const p = await readProbe(page);
    if (p.last !== null && p.painted !== null && p.now - p.last >= quietMs && (await ready(p))) return p;
    if (Date.now() - start > timeoutMs) {
      const err = new Error(`${what}: did not settle within ${Math.round(timeoutMs / 1000)} s`);
      err.probe = p;
      throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first whole number in a text such as "(10,032)"; null if none. */
export function countOf(text) {
  const m = /\d[\d,]*/.exec(text ?? '');
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/** "1,234.5" style numbers for the table. */
export function fmt(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
