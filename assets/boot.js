// waqai's start-up script. Trunk's default loader is an inline <script>, which the page's
// Content-Security-Policy (index.html) does not allow; this file does the same from the page's
// own origin. Trunk.toml's `pattern_script` writes the tag that loads it, naming the hashed
// files of the build in data-js and data-wasm.
const tag = document.querySelector('script[data-wasm]');
try {
  const bindings = await import(tag.dataset.js);
  const wasm = await bindings.default({ module_or_path: tag.dataset.wasm });
  window.wasmBindings = bindings;
  // The page has mounted (its module's start function ran inside init): the loading frame goes.
  document.getElementById('boot')?.remove();
  // The app mounts while the module starts: from here the page can be used (the benchmarks
  // read this mark; bench/browser/tti.mjs).
  performance.mark('waqai:interactive');
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent =
    'waqai could not start: this browser could not load its WebAssembly module. Reload the page, or use a current browser. / تعذّر تشغيل وقائع: لم يتمكن المتصفح من تحميل وحدة WebAssembly. أعد تحميل الصفحة أو استخدم متصفحًا حديثًا.';
  document.querySelector('#boot .boot-note')?.remove();
  document.body.prepend(p);
  throw e;
}
