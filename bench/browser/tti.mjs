// tti: time to interactive of the built page on localhost: navigation start → the paste box and
// the "Add article" button are on the page (the app has mounted, so their handlers are attached)
// and the frame that shows them has been produced. If the app sets
// performance.mark('waqai:interactive'), that mark is reported as well. Each load is cold: a
// fresh browser context (no storage) and a server that forbids caching.
import { openPage, waitForApp } from '../../tests/e2e/harness.mjs';
import { median, row } from './common.mjs';

/** Runs in the page before any of its scripts (context.addInitScript). */
function probe() {
  const t = (window.__tti = { started: null, ready: null });
  addEventListener('TrunkApplicationStarted', () => (t.started = performance.now()), { once: true });
  const usable = () => {
    const box = document.getElementById('article-text');
    const add = [...document.querySelectorAll('button[type=submit]')].find((b) => /Add article/.test(b.textContent));
    return box && !box.disabled && add && !add.disabled;
  };
  const obs = new MutationObserver(() => {
    if (!usable()) return;
    obs.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (t.ready = performance.now());
      ch.port2.postMessage(0);
    });
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
}

async function once(browser, url) {
  const p = await openPage(browser, 'about:blank', { waitFor: null, timeout: 60_000 });
  try {
    await p.context.addInitScript(probe);
    await p.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForApp(p.page, 'main', 60_000);
    await p.page.waitForFunction(() => window.__tti.ready !== null, null, { timeout: 60_000 });
    return await p.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const mark = performance.getEntriesByName('waqai:interactive', 'mark')[0];
      return {
        ready: window.__tti.ready,
        started: window.__tti.started,
        mark: mark ? mark.startTime : null,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      };
    });
  } finally {
    await p.close();
  }
}

/** @param {{browser, server, runs?: number}} ctx */
export async function run({ browser, server, runs = 7 }) {
  await once(browser, server.url); // the first load after launch pays for the browser's own start-up
  const res = [];
  for (let i = 0; i < runs; i++) res.push(await once(browser, server.url));
  const med = (k) => median(res.map((r) => r[k]).filter((x) => x !== null));
  const ms = med('ready');
  const rows = [
    row({
      bench: 'tti',
      what: 'time to interactive (paste box + Add usable), cold load',
      value: ms,
      unit: 'ms',
      n: runs,
      target: '≤ 300',
      ok: ms <= 300,
      note:
        `DOMContentLoaded ${med('dcl').toFixed(0)} ms, load ${med('load').toFixed(0)} ms, ` +
        `WASM started ${med('started').toFixed(0)} ms`,
      samples: res.map((r) => r.ready),
    }),
  ];
  if (res.some((r) => r.mark !== null)) {
    const m = med('mark');
    rows.push(
      row({
        bench: 'tti',
        what: "the app's performance.mark('waqai:interactive')",
        value: m,
        unit: 'ms',
        n: res.filter((r) => r.mark !== null).length,
        target: '≤ 300',
        ok: m <= 300,
        samples: res.map((r) => r.mark),
      }),
    );
  }
  return rows;
}
