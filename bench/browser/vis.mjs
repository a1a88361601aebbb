// vis: the filter benchmark's ~10,000 events in vis-timeline (npm, standalone UMD build), in
// the same browser: create the timeline (default options, one 800 px panel, every row in the
// window as the page lists every row), then the same filter change (hide / show shelling, see
// VIS_MODES), timed from the change to vis-timeline's 'changed' event and the frame after it. The bench page (vis.html) is served from a temporary folder by a second
// harness server, so nothing is added to dist/.
//
// The events are the page's own: the engine adapter extracts the synthetic articles in a waqai
// page, and reports of one type, place and day are merged as the page merges them
// (merge_key in src/state/events.rs), so both timelines hold the same rows (give or take a
// few: the count of each is printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, startServer, openPage } from '../../tests/e2e/harness.mjs';
import { syntheticArticles } from './corpus.mjs';
import { FILTER_CORPUS } from './filter.mjs';
import { installAdapter, extractEvents } from './engine.mjs';
import { median, row, within } from './common.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const UMD = path.join(ROOT, 'node_modules', 'vis-timeline', 'standalone', 'umd', 'vis-timeline-graph2d.min.js');

/** The synthetic events as timeline rows: [{id, type, date, place}], merged like the page. */
export async function syntheticEvents(browser, server) {
  const p = await openPage(browser, server.url, { timeout: 60_000 });
  try {
    await installAdapter(p.page);
    const rows = new Map();
    let n = 0;
    for (const a of syntheticArticles(FILTER_CORPUS)) {
      // No publication date, as for the page's files.
      for (const e of await extractEvents(p.page, a.text, null)) {
        const place = e.places?.[0];
        // Undated or unplaced events are never merged (the page's rule).
        const key = e.date && place ? `${e.type}|${place.normalized || place.name}|${e.date}` : `u${n}`;
        n++;
        if (!rows.has(key)) rows.set(key, { id: rows.size, type: e.type, date: e.date, place: place?.name ?? '' });
      }
    }
    return [...rows.values()];
  } finally {
    await p.close();
  }
}

/** Serves vis.html + the UMD build from a temporary folder; returns {server, close()}. */
async function visServer() {
  if (!fs.existsSync(UMD)) throw new Error(`${UMD} is missing: npm ci`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waqai-bench-vis-'));
  fs.copyFileSync(path.join(HERE, 'vis.html'), path.join(dir, 'index.html'));
  fs.copyFileSync(UMD, path.join(dir, path.basename(UMD)));
  const server = await startServer({ dir });
  return {
    server,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * How a filter change reaches vis-timeline:
 *   recreate  (default) the timeline is destroyed and built again from a DataSet of the rows the
 *             filter keeps: vis's only quick way for thousands of rows;
 *   dataset   the filtered rows are removed from / added back to the DataSet the timeline shows,
 *             vis's own way. Adding rows to a timeline that has been drawn draws and measures
 *             each row that falls in the window on its own, a forced layout of the whole timeline
 *             per row: with vis-timeline 7.7.4 in this benchmark, adding back the 2,000 shelling
 *             rows took 150-260 s. setItems() with a new DataSet and a DataView with a filter +
 *             refresh() take the same path (setItems: over 10 minutes for four changes).
 */
export const VIS_MODES = ['recreate', 'dataset'];

/** In the vis page: builds the timeline with `events`, then toggles shelling `runs` times.
 *  Returns {createMs, toggles: [{ms, shown}], total, windowDays, inDom}. */
function inPage({ events, runs, stack, mode }) {
  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
  const changed = (tl) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("vis-timeline sent no 'changed' within 300 s")), 300_000);
      tl.once('changed', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  return (async () => {
    const all = events.map((e) => ({
      id: e.id,
      content: `${e.type} · ${e.place}`,
      start: e.date,
      className: e.type,
    }));
    const isShelling = (it) => it.className === 'shelling';
    const shelling = all.filter(isShelling);
    let items = new vis.DataSet(all);
    let hiding = false;
    const options = { height: '800px', verticalScroll: true, stack };
    // Items are given after construction, so the 'changed' listener is in place before vis draws.
    const build = async (data) => {
      const tl = new vis.Timeline(document.getElementById('vis'), null, options);
      const drawn = changed(tl);
      tl.setItems(data);
      await drawn;
      return tl;
    };
    const t0 = performance.now();
    let tl = await build(items);
    const createMs = (await afterFrame()) - t0;
    const range = tl.getWindow();
    const windowDays = (range.end - range.start) / 86_400_000;
    const inDom = document.querySelectorAll('.vis-item').length;
    const toggles = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      if (mode === 'dataset') {
        const done = changed(tl);
        if (hiding) items.add(shelling);
        else items.remove(shelling.map((it) => it.id));
        await done;
      } else {
        tl.destroy();
        items = new vis.DataSet(hiding ? all : all.filter((it) => !isShelling(it)));
        tl = await build(items);
      }
      hiding = !hiding;
      toggles.push({ ms: (await afterFrame()) - s, shown: items.length, dir: hiding ? 'untick' : 'tick' });
    }
    tl.destroy();
    return { createMs, toggles, total: all.length, windowDays, inDom };
  })();
}

/** @param {{browser, server, runs?: number}} ctx */
export async function run({ browser, server, runs = 6, mode = 'recreate', stack = true }) {
  if (!VIS_MODES.includes(mode)) throw new Error(`vis: mode is one of ${VIS_MODES.join(', ')}`);
  const events = await within(300_000, 'vis: extracting the synthetic events', syntheticEvents(browser, server));
  const vs = await visServer();
  try {
    const p = await openPage(browser, vs.server.url, { waitFor: null, timeout: 60_000 });
    try {
      await p.page.waitForFunction(() => typeof window.vis?.Timeline === 'function');
      const r = await within(600_000, 'vis-timeline', p.page.evaluate(inPage, { events, runs, stack, mode }));
      const problems = p.problems();
      if (problems.length) throw new Error('vis page: ' + problems.join('; '));
      const ms = median(r.toggles.map((t) => t.ms));
      const dir = (d) => median(r.toggles.filter((t) => t.dir === d).map((t) => t.ms)).toFixed(0);
      return {
        count: r.total,
        ms,
        rows: [
          row({
            bench: 'vis',
            what: `vis-timeline ${fs.readFileSync(path.join(ROOT, 'node_modules', 'vis-timeline', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)[1]}: same filter change on ${r.total.toLocaleString('en-US')} events`,
            value: ms,
            unit: 'ms',
            n: r.toggles.length,
            note:
              `${mode}${stack ? '' : ', stack: false'}: untick ${dir('untick')} ms (→ ${r.toggles[0].shown}), ` +
              `tick ${dir('tick')} ms; first drawing ${r.createMs.toFixed(0)} ms, ` +
              `${(r.windowDays / 365).toFixed(1)}-year window, ${r.inDom} .vis-item elements`,
            samples: r.toggles.map((t) => t.ms),
          }),
        ],
      };
    } finally {
      await p.close();
    }
  } finally {
    await vs.close();
  }
}
