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
      }),
    ],
  };
}
