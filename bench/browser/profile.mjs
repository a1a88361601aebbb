// Where the time of one page action goes (run.mjs --profile): Chromium's trace of the page's
// main thread, split into script, style, layout, paint and GC, and the JavaScript sampling
// profile split into WebAssembly (the Rust app and engine), the JS glue of wasm-bindgen (which
// also carries the DOM calls it makes), and the rest. A profiled action is slower than an
// unprofiled one: read the shares, not the times.
import fs from 'node:fs';
import path from 'node:path';

const KIND = [
  [/^(FunctionCall|EvaluateScript|v8\.|V8\.(?!GC)|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|FireIdleCallback|XHR|ParseHTML|HandlePostMessage)/, 'script'],
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout)/, 'style'],
  [/^(Layout|LayoutShift|UpdateLayer|HitTest|IntersectionObserverController)/, 'layout'],
  [/^(Paint|PrePaint|Layerize|Commit|CompositeLayers|RasterTask|Decode|UpdateLayerTree|ScrollLayer|PaintImage)/, 'paint'],
  [/(GC|gc|Sweep|Mark|Scavenge)/, 'gc'],
];
const kindOf = (name) => KIND.find(([re]) => re.test(name))?.[1] ?? 'other';

/** Self time by kind on the busiest renderer main thread of a Chromium trace. */
export function traceBreakdown(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k)) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  let best = [];
  for (const list of byThread.values()) {
    const busy = list.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.dur, 0);
    if (busy > (best.busy ?? -1)) best = Object.assign(list, { busy });
  }
  best.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of best) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? parent.dur) - e.dur);
    self.set(e, self.get(e) ?? e.dur);
    stack.push(e);
  }
  const kinds = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0 };
  for (const [e, t] of self) kinds[kindOf(e.name)] += Math.max(0, t) / 1000;
  return kinds;
}

/** Self time (ms) of a CDP Profiler profile: in WebAssembly, in wasm-bindgen's JS glue, in
 *  DOM calls (functions without a script, such as insertBefore), in GC, elsewhere in JS, and
 *  outside JS ("(program)": style, layout, paint and the browser's own work) or idle. */
export function profileBreakdown(profile, glue = /waqai-web-[0-9a-f]+\.js$/) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const out = { wasm: 0, glue: 0, dom: 0, gc: 0, js: 0, program: 0, idle: 0 };
  for (const [id, ms] of self) {
    const { functionName: fn, url } = byId.get(id).callFrame;
    if (/\.wasm$/.test(url) || /^(\$|wasm-function)/.test(fn)) out.wasm += ms;
    else if (glue.test(url)) out.glue += ms;
    else if (fn === '(garbage collector)') out.gc += ms;
    else if (fn === '(idle)') out.idle += ms;
    else if (fn === '(program)' || fn === '(root)') out.program += ms;
    else if (!url && fn && !fn.startsWith('(')) out.dom += ms;
    else out.js += ms;
  }
  return out;
}

/**
 * Runs `action()` under Chromium tracing and the JS sampling profiler of `page`; returns
 * {trace: {...ms by kind}, js: {...ms by part}} and, with `saveTo` (a folder), writes
 * <name>.trace.json (open in chrome://tracing or DevTools' Performance panel) and
 * <name>.cpuprofile.
 */
export async function profiled(browser, page, action, { name = 'action', saveTo = null } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
  });
  await cdp.send('Profiler.start');
  let profile;
  let buf;
  try {
    await action();
  } finally {
    ({ profile } = await cdp.send('Profiler.stop'));
    buf = await browser.stopTracing();
    await cdp.detach().catch(() => {});
  }
  const trace = JSON.parse(buf.toString('utf8'));
  if (saveTo) {
    fs.mkdirSync(saveTo, { recursive: true });
    fs.writeFileSync(path.join(saveTo, `${name}.trace.json`), buf);
    fs.writeFileSync(path.join(saveTo, `${name}.cpuprofile`), JSON.stringify(profile));
  }
  return { trace: traceBreakdown(trace), js: profileBreakdown(profile) };
}

/** "main thread 8136 ms: script 56%, paint 14%, …; of the JS samples: wasm 80%, …" */
export function describe({ trace, js }) {
  const total = Object.values(trace).reduce((a, b) => a + b, 0);
  const pct = (x, of) => `${Math.round((100 * x) / (of || 1))}%`;
  const parts = Object.entries(trace)
    .filter(([, v]) => v / total >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k === 'other' ? 'other (task overhead)' : k} ${pct(v, total)}`);
  const inJs = js.wasm + js.glue + js.dom + js.gc + js.js;
  return (
    `main thread ${Math.round(total)} ms: ${parts.join(', ')}; of the JS samples: wasm ${pct(js.wasm, inJs)}, ` +
    `DOM calls ${pct(js.dom, inJs)}, wasm-bindgen glue ${pct(js.glue, inJs)}, GC ${pct(js.gc, inJs)}, other JS ${pct(js.js, inJs)}`
  );
}
