// Browser benchmarks of the built page: prints figures (median of N, with N), each beside its
// target with pass/miss. Nothing here asserts: a miss is a figure to look at, not a failure.
//
//   node bench/browser/run.mjs [--dist DIR] [--only a,b] [--runs N] [--json FILE]
//        [--load-articles N] [--load-timeout S] [--vis-mode recreate|dataset]
//        [--profile [--profile-dir DIR]]
//
//   --dist DIR        the built site (default $WAQAI_DIST or dist/); copy a build aside
//                     (cp -r dist /tmp/bench-dist) to measure it while dist/ is being rebuilt
//   --only NAMES      some of: bundle, tti, engine, vis, filter, load (comma-separated)
//   --runs N          runs per figure instead of each benchmark's default
//   --json FILE       also write the figures (with every sample) as JSON
//   --load-articles N articles for the load benchmark (default 1000)
//   --load-timeout S  give up a load after S seconds (default 600) and print how far the page got
//   --vis-mode M      how a filter change reaches vis-timeline (see VIS_MODES in vis.mjs)
//   --profile         also profile one filter change and a 50-article load (not counted in the
//                     figures) and print where the page's time goes
//   --profile-dir DIR with --profile, keep the Chromium traces and CPU profiles in DIR (open
//                     them in DevTools' Performance panel)
//
// One static server (tests/e2e/harness.mjs) and one headless Chromium serve every benchmark;
// each page gets a fresh context. Both are closed on exit, on error and on Ctrl-C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, CHROMIUM, startServer, launchBrowser } from '../../tests/e2e/harness.mjs';
import { fmt, within } from './common.mjs';
import * as bundle from './bundle.mjs';
import * as tti from './tti.mjs';
import * as engine from './engine.mjs';
import * as vis from './vis.mjs';
import * as filter from './filter.mjs';
import * as load from './load.mjs';

const ALL = ['bundle', 'tti', 'engine', 'vis', 'filter', 'load'];

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string' },
    json: { type: 'string' },
    'load-articles': { type: 'string' },
    'load-timeout': { type: 'string' },
    'vis-mode': { type: 'string' },
    profile: { type: 'boolean' },
    'profile-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  const src = fs.readFileSync(new URL(import.meta.url), 'utf8');
  console.log(src.split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}

const dist = path.resolve(args.dist ?? DIST);
const only = args.only ? args.only.split(',').map((s) => s.trim()) : ALL;
for (const name of only) {
  if (!ALL.includes(name)) {
    console.error(`run.mjs: unknown benchmark ${name}; known: ${ALL.join(', ')}`);
    process.exit(2);
  }
}
const runs = args.runs ? Number(args.runs) : undefined;
const num = (s) => (s === undefined ? undefined : Number(s));

/** How long each benchmark may take in all, set-up included (the run is bounded). */
const LIMIT_S = { bundle: 60, tti: 180, engine: 600, vis: 900, filter: 1200, load: 120 + 2 * (num(args['load-timeout']) ?? 600) };

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model;
  let chromium = '?';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  let commit = '?';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    chromium,
    node: process.version,
    commit,
    dist,
  };
}

function printTable(rows) {
  const cols = [
    ['bench', (r) => r.bench],
    ['figure', (r) => r.what],
    ['median', (r) => (r.value === null ? '—' : fmt(r.value, r.unit === 'ms' ? 0 : 1))],
    ['unit', (r) => r.unit],
    ['N', (r) => String(r.n)],
    ['target', (r) => r.target],
    ['', (r) => (r.ok === null ? '' : r.ok ? 'pass' : 'MISS')],
  ];
  const cells = rows.map((r) => cols.map(([, f]) => f(r) ?? ''));
  const width = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === 2 || i === 4 ? x.padStart(width[i]) : x.padEnd(width[i]))).join('  ').trimEnd();
  console.log(line(cols.map(([h]) => h)));
  console.log(line(width.map((w) => '-'.repeat(w))));
  rows.forEach((r, i) => {
    console.log(line(cells[i]));
    if (r.note) console.log(' '.repeat(width[0] + 2) + '  ' + r.note);
  });
}

const info = machine();
console.log(`waqai browser benchmarks — ${new Date().toISOString()}`);
console.log(`site ${dist}; repository HEAD ${info.commit} (the site may be an older build)`);
console.log(`${info.cpus} × ${info.cpu}, ${info.ramGiB} GiB RAM, ${info.chromium}, node ${info.node}\n`);

const rows = [];
const results = {};
let bundleTable = '';
let server;
let browser;
const shutdown = async () => {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
};
process.once('SIGINT', () => shutdown().then(() => process.exit(130)));
process.once('SIGTERM', () => shutdown().then(() => process.exit(143)));

try {
  server = await startServer({ dir: dist });
  browser = await launchBrowser();
  const profile = args.profile ? { dir: args['profile-dir'] ? path.resolve(args['profile-dir']) : null } : null;
  const ctx = { browser, server, dist, profile };
  for (const name of ALL.filter((n) => only.includes(n))) {
    const t0 = Date.now();
    process.stderr.write(`${name}… `);
    try {
      const opts = { ...ctx, ...(runs ? { runs } : {}) };
      let out;
      if (name === 'bundle') out = await bundle.run(opts);
      if (name === 'tti') out = await tti.run(opts);
      if (name === 'engine') out = await engine.run(opts);
      if (name === 'vis') out = await within(LIMIT_S.vis * 1000, 'vis', vis.run({ ...opts, mode: args['vis-mode'] ?? 'recreate' }));
      if (name === 'filter') out = await within(LIMIT_S.filter * 1000, 'filter', filter.run(opts));
      if (name === 'load') {
        out = await within(
          LIMIT_S.load * 1000,
          'load',
          load.run({ ...opts, articles: num(args['load-articles']) ?? 1000, timeoutS: num(args['load-timeout']) ?? 600 }),
        );
      }
      if (name === 'bundle') bundleTable = out.table;
      results[name] = out;
      rows.push(...(Array.isArray(out) ? out : out.rows));
    } catch (e) {
      // A benchmark that gave up may still have the page busy: start the next one on a fresh
      // browser so it is not measured beside the leftovers.
      await browser.close().catch(() => {});
      browser = ctx.browser = await launchBrowser();
      rows.push({ bench: name, what: 'failed: ' + String(e.message ?? e).split('\n')[0], value: null, unit: '', n: 0, target: '', ok: null, note: '' });
    }
    process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
} finally {
  await shutdown();
}

// The filter change side by side with vis-timeline's, when both ran.
if (results.filter && results.vis) {
  const w = results.filter.ms;
  const v = results.vis.ms;
  rows.push({
    bench: 'vs vis',
    what: `waqai: ${fmt(w, 0)} ms  vis-timeline: ${fmt(v, 0)} ms  ratio ${fmt(v / w, 2)} (vis / waqai)`,
    value: v / w,
    unit: '×',
    n: Math.min(results.filter.rows[0].n, results.vis.rows[0].n),
    target: '≥ 2 (waqai twice as fast)',
    ok: v / w >= 2,
    note: `same filter change; waqai ${results.filter.count.toLocaleString('en-US')} events, vis-timeline ${results.vis.count.toLocaleString('en-US')}`,
  });
}

console.log('');
printTable(rows);
if (bundleTable) console.log('\n' + bundleTable.trimEnd());
if (args.json) {
  fs.writeFileSync(args.json, JSON.stringify({ date: new Date().toISOString(), machine: info, rows, bundle: bundleTable }, null, 2) + '\n');
  console.log(`\nfigures written to ${args.json}`);
}
