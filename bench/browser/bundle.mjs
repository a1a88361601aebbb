// bundle: the size of the built site, raw and gzip -9, from scripts/dist-sizes.sh (its table is
// printed as is under the figures).
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../tests/e2e/harness.mjs';
import { row } from './common.mjs';

/** @param {{dist: string}} ctx */
export async function run({ dist }) {
  const table = execFileSync('bash', [path.join(ROOT, 'scripts', 'dist-sizes.sh'), dist], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const total = table.split('\n').find((l) => /\sTOTAL$/.test(l));
  const [raw, gz] = total.trim().split(/\s+/).map(Number);
  // Every .wasm of the site (the page's module and, since the worker build, the engine's).
  const wasm = table.split('\n').filter((l) => /\.wasm$/.test(l)).map((l) => l.trim().split(/\s+/));
  const wasmRaw = wasm.reduce((s, w) => s + Number(w[0]), 0);
  const wasmGz = wasm.reduce((s, w) => s + Number(w[1]), 0);
  // What the first paint waits for: the html, the css, the start-up script and the page's own
  // module (its bindings and wasm). Not what comes later: the engine's worker, the page's split
  // modules (split_*.wasm and their loader, waqai-split.js: the views that need events, fetched
  // after the first paint; an end-to-end test checks that the page works without them) and the
  // samples.
  const files = table.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f.length === 3);
  const firstPaint = files.filter(([, , name]) =>
    /^(index\.html|boot\.js|[^/]+\.css|waqai-web-[^/]+\.js|waqai-web-[^/]+_bg\.wasm)$/.test(name));
  const firstGz = firstPaint.reduce((s, f) => s + Number(f[1]), 0);
  return {
    table,
    rows: [
      row({
        bench: 'bundle',
        what: 'built site, gzip -9 total (scripts/dist-sizes.sh)',
        value: gz / 1024,
        unit: 'KiB',
        note:
          `raw ${(raw / 1024).toFixed(0)} KiB; ${wasm.length} .wasm: ${(wasmRaw / 1024).toFixed(0)} KiB raw, ` +
          `${(wasmGz / 1024).toFixed(0)} KiB gzip (sizes per file below)`,
        target: '≤ 600 KB',
        ok: gz <= 600 * 1000,
      }),
      row({
        bench: 'bundle',
        what: 'what the first paint needs, gzip -9 (html, css, boot.js, the page module)',
        value: firstGz / 1024,
        unit: 'KiB',
        note: firstPaint.map((f) => f[2]).join(', '),
        target: '≤ 300 KB',
        ok: firstGz <= 300 * 1000,
      }),
    ],
  };
}
