// npx tsx scripts/bench-worker-wakes.ts [--navigations N] DIST [DIST...]
// npx tsx scripts/bench-worker-wakes.ts --cold-articles N [--page NAME] DIST [DIST...]
// (each DIST a built chrome-mv3 directory, e.g. .output/chrome-mv3)
// What pages with nothing to do cost the extension's background: for each build, the service worker is
// stopped (DevTools protocol) before each of N navigations of one tab to a page that is no article, and
// the run counts the navigations after which it was started again, and reads from a Chrome trace how
// long each evaluation of background.js took (compile and run), the install's first one included.
// --cold-articles: what an article costs after the worker stopped (in Chrome it stops after ~30 s without
// events, so most articles a person opens meet a stopped worker): the worker is stopped before each of N
// loads of the demo article, the builds taking turns (the order alternating), and the page's wait for the
// background's reply is printed as medians, with its parts (to the background, engine, back), and from
// the worker's own user-timing marks (background/index.ts, warm-up.ts): when its script had been
// evaluated and when the analysis request was received (ms after the worker's start), and how much
// warm-up ran before the request was received. --page: a page of ../shared/data/pages/readability instead
// of the demo article (e.g. guardian-1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchWithExtension, openExtensionPage, serveDirectory } from '../test/e2e/harness';
import { catalogPage, launchPlain, measureLoad, median } from './bench-browser';
import type { PageTimings } from '../entrypoints/background/messages';
import type { CDPSession, Page } from 'playwright-core';

const args = process.argv.slice(2);
const navigationsAt = args.indexOf('--navigations');
const NAVIGATIONS = navigationsAt >= 0 ? Number(args.splice(navigationsAt, 2)[1]) : 6;
const coldAt = args.indexOf('--cold-articles');
const COLD_ARTICLES = coldAt >= 0 ? Number(args.splice(coldAt, 2)[1]) : 0;
const pageAt = args.indexOf('--page');
const COLD_PAGE = pageAt >= 0 ? args.splice(pageAt, 2)[1] : null;
const dists = args;
if (!dists.length) {
  console.error('usage: npx tsx scripts/bench-worker-wakes.ts [--navigations N | --cold-articles N] DIST [DIST...]');
  process.exit(1);
}

/** Follows the background service worker's running status, and stops it on demand (DevTools protocol). */
async function workerControl(extensionPage: Page): Promise<{ stop(): Promise<void>; status(): string }> {
  const cdp: CDPSession = await extensionPage.context().newCDPSession(extensionPage);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const background = versions.find((version) => version.scriptURL.endsWith('/background.js'));
    if (background) status = background.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    status: () => status,
    async stop() {
      // A worker still starting ignores the stop: asked again every half second, for up to 30 s.
      for (let tries = 0; status !== 'stopped'; tries++) {
        if (tries === 600) throw new Error('the service worker does not stop');
        if (tries % 10 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((done) => setTimeout(done, 50));
      }
    },
  };
}

/** What the worker's user-timing marks say of its start, in ms after it (see WORKER_MARKS). */
interface WorkerMarks {
  evaluated: number;
  received: number;
  warmUpBefore: number;
}

/**
 * Evaluated in the service worker: when background.js had been evaluated and the first analysis request
 * received, and the time the warm-up tasks ran before it. A string, so tsx's helpers stay out of it.
 */
const WORKER_MARKS = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const received = at('stancemark:analyze');
  const warmUpBefore = performance.getEntriesByName('stancemark:warm-up').filter((e) => e.startTime < received).reduce((sum, e) => sum + e.duration, 0);
  return { evaluated: at('stancemark:evaluated'), received, warmUpBefore };
})()`;

if (COLD_ARTICLES) {
  const path = COLD_PAGE ? `/readability/${COLD_PAGE}.html` : '/index.html';
  const pages = COLD_PAGE ? { [path]: readFileSync(`../shared/data/pages/readability/${COLD_PAGE}/source.html`, 'utf8') } : {};
  const server = await serveDirectory('test/fixtures/demo', pages);
  const plain = await launchPlain();
  const builds = [];
  const load = [loadavg()[0]];
  try {
    for (const dist of dists) {
      const browser = await launchWithExtension({ headless: true, dist });
      const extensionPage = await openExtensionPage(browser);
      builds.push({ dist, browser, extensionPage, worker: await workerControl(extensionPage), timings: [] as PageTimings[], marks: [] as WorkerMarks[] });
    }
    for (let i = 0; i < COLD_ARTICLES; i++) {
      for (const build of i % 2 ? [...builds].reverse() : builds) {
        await build.worker.stop();
        const sample = await measureLoad(build.browser, build.extensionPage, plain.context, `${server.origin}${path}?cold=${i}`);
        build.timings.push(sample.timings);
        const serviceWorker = build.browser.context.serviceWorkers().at(-1);
        if (serviceWorker) build.marks.push((await serviceWorker.evaluate(WORKER_MARKS)) as WorkerMarks);
      }
      load.push(loadavg()[0]);
    }
  } finally {
    for (const build of builds) await build.browser.close();
    await plain.browser.close();
    await server.close();
  }
  const ms = (timings: PageTimings[], pick: (t: PageTimings) => number | undefined) => median(timings.map((t) => pick(t) ?? NaN)).toFixed(1);
  const inWorker = (marks: WorkerMarks[], pick: (m: WorkerMarks) => number) => median(marks.map(pick)).toFixed(1);
  for (const { dist, timings, marks } of builds) {
    console.log(
      `${dist}: ${COLD_PAGE ?? 'demo article'} after a worker stop, medians of ${timings.length} loads: wait ${ms(timings, (t) => t.analysis)} ms ` +
        `(to the background ${ms(timings, (t) => t.toBackground)}, engine ${ms(timings, (t) => t.engine)}, back ${ms(timings, (t) => t.fromBackground)}); ` +
        `start → highlights ${ms(timings, (t) => t.total)} ms`,
    );
    console.log(
      `  in the worker, ms after its start: script evaluated ${inWorker(marks, (m) => m.evaluated)}, request received ${inWorker(marks, (m) => m.received)}; ` +
        `warm-up before it ${inWorker(marks, (m) => m.warmUpBefore)} ms (in ${marks.filter((m) => m.warmUpBefore > 0).length} of ${marks.length} loads)`,
    );
  }
  console.log(`load average ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`);
  process.exit(0);
}
/** How long the trace records: the navigations, a second after each, and the launch. */
const TRACE_SECONDS = 15 + NAVIGATIONS * 3;

interface TraceEvent {
  name: string;
  dur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** Durations (ms) of background.js's evaluations and of their compile and run parts, from a JSON trace. */
function evaluations(traceFile: string): { evaluate: number[]; compile: number[]; run: number[] } {
  const events = (JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const of = (name: string) =>
    events.filter((e) => e.name === name && String(e.args?.data?.url ?? e.args?.fileName ?? '').endsWith('/background.js')).map((e) => (e.dur ?? 0) / 1000);
  return { evaluate: of('EvaluateScript'), compile: of('v8.compile'), run: of('v8.run') };
}

const server = await serveDirectory('test/fixtures/demo', { '/catalog.html': catalogPage() });
const load = [loadavg()[0]];
try {
  for (const dist of dists) {
    const scratch = mkdtempSync(join(tmpdir(), 'stancemark-wakes-'));
    const traceFile = join(scratch, 'trace.json');
    const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--disable-extensions-except=${dist}`, `--load-extension=${dist}`,
        '--trace-startup=toplevel,v8,devtools.timeline', `--trace-startup-file=${traceFile}`, `--trace-startup-duration=${TRACE_SECONDS}`, '--trace-startup-format=json',
      ],
    });
    const began = Date.now();
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionPage = await context.newPage();
    await extensionPage.goto(new URL('/popup.html', serviceWorker.url()).href);
    const worker = await workerControl(extensionPage);
    const page = await context.newPage();
    let woken = 0;
    for (let i = 0; i < NAVIGATIONS; i++) {
      await worker.stop();
      await page.goto(`${server.origin}/catalog.html?navigation=${i}`);
      await page.waitForSelector('html[data-stancemark-state]');
      // Anything the worker is woken for reaches it within this second.
      await new Promise((done) => setTimeout(done, 1000));
      if (worker.status() !== 'stopped') woken++;
    }
    // Chrome writes the trace once its duration is over.
    await new Promise((done) => setTimeout(done, Math.max(0, TRACE_SECONDS * 1000 - (Date.now() - began)) + 3000));
    await context.close();
    load.push(loadavg()[0]);
    const { evaluate, compile, run } = evaluations(traceFile);
    const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
    console.log(`${dist}: the stopped worker was started again after ${woken} of ${NAVIGATIONS} navigations to a page that is no article`);
    console.log(`  background.js evaluated ${evaluate.length} times (install included), ms: ${list(evaluate)}; compile ${list(compile)}; run ${list(run)}`);
    rmSync(scratch, { recursive: true, force: true });
  }
} finally {
  await server.close();
}
console.log(`load average ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`);
