// npx tsx scripts/bench-pages.ts [--no-build] [--loads N] [--pages a,b] [--compare DIST_A DIST_B]
// (builds into .output/bench/chrome-mv3)
// The built extension in headless Chromium on: the demo article, a ~20,000-word article joined at run
// time from ../shared's dev articles (never committed), a long catalogue/documentation page that is no
// article, and ten news pages of ../shared/data/pages/readability. Prints, as medians over repeated
// loads, the content script's main-thread time (detection, reading, highlighting), the wait for the
// background's analysis, the longest task, the heap added, the mark.js floor and the ratios, the
// bundle sizes, and which budgets of issue 7 hold. docs/benchmarks.md records a run.
//
// --pages: only the pages whose names contain one of these words (demo, article, words, readability, ...).
// --compare: two builds already made (their chrome-mv3 directories), measured in one run, each load of a
// page made with A then B in turn, so a loaded machine weighs on both alike (no build is made).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchWithExtension, openExtensionPage, serveDirectory, type ExtensionBrowser } from '../test/e2e/harness';
import type { PageTimings } from '../entrypoints/background/messages';
import type { Page } from 'playwright-core';
import { articlePage, blockOtherOrigins, catalogPage, launchPlain, measureLoad, summarise, type LoadSample, type PageSummary } from './bench-browser';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const LOADS = Number(valueOf('--loads') ?? 7);
const PAGE_FILTER = valueOf('--pages')?.split(',');
const SHARED = '../shared/data';
const READABILITY_PAGES = ['bbc-1', 'cnn', 'guardian-1', 'nytimes-1', 'wapo-1', 'seattletimes-1', 'telegraph', 'theverge', 'salon-1', 'citylab-1'];
const LONG_WORDS = 20_000;

const OUT_DIR = '.output/bench';
const compareAt = args.indexOf('--compare');
/** The builds measured: the bench's own, or the two compared. */
const variants = compareAt >= 0 ? [{ label: 'A', dist: args[compareAt + 1] }, { label: 'B', dist: args[compareAt + 2] }] : [{ label: '', dist: `${OUT_DIR}/chrome-mv3` }];
if (compareAt < 0 && !args.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, STANCEMARK_OUT_DIR: OUT_DIR } });
  if (build.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

const gz = (file: string) => ({ raw: readFileSync(file).length, gzip: gzipSync(readFileSync(file), { level: 9 }).length });
/** The script every page runs, the reader module it loads on a candidate article, and the background. */
const BUNDLES = ['content-scripts/content.js', 'content-scripts/reader.js', 'background.js'];
const bundlesOf = (dist: string) => Object.fromEntries(BUNDLES.filter((file) => existsSync(`${dist}/${file}`)).map((file) => [file, gz(`${dist}/${file}`)]));

/** ../shared's dev articles joined (cycling) into paragraphs until `words` words. */
function joinedArticle(words: number): string[] {
  const dir = `${SHARED}/dev`;
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    for (const paragraph of texts[i % texts.length].split(/\n\s*\n/)) {
      if (count >= words) break;
      const clean = paragraph.replace(/\s+/g, ' ').trim();
      if (!clean) continue;
      paragraphs.push(clean);
      count += clean.split(' ').length;
    }
  }
  return paragraphs;
}

const pages: { name: string; path: string; html: string; loads: number }[] = [
  { name: 'demo article', path: '/index.html', html: readFileSync('test/fixtures/demo/index.html', 'utf8'), loads: LOADS },
  { name: 'not an article (catalogue + docs)', path: '/bench/catalog.html', html: catalogPage(), loads: LOADS },
];
if (existsSync(`${SHARED}/dev`)) {
  pages.push({ name: `${LONG_WORDS.toLocaleString('en')} words (dev articles joined)`, path: '/bench/long.html', html: articlePage('Joined articles', joinedArticle(LONG_WORDS)), loads: LOADS });
} else console.log(`note: ${SHARED}/dev is absent: no long article`);
if (existsSync(`${SHARED}/pages/readability`)) {
  for (const name of READABILITY_PAGES) {
    pages.push({ name: `readability/${name}`, path: `/readability/${name}.html`, html: readFileSync(`${SHARED}/pages/readability/${name}/source.html`, 'utf8'), loads: Math.max(3, LOADS - 2) });
  }
} else console.log(`note: ${SHARED}/pages/readability is absent: no real pages`);

if (PAGE_FILTER) pages.splice(0, pages.length, ...pages.filter((p) => PAGE_FILTER.some((word) => p.name.includes(word))));

const server = await serveDirectory('test/fixtures/demo', Object.fromEntries(pages.map((p) => [p.path, p.html])));
const plain = await launchPlain();
const browsers: { label: string; dist: string; browser: ExtensionBrowser; extensionPage: Page; cold: PageTimings | null }[] = [];
const results: { name: string; label: string; summary: PageSummary }[] = [];
const loadAverages = [loadavg()[0]];
try {
  for (const { label, dist } of variants) {
    const browser = await launchWithExtension({ headless: true, dist });
    await blockOtherOrigins(browser.context);
    browsers.push({ label, dist, browser, extensionPage: await openExtensionPage(browser), cold: null });
  }
  // The first article after the background started parses the knowledge base and runs the engine's code cold.
  for (const b of browsers) b.cold = (await measureLoad(b.browser, b.extensionPage, plain.context, `${server.origin}/index.html?cold`)).timings;
  for (const page of pages) {
    const samples = browsers.map(() => [] as LoadSample[]);
    for (let i = 0; i < page.loads; i++) {
      // Alternate which build goes first, so neither always follows the other's load.
      const order = i % 2 ? [...browsers.keys()].reverse() : [...browsers.keys()];
      for (const k of order) samples[k].push(await measureLoad(browsers[k].browser, browsers[k].extensionPage, plain.context, `${server.origin}${page.path}?load=${i}`));
    }
    browsers.forEach((b, k) => results.push({ name: page.name, label: b.label, summary: summarise(samples[k]) }));
    loadAverages.push(loadavg()[0]);
    process.stderr.write('.');
  }
} finally {
  for (const b of browsers) await b.browser.close();
  await plain.browser.close();
  await server.close();
}
process.stderr.write('\n');

const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 2 : 1));
const ratio = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const named = (label: string) => (label ? ` [${label}]` : '');
const loads = `load average ${Math.min(...loadAverages).toFixed(1)}-${Math.max(...loadAverages).toFixed(1)} during the run`;
console.log(`\nChromium headless, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${new Date().toISOString().slice(0, 16)}Z; medians over ${LOADS} loads (real pages ${Math.max(3, LOADS - 2)}); ${loads}\n`);
for (const { label, dist } of browsers) if (label) console.log(`${label}: ${dist}`);
console.log('\n| bundle | raw | gzip |\n| --- | ---: | ---: |');
for (const { label, dist } of browsers) for (const [file, size] of Object.entries(bundlesOf(dist))) console.log(`| ${file}${named(label)} | ${kb(size.raw)} | ${kb(size.gzip)} |`);
for (const { label, cold } of browsers) {
  if (!cold) continue;
  console.log(
    `\nFirst analysis after the background started (knowledge base parsed, engine code cold), demo article${named(label)}: ${ms(cold.analysis)} ms wait ` +
      `(to the background ${ms(cold.toBackground ?? NaN)}, engine ${ms(cold.engine)}, back ${ms(cold.fromBackground ?? NaN)})`,
  );
}
console.log(
  '\n| page | state | quotes / marks | detect | read | wait for background: to / engine / back (summary after) | reader module: load (waited) | highlight | reader UI | main thread | start → highlights (settings wait before) | script start → highlights | longest task (tab\'s longest) | added script / task time (CDP) | heap added | mark.js floor | highlight / floor | main thread / floor |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { name, label, summary: s } of results) {
  console.log(
    `| ${name}${named(label)} | ${s.state} | ${s.quotes} / ${s.marks} | ${ms(s.detect)} | ${ms(s.read)} | ${ms(s.analysis)}: ${ms(s.toBackground)} / ${ms(s.engine)} / ${ms(s.fromBackground)} (${ms(s.summary)}) | ${ms(s.readerLoad)} (${ms(s.readerWait)}) | ${ms(s.highlight)} | ${ms(s.ui)} | ${ms(s.mainThread)} | ${ms(s.total)} (${ms(s.startDelay)}) | ${ms(s.fromScriptStart)} | ${ms(s.longestTask)} (${ms(s.longestLongTask)}) | ${ms(s.scriptAdded)} / ${ms(s.taskAdded)} | ${kb(s.heapAdded)} | ${ms(s.floor)} | ${ratio(s.highlightRatio)} | ${ratio(s.mainThreadRatio)} |`,
  );
}

for (const { label, dist } of browsers) {
  const byName = (prefix: string) => results.find((r) => r.label === label && r.name.startsWith(prefix))?.summary;
  const bundles = bundlesOf(dist);
  const contentGzip = (bundles['content-scripts/content.js']?.gzip ?? 0) + (bundles['content-scripts/reader.js']?.gzip ?? 0);
  const budgets: [string, boolean | null][] = [];
  const catalogue = byName('not an article');
  budgets.push(['not an article: state not-article, nothing read or sent beyond detection', catalogue ? catalogue.state === 'not-article' && catalogue.read === 0 : null]);
  budgets.push(['not an article: < 2 ms main thread', catalogue ? catalogue.mainThread < 2 : null]);
  budgets.push(['content script and reader module < 60 KB gzip', contentGzip < 60 * 1024]);
  const demo = byName('demo');
  budgets.push(['demo article: < 15 ms start → highlights', demo ? demo.total < 15 : null]);
  const long = byName(LONG_WORDS.toLocaleString('en'));
  budgets.push(['20,000 words: < 100 ms start → highlights (analysis included)', long ? long.total < 100 : null]);
  budgets.push(['20,000 words: < 100 ms main thread', long ? long.mainThread < 100 : null]);
  budgets.push(['20,000 words: no task > 50 ms', long ? long.longestTask <= 50 : null]);
  budgets.push(['20,000 words: highlight ≤ 1.5 × mark.js floor', long?.highlightRatio != null ? long.highlightRatio <= 1.5 : null]);
  budgets.push(['20,000 words: main thread ≤ 2.5 × mark.js floor', long?.mainThreadRatio != null ? long.mainThreadRatio <= 2.5 : null]);
  console.log(`\n| budget${named(label)} | holds |\n| --- | --- |`);
  for (const [budget, holds] of budgets) console.log(`| ${budget} | ${holds === null ? 'not measured' : holds ? 'yes' : '**no**'} |`);
}
