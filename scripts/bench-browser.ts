// Measuring the built extension in Chromium, for `npm run bench` (scripts/bench-pages.ts) and the CI
// ratio check (test/e2e/bench.test.ts).
//
// Each page is served from 127.0.0.1 and loaded repeatedly in a tab where the content script runs;
// the content script's own timings (main-thread time of detection, reading, highlighting; the wait for
// the background's analysis; its longest task) come from the result the background stores. The same
// HTML is also put into an about:blank tab, where no content script runs: that tab gives the heap
// baseline and the floor, mark.js (8.11.1) `markRanges` wrapping the very ranges the extension wrapped,
// with no analysis.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PageResult, PageTimings } from '../entrypoints/background/messages';
import { tabIdFor, type ChromeGlobal, type ExtensionBrowser } from '../test/e2e/harness';

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

export interface LoadSample {
  state: string;
  timings: PageTimings;
  /** Main-thread time of the content script: detection + reading + highlighting. */
  mainThread: number;
  quotes: number;
  marks: number;
  /** Long tasks (> 50 ms, Long Tasks API) in the tab from navigation to the end of the run. */
  longTasks: number[];
  /** JS heap (all worlds of the tab's isolate) after a forced GC, with the extension, in bytes. */
  heap: number;
  /** mark.js markRanges on the same ranges in the extension-free tab, ms (null when nothing was highlighted). */
  floor: number | null;
  /** Marks mark.js made (compare with `marks`). */
  floorMarks: number;
  /** JS heap of the extension-free tab after a forced GC, in bytes. */
  baselineHeap: number;
}

/** Waits for the content script's final state on `page`. */
async function finalState(page: Page, timeout: number): Promise<string> {
  const html = await page.waitForSelector('html[data-stancemark-state]', { timeout });
  return (await html.getAttribute('data-stancemark-state')) ?? '';
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** Blocks every request that leaves 127.0.0.1 (real pages reference their sites' scripts and images). */
export async function blockOtherOrigins(browser: ExtensionBrowser): Promise<void> {
  await browser.context.route(/^https?:\/\//, (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
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

/** One load of `url` with the extension, then the same `html` without it for the baseline and the floor. */
export async function measureLoad(
  browser: ExtensionBrowser,
  extensionPage: Page,
  url: string,
  html: string,
  timeout = 60_000,
): Promise<LoadSample> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const state = await finalState(page, timeout);
  const tabId = await tabIdFor(extensionPage, page.url());
  const stored: Record<string, PageResult> = await extensionPage.evaluate(
    (key) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(key),
    `tab:${tabId}`,
  );
  const result = stored[`tab:${tabId}`];
  const timings = result.timings ?? { detect: 0, read: 0, analysis: 0, engine: 0, highlight: 0, total: 0, longestTask: 0 };
  const longTasks: number[] = await page.evaluate(() => (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks);
  const marks = await page.locator('mark.stancemark-quote').count();
  const ranges = marks ? await markJsRanges(page) : [];
  const heap = await heapAfterGc(page);
  await page.close();

  const plain = await browser.context.newPage();
  await plain.setContent(html, { waitUntil: 'load' });
  const baselineHeap = await heapAfterGc(plain);
  let floor: number | null = null;
  let floorMarks = 0;
  if (ranges.length) {
    await plain.addScriptTag({ content: MARK_JS });
    ({ floor, floorMarks } = await plain.evaluate((markRanges) => {
      const Mark = (globalThis as unknown as { Mark: new (context: Element) => { markRanges(r: unknown, o: unknown): void } }).Mark;
      const began = performance.now();
      new Mark(document.body).markRanges(markRanges, { className: 'floor' });
      return { floor: performance.now() - began, floorMarks: document.querySelectorAll('mark.floor').length };
    }, ranges));
  }
  await plain.close();
  const mainThread = timings.detect + timings.read + timings.highlight;
  return { state, timings, mainThread, quotes: result.quotes.length, marks, longTasks, heap, floor, floorMarks, baselineHeap };
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
  highlight: number;
  mainThread: number;
  total: number;
  longestTask: number;
  /** Longest Long Tasks API entry in the tab (page's own tasks included), median over loads. */
  longestLongTask: number;
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
    highlight,
    mainThread,
    total: of((s) => s.timings.total),
    longestTask: of((s) => s.timings.longestTask),
    longestLongTask: of((s) => Math.max(0, ...s.longTasks)),
    heapAdded: of((s) => s.heap - s.baselineHeap),
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
