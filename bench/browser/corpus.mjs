// The texts the browser benchmarks feed the page, built in memory (nothing is written to disk
// but the native engine run's temporary file):
//   engineCorpus()      the five dev articles repeated to ~4 MiB, built exactly as the engine's
//                       cargo bench builds it (crates/engine/benches/extract.rs), so the WASM and
//                       native figures are over the same bytes.
//   loadArticles(n)     n dev articles (~4 KB each, ~4 MB for 1,000) made distinct enough that
//                       the page does not merge them all into the five articles' events.
//   syntheticArticles() short Arabic reports written from templates (our own wording, never the
//                       dev articles' sentences) naming gazetteer places, so the engine finds
//                       ~10,000 events that the page keeps apart (distinct type/place/day).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SAMPLES_DIR } from '../../tests/e2e/harness.mjs';

/** The publication date every benchmark extracts with (the cargo bench's date too). */
export const PUBLISHED = '2017-03-22';

/** The five dev articles, sorted by name: [{name, text}]. */
export function devArticles() {
  return fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8') }));
}

/** The cargo bench's corpus: whole passes over the five articles, each followed by "\n", until
 *  at least `bytes` UTF-8 bytes. */
export function engineCorpus(bytes = 4 << 20) {
  const arts = devArticles();
  const parts = [];
  let len = 0;
  while (len < bytes) {
    for (const a of arts) {
      parts.push(a.text, '\n');
      len += Buffer.byteLength(a.text) + 1;
    }
  }
  return parts.join('');
}

// The page merges reports of the same type, place and day from different articles, so 200
// copies of each dev article would collapse into one article's events. Each copy gets its
// explicit years moved (2011..2024, cycling) and its Western-digit day numbers in front of a
// month name moved too, so copies report other days; relative dates ("on Wednesday") are
// resolved against the copy's own publication date when the page has one (files have none).
const YEARS = Array.from({ length: 14 }, (_, i) => 2011 + i);
const MONTHS_AR =
  'كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|يناير|فبراير|مارس|أبريل|أيار|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر';
const DAY_BEFORE_MONTH = new RegExp(`(^|[^0-9])([0-9]{1,2})(\\s+(?:${MONTHS_AR}))`, 'g');

/** A variant of `text`: years shifted by k (mod 14), day-of-month numbers by k // 14 (mod 28). */
export function vary(text, k) {
  const dy = k % YEARS.length;
  const dd = Math.floor(k / YEARS.length) % 28;
  return text
    .replace(/(^|[^0-9])(20[12][0-9])(?![0-9])/g, (m, pre, y) => {
      const i = YEARS.indexOf(Number(y));
      return i < 0 ? m : pre + YEARS[(i + dy) % YEARS.length];
    })
    .replace(DAY_BEFORE_MONTH, (m, pre, d, rest) => {
      const n = Number(d);
      if (n < 1 || n > 28) return m;
      return pre + (((n - 1 + dd) % 28) + 1) + rest;
    });
}

/** n articles for the load benchmark: [{name, text}], dev articles in turn, each copy varied. */
export function loadArticles(n = 1000) {
  const arts = devArticles();
  return Array.from({ length: n }, (_, i) => {
    const a = arts[i % arts.length];
    const k = Math.floor(i / arts.length);
    return { name: `article-${String(i).padStart(4, '0')}-${a.name}`, text: vary(a.text, k) };
  });
}

// ---- Synthetic reports ------------------------------------------------------------------------

const GOVERNORATES = {
  SY01: 'دمشق', SY02: 'حلب', SY03: 'دمشق', SY04: 'حمص', SY05: 'حماة', SY06: 'اللاذقية',
  SY07: 'إدلب', SY08: 'الحسكة', SY09: 'دير الزور', SY10: 'طرطوس', SY11: 'الرقة', SY12: 'درعا',
  SY13: 'السويداء', SY14: 'القنيطرة',
};
const MONTHS = [
  'كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيو',
  'تموز/يوليو', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر',
];
const WEEKDAYS = ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** Towns and villages of the gazetteer with a single-word-or-more Arabic name: [{name, gov}]. */
export function gazetteerPlaces() {
  const file = path.join(ROOT, 'crates', 'engine', 'data', 'gazetteer', 'places.tsv');
  const out = [];
  const seen = new Set();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [, kind, admin1, , , , , , namesAr] = line.split('\t');
    if (kind !== 'T' && kind !== 'V') continue;
    const name = (namesAr || '').split('|')[0].trim();
    const gov = GOVERNORATES[admin1];
    // A place whose name is also another place's gives the engine a choice to make; keep the
    // generated text unambiguous by using each name once.
    if (!name || !gov || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, gov });
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), so every run feeds the same text. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One template per event type we aim at. {p} place, {g} governorate, {d} date, {n}/{m} numbers.
const TEMPLATES = [
  'قصفت قوات النظام بلدة {p} في ريف {g} {d}، ما أدى إلى مقتل {n} {civilians}.',
  'شنت طائرات حربية غارة جوية على قرية {p} بريف {g} {d}، وقتل فيها {n} {people} وأصيب {m} آخرون.',
  'دارت اشتباكات بين فصائل المعارضة وقوات النظام قرب {p} في ريف {g} {d}.',
  // No "معارك" here: the engine reads it as a clash of its own.
  'أعلنت فصائل المعارضة سيطرتها على قرية {p} في ريف {g} {d}.',
  'انسحبت قوات النظام من بلدة {p} بريف {g} {d} تحت ضغط الهجمات.',
];

// Three ways of writing a day. (Not «يوم الثلاثاء 3 آذار/مارس 2016»: with a weekday and a
// double month name the engine of 2026-11-21 drops the year and takes the last such day before
// publication, which would fold the synthetic events onto fewer days.)
function dateText(day, r) {
  const d = new Date(Date.UTC(2012, 0, 1) + day * 86_400_000);
  const y = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()];
  const x = r();
  if (x < 1 / 3) return `في ${d.getUTCDate()} ${month} ${y}`;
  if (x < 2 / 3) return `يوم ${d.getUTCDate()} ${month} ${y}`;
  return `يوم ${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${month.split('/')[0]} ${y}`;
}

/** Arabic counted nouns: 3..10 take the plural, 11 and up the singular accusative. */
const counted = (n, plural, singular) => (n <= 10 ? plural : singular);

/**
 * Synthetic articles: `articles` articles of `perArticle` reports each, one paragraph per report.
 * Every report has its own (template, place, day), so the page keeps them apart.
 * Returns [{name, text}].
 */
export function syntheticArticles({ articles = 100, perArticle = 100, seed = 7 } = {}) {
  const places = gazetteerPlaces();
  const r = rng(seed);
  const used = new Set();
  const out = [];
  for (let a = 0; a < articles; a++) {
    const paras = [];
    for (let i = 0; i < perArticle; i++) {
      let t, p, day, key;
      do {
        t = Math.floor(r() * TEMPLATES.length);
        p = places[Math.floor(r() * places.length)];
        // 2012..2016: before PUBLISHED, since the engine reads later days as another year.
        day = Math.floor(r() * 365 * 5);
        key = `${t}|${p.name}|${day}`;
      } while (used.has(key));
      used.add(key);
      const n = 3 + Math.floor(r() * 30);
      const m = 3 + Math.floor(r() * 40);
      paras.push(
        TEMPLATES[t]
          .replace('{p}', p.name)
          .replace('{g}', p.gov)
          .replace('{d}', dateText(day, r))
          .replace('{n}', String(n))
          .replace('{civilians}', counted(n, 'مدنيين', 'مدنياً'))
          .replace('{people}', counted(n, 'أشخاص', 'شخصاً'))
          .replace('{m}', String(m)),
      );
    }
    out.push({ name: `synthetic-${String(a).padStart(3, '0')}.txt`, text: paras.join('\n\n') + '\n' });
  }
  return out;
}

/** In-memory files for page.setInputFiles. */
export function asFiles(articles) {
  return articles.map((a) => ({ name: a.name, mimeType: 'text/plain', buffer: Buffer.from(a.text, 'utf8') }));
}

/** Total UTF-8 bytes of some articles. */
export const bytesOf = (articles) => articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
