// engine: throughput of the WASM engine on the ~4 MiB corpus, in the page's own browser context,
// beside the native engine (the release CLI) on the same bytes.
//
// ENGINE_ADAPTER (with installAdapter, which makes its engine available) is the only place that
// knows how the page exposes the engine; re-point it if that changes (it may return a promise)
// and every benchmark that extracts follows. Builds before the extraction worker (8f1d706)
// exposed `window.wasmBindings.extract(text, {published})`; since then the page's own module
// holds no engine, and the worker's module (waqai-worker.js, the same WebAssembly the worker
// runs) is loaded into the page by the harness's loadEngine as `window.waqaiEngine`. Either way
// the engine runs on the page's main thread here, so the figure is the engine's, without the
// worker's message passing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, openPage, loadEngine } from '../../tests/e2e/harness.mjs';
import { engineCorpus, PUBLISHED } from './corpus.mjs';
import { median, row, within } from './common.mjs';

/** Runs in the page: (text, published "YYYY-MM-DD" or null) -> {events: [...]} or a promise of it. */
export const ENGINE_ADAPTER = (text, published) =>
  (window.waqaiEngine ?? window.wasmBindings).extract(text, published ? { published } : undefined);

/** Makes the engine available in the page and defines window.__waqaiExtract from
 *  ENGINE_ADAPTER (through the DevTools protocol: the page's Content-Security-Policy forbids
 *  eval). */
export async function installAdapter(page) {
  const worker = await page.evaluate(() => document.querySelector('script[data-worker]') !== null);
  if (worker) await loadEngine(page);
  await page.evaluate(`window.__waqaiExtract = (${ENGINE_ADAPTER.toString()});`);
}

/** Events the engine finds in `text`, extracted in the page (installAdapter first). */
export function extractEvents(page, text, published = PUBLISHED) {
  return page.evaluate(async ([t, p]) => (await window.__waqaiExtract(t, p)).events, [text, published]);
}

/** Times `runs` extractions of window.__benchText in the page; returns [{ms, events}]. The text
 *  is handed over once beforehand, so only extraction (and building its JS result) is timed. */
async function timeInPage(page, text, runs) {
  await page.evaluate((t) => {
    window.__benchText = t;
  }, text);
  // Warm-up: the engine parses its lexicons and gazetteer on first use.
  await page.evaluate(async (p) => (await window.__waqaiExtract('قصف', p)).events.length, PUBLISHED);
  const out = [];
  for (let i = 0; i < runs; i++) {
    out.push(
      await page.evaluate(async (p) => {
        const t0 = performance.now();
        const r = await window.__waqaiExtract(window.__benchText, p);
        return { ms: performance.now() - t0, events: r.events.length };
      }, PUBLISHED),
    );
  }
  await page.evaluate(() => delete window.__benchText);
  return out;
}

/** The release CLI, if built: $WAQAI_CLI, else target/release/waqai. (Point WAQAI_CLI at a CLI
 *  built from the same commit as the site, or the comparison is with another engine.) */
export const CLI = path.resolve(
  process.env.WAQAI_CLI || path.join(ROOT, 'target', 'release', process.platform === 'win32' ? 'waqai.exe' : 'waqai'),
);

/** Wall time of the CLI on `file` (output to a temp file): ms. */
function timeCli(file, out) {
  const t0 = process.hrtime.bigint();
  execFileSync(CLI, ['extract', '--jobs', '1', '--published', PUBLISHED, file], {
    stdio: ['ignore', fs.openSync(out, 'w'), 'inherit'],
    timeout: 120_000,
  });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Native figure: the CLI on the corpus minus the CLI on an empty file (start-up, lexicon and
 *  gazetteer load), median of `runs`. Still includes writing the events as JSON. */
export function nativeFigure(text, runs) {
  if (!fs.existsSync(CLI)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waqai-bench-'));
  try {
    const corpus = path.join(dir, 'corpus.txt');
    const empty = path.join(dir, 'empty.txt');
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(corpus, text);
    fs.writeFileSync(empty, 'قصف\n');
    timeCli(corpus, out); // warm the file cache
    const full = [];
    const base = [];
    for (let i = 0; i < runs; i++) {
      full.push(timeCli(corpus, out));
      base.push(timeCli(empty, out));
    }
    const ms = median(full) - median(base);
    return { ms, full: median(full), base: median(base), samples: full.map((f, i) => f - base[i]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const MIB = 1 << 20;

/** @param {{browser, server, runs?: number}} ctx */
export async function run({ browser, server, runs = 5 }) {
  const text = engineCorpus();
  const bytes = Buffer.byteLength(text);
  const p = await openPage(browser, server.url);
  let wasm;
  try {
    await installAdapter(p.page);
    wasm = await within(600_000, 'engine (WASM)', timeInPage(p.page, text, runs));
  } finally {
    await p.close();
  }
  const wasmMs = median(wasm.map((r) => r.ms));
  const wasmMBs = bytes / MIB / (wasmMs / 1000);
  const rows = [];
  const native = nativeFigure(text, Math.max(3, runs));
  const nativeMBs = native ? bytes / MIB / (native.ms / 1000) : null;
  rows.push(
    row({
      bench: 'engine',
      what: `WASM engine in Chromium, ${(bytes / MIB).toFixed(1)} MiB corpus (${wasm[0].events} events)`,
      value: wasmMBs,
      unit: 'MiB/s',
      n: runs,
      target: native ? `≥ ${(nativeMBs / 2).toFixed(1)} (½ native)` : '≥ ½ native',
      ok: native ? wasmMBs >= nativeMBs / 2 : null,
      note:
        `${wasmMs.toFixed(0)} ms per pass` +
        (native
          ? nativeMBs >= wasmMBs
            ? `; ${(nativeMBs / wasmMBs).toFixed(2)}× slower than native`
            : `; ${(wasmMBs / nativeMBs).toFixed(2)}× faster than the CLI: is the CLI older than the build?`
          : ''),
      samples: wasm.map((r) => r.ms),
    }),
  );
  rows.push(
    native
      ? row({
          bench: 'engine',
          what: `native: ${path.relative(ROOT, CLI).startsWith('..') ? CLI : path.relative(ROOT, CLI)}, same corpus, one thread`,
          value: nativeMBs,
          unit: 'MiB/s',
          n: Math.max(3, runs),
          note:
            `${native.ms.toFixed(0)} ms = ${native.full.toFixed(0)} ms run − ${native.base.toFixed(0)} ms start-up; ` +
            `includes JSON output; CLI built ${fs.statSync(CLI).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          samples: native.samples,
        })
      : row({
          bench: 'engine',
          what: 'native: build with cargo build --release -p waqai-cli',
          value: null,
          unit: 'MiB/s',
          n: 0,
        }),
  );
  return rows;
}
