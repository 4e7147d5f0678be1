// Measuring the built extension in Chromium, for `npm run bench` (scripts/bench-pages.ts) and the CI
// ratio check (test/e2e/bench.test.ts).
//
// Each page is served from 127.0.0.1 and loaded repeatedly in a browser with the extension and in one
// without it. From the extension's tab: the content script's own timings (main-thread time of
// detection, reading, highlighting; the wait for the background; its longest task), read from the
// result the background stores. From both tabs: Chromium's own counters (CDP Performance.getMetrics:
// script and task time of the tab's main thread, JS heap after a forced GC), whose difference is what
// the extension added, its script compilation and the re-layout of highlighted text included. In the
// extension-free tab also the floor: mark.js (8.11.1) `markRanges` wrapping the very ranges the
// extension wrapped, with no analysis. Only main-world evaluation is used in the tabs (Playwright's
// selector engine would add its own world to the heap).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PageTimings } from '../entrypoints/background/messages';
import type { ExtensionBrowser } from '../test/e2e/harness';

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

export interface LoadSample {
  state: string;
  timings: PageTimings;
  /** Main-thread time of the content script's run: detection + reading + highlighting + reader UI. */
  mainThread: number;
  quotes: number;
  marks: number;
  /** Whether the background stored the page's result (a page that is no article sends it nothing). */
  stored: boolean;
  /** Whether the tab loaded the reader module (content-scripts/reader.js): only a candidate article should. */
  readerLoaded: boolean;
  /** Long tasks (> 50 ms, Long Tasks API) in the extension's tab from navigation to the end of the run. */
  longTasks: number[];
  /** mark.js markRanges on the same ranges in the extension-free tab, ms (null when nothing was highlighted). */
  floor: number | null;
  /** Marks mark.js made (compare with `marks`). */
  floorMarks: number;
  /** Chromium's counters in the tab with the extension and without it. */
  withExtension: TabMetrics;
  without: TabMetrics;
}

export interface TabMetrics {
  /** Main-thread script time, ms. */
  script: number;
  /** Main-thread task time (script, style, layout, ...), ms. */
  task: number;
  /** JS heap after a forced GC (every world of the tab), bytes. */
  heap: number;
}

/** Starts Chromium's counters for `page` (before it navigates); the returned call reads them. */
async function countTab(page: Page): Promise<() => Promise<TabMetrics>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    await cdp.detach();
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { script: metric('ScriptDuration') * 1000, task: metric('TaskDuration') * 1000, heap: metric('JSHeapUsedSize') };
  };
}

/** Lets the tab render what it has and settle: two frames, then a task. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));

/** Blocks every request that leaves 127.0.0.1 (real pages reference their sites' scripts and images). */
export async function blockOtherOrigins(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
}

/** A browser without the extension, for the baseline and the floor. */
export async function launchPlain(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext();
  await blockOtherOrigins(context);
  return { browser, context };
}

/**
 * The ranges mark.js would need to wrap what the extension wrapped: one range per <mark> piece, as
 * offsets into the concatenated text nodes of <body> (mark.js skips text whose parent is script or style).
 */
function markJsRanges(page: Page): Promise<{ start: number; length: number }[]> {
  return page.evaluate(() => {
    const ranges: { start: number; length: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (parent?.matches('script, style, title, head, html')) continue;
      if (parent?.matches('mark.stancemark-quote')) ranges.push({ start: offset, length: node.data.length });
      offset += node.data.length;
    }
    return ranges;
  });
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  });
}

/** What measureLoad needs of the result the background stored for a tab. */
interface StoredRun {
  state: string;
  quotes: number;
  timings?: PageTimings;
  /** Whether the background stored it (a page that is no article sends nothing: asked of the tab instead). */
  stored: boolean;
}

/**
 * Resolves with the first result the background stores for `url`, watched from the extension page
 * (storage.session.onChanged), so the tab's main thread is left alone while the content script runs:
 * polling the tab (page.waitForFunction) evaluates Playwright's scripts in it, and the reply from the
 * background then waits behind them (about 10 ms on the demo page). A page that is no article sends the
 * background nothing: its state and timings are asked of the tab's content script (the popup's status
 * probe), from 200 ms after the call and every 100 ms, so an article's run is rarely interrupted by it.
 * A string, because the bundlers of the bench and of vitest would name the listener with helpers the
 * extension page does not have.
 */
function storedResult(extensionPage: Page, url: string, timeout: number): Promise<StoredRun> {
  return extensionPage.evaluate(`new Promise((resolve, reject) => {
    const wanted = ${JSON.stringify(url)};
    const storage = chrome.storage.session;
    let probeTimer = 0;
    let settled = false;
    const settle = (run) => {
      settled = true;
      storage.onChanged.removeListener(listener);
      clearTimeout(timer);
      clearTimeout(probeTimer);
      resolve(run);
    };
    const listener = (changes) => {
      for (const { newValue } of Object.values(changes)) {
        if (newValue?.url === wanted) settle({ state: newValue.state, quotes: newValue.quotes.length, timings: newValue.timings, stored: true });
      }
    };
    const probe = async () => {
      if (settled) return;
      for (const tab of await chrome.tabs.query({})) {
        const answer = await chrome.tabs.sendMessage(tab.id, { type: 'stancemark:status' }).catch(() => null);
        if (answer?.url === wanted && answer.state === 'not-article') return settle({ state: answer.state, quotes: 0, timings: answer.timings, stored: false });
      }
      if (!settled) probeTimer = setTimeout(probe, 100);
    };
    const timer = setTimeout(() => {
      settled = true;
      storage.onChanged.removeListener(listener);
      clearTimeout(probeTimer);
      reject(new Error('the background stored no result for ' + wanted));
    }, ${timeout});
    storage.onChanged.addListener(listener);
    probeTimer = setTimeout(probe, 200);
  })`);
}

/** One load of `url` with the extension and one without it (baseline and mark.js floor). */
export async function measureLoad(extension: ExtensionBrowser, extensionPage: Page, plain: BrowserContext, url: string, timeout = 60_000): Promise<LoadSample> {
  const page = await extension.context.newPage();
  let readerLoaded = false;
  page.on('request', (request) => {
    if (request.url().endsWith('/content-scripts/reader.js')) readerLoaded = true;
  });
  await watchLongTasks(page);
  const countWith = await countTab(page);
  const stored = storedResult(extensionPage, url, timeout);
  await page.goto(url);
  const result = await stored;
  await settle(page);
  const withExtension = await countWith();
  const { state, marks, longTasks } = await page.evaluate(() => ({
    state: document.documentElement.dataset.stancemarkState ?? '',
    marks: document.querySelectorAll('mark.stancemark-quote').length,
    longTasks: (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks,
  }));
  const ranges = marks ? await markJsRanges(page) : [];
  await page.close();
  const timings = result.timings ?? { detect: 0, read: 0, analysis: 0, engine: 0, highlight: 0, total: 0, longestTask: 0 };

  const bare = await plain.newPage();
  await watchLongTasks(bare);
  const countWithout = await countTab(bare);
  await bare.goto(url);
  await settle(bare);
  const without = await countWithout();
  let floor: number | null = null;
  let floorMarks = 0;
  if (ranges.length) {
    await bare.addScriptTag({ content: MARK_JS });
    ({ floor, floorMarks } = await bare.evaluate((markRanges) => {
      const Mark = (globalThis as unknown as { Mark: new (context: Element) => { markRanges(r: unknown, o: unknown): void } }).Mark;
      const began = performance.now();
      new Mark(document.body).markRanges(markRanges, { className: 'floor' });
      return { floor: performance.now() - began, floorMarks: document.querySelectorAll('mark.floor').length };
    }, ranges));
  }
  await bare.close();
  const mainThread = timings.detect + timings.read + timings.highlight + (timings.ui ?? 0);
  return { state, timings, mainThread, quotes: result.quotes, stored: result.stored, marks, readerLoaded, longTasks, floor, floorMarks, withExtension, without };
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface PageSummary {
  loads: number;
  state: string;
  quotes: number;
  marks: number;
  detect: number;
  read: number;
  analysis: number;
  engine: number;
  toBackground: number;
  fromBackground: number;
  /** The background's summary, computed after its reply (off the way to the highlights). */
  summary: number;
  highlight: number;
  ui: number;
  /** Loading the reader module: from its import's start to its arrival, and the part the run waited for after the reply. */
  readerLoad: number;
  readerWait: number;
  mainThread: number;
  total: number;
  /** From the content script's start to the run's start (reading the settings). */
  startDelay: number;
  /** From the content script's start to the last highlight (startDelay + total, on the first run). */
  fromScriptStart: number;
  longestTask: number;
  /** Longest Long Tasks API entry in the extension's tab (page's own tasks included), median over loads. */
  longestLongTask: number;
  /** Chromium's main-thread script and task time, and JS heap, with the extension minus without it. */
  scriptAdded: number;
  taskAdded: number;
  heapAdded: number;
  floor: number | null;
  floorMarks: number;
  /** highlight / floor and mainThread / floor. */
  highlightRatio: number | null;
  mainThreadRatio: number | null;
}

/** Medians of each figure over the loads (the first load, which warms the browser's caches, included). */
export function summarise(samples: LoadSample[]): PageSummary {
  const of = (pick: (s: LoadSample) => number) => median(samples.map(pick));
  const floors = samples.map((s) => s.floor).filter((f): f is number => f !== null);
  const floor = floors.length ? median(floors) : null;
  const highlight = of((s) => s.timings.highlight);
  const mainThread = of((s) => s.mainThread);
  return {
    loads: samples.length,
    state: samples[samples.length - 1].state,
    quotes: samples[samples.length - 1].quotes,
    marks: samples[samples.length - 1].marks,
    detect: of((s) => s.timings.detect),
    read: of((s) => s.timings.read),
    analysis: of((s) => s.timings.analysis),
    engine: of((s) => s.timings.engine),
    toBackground: of((s) => s.timings.toBackground ?? 0),
    fromBackground: of((s) => s.timings.fromBackground ?? 0),
    summary: of((s) => s.timings.summary ?? 0),
    highlight,
    ui: of((s) => s.timings.ui ?? 0),
    readerLoad: of((s) => s.timings.readerLoad ?? 0),
    readerWait: of((s) => s.timings.readerWait ?? 0),
    mainThread,
    total: of((s) => s.timings.total),
    startDelay: of((s) => s.timings.startDelay ?? 0),
    fromScriptStart: of((s) => (s.timings.startDelay ?? 0) + s.timings.total),
    longestTask: of((s) => s.timings.longestTask),
    longestLongTask: of((s) => Math.max(0, ...s.longTasks)),
    scriptAdded: of((s) => s.withExtension.script - s.without.script),
    taskAdded: of((s) => s.withExtension.task - s.without.task),
    heapAdded: of((s) => s.withExtension.heap - s.without.heap),
    floor,
    floorMarks: samples[samples.length - 1].floorMarks,
    highlightRatio: floor ? highlight / floor : null,
    mainThreadRatio: floor ? mainThread / floor : null,
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An article page of the given paragraphs (plain text), with the furniture a news page has around it. */
export function articlePage(title: string, paragraphs: string[]): string {
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/section-${i}">Section ${i}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header><nav><ul>${links}</ul></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main>
<footer><ul>${links}</ul><p>Footer text of the site.</p></footer></body></html>`;
}

/**
 * A long page that is no article: a shop's catalogue with a documentation sidebar — navigation, product
 * cards with short blurbs, a specification table, code samples with quoted strings. Written here.
 */
export function catalogPage(): string {
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/docs/topic-${i}">Topic ${i}: setting up part ${i}</a></li>`).join('');
  const cards = Array.from(
    { length: 240 },
    (_, i) =>
      `<div class="card"><img alt="" src="data:,"><h3>Trail lamp model ${i}</h3><p class="blurb">A ${100 + i} lumen lamp with a "quick clip" mount, ${i % 5} modes.</p>` +
      `<span class="price">€${(19 + (i % 40)).toFixed(2)}</span><button type="button">Add to basket</button></div>`,
  ).join('');
  const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Part ${i}</td><td>${i * 3} g</td><td>"${i % 7 ? 'steel' : 'alloy'}"</td><td>${i % 2 ? 'yes' : 'no'}</td></tr>`).join('');
  const code = Array.from({ length: 30 }, (_, i) => `<pre><code>config.set("lamp.${i}", { mode: "eco", level: ${i} });</code></pre><p>Sets lamp ${i}.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lamps — catalogue and docs</title></head><body>
<header><nav><ul>${nav}</ul></nav><form role="search"><input name="q"><button>Search</button></form></header>
<div class="layout"><aside><ul>${nav}</ul></aside><div class="grid">${cards}</div></div>
<section class="specs"><h2>Specifications</h2><table>${rows}</table></section>
<section class="docs"><h2>Configuration</h2>${code}</section>
<footer><ul>${nav}</ul></footer></body></html>`;
}
