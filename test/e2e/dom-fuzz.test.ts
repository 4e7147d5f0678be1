// Fuzzing the DOM layer in Chromium: random page trees (deep nesting, iframes, contenteditable, SVG
// text, form fields, scripts and styles, comments, adjacent and empty text nodes, RTL, emoji) through
// text map -> highlighting -> removal; random articles (open, nested and mixed quotation marks, RTL, emoji,
// cut by inline markup) through the whole pipeline, the engine included; plus a 3,000-deep tree, a 5 MB
// text node and 10,000 quotes found by the engine. test/e2e/dom-fuzz-page.ts says what must hold.
// Fixed seed in `npm test`; STANCEMARK_FUZZ=long for more.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRun } from '../fuzz/generate';
import type { CaseReport } from './dom-fuzz-page';
import { domFuzzBundle } from './harness';

const run = fuzzRun(1124);
const CASES = run.long ? 5_000 : 400;
const ARTICLES = run.long ? 1_000 : 150;
const BATCH = 50;

type Fuzz = {
  randomCase(seed: number): Promise<CaseReport>;
  pipelineCase(seed: number): Promise<CaseReport>;
  shapedCase(shape: string, seed: number): Promise<CaseReport>;
};

let browser: Browser;
let bundle: string;

/** A blank page with the DOM layer and the case builders loaded. */
async function fuzzPage(): Promise<Page> {
  const page = await browser.newPage();
  // Frames in the random trees load nothing from outside.
  await page.route(/^https?:/, (route) => route.abort());
  await page.setContent('<!doctype html><html><head><title>fuzz</title></head><body></body></html>');
  await page.addScriptTag({ content: bundle });
  return page;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  bundle = await domFuzzBundle();
});

afterAll(() => browser?.close());

describe(`DOM fuzz in Chromium (seed ${run.seed}${run.long ? ', long run' : ''})`, () => {
  it(`${CASES} random page trees: highlighting never breaks the page and removal restores it exactly`, async () => {
    const page = await fuzzPage();
    let marks = 0;
    for (let first = 0; first < CASES; first += BATCH) {
      const seeds = Array.from({ length: Math.min(BATCH, CASES - first) }, (_, i) => run.seed * 100_000 + first + i);
      const reports = await page.evaluate(async (batch) => {
        const fuzz = (globalThis as unknown as { stancemarkDomFuzz: Fuzz }).stancemarkDomFuzz;
        const out: CaseReport[] = [];
        for (const seed of batch) out.push(await fuzz.randomCase(seed));
        return out;
      }, seeds);
      for (const report of reports) expect(report.problems, `seed ${report.seed}`).toEqual([]);
      marks += reports.reduce((sum, r) => sum + r.marks, 0);
    }
    // The cases did highlight: the checks ran on real marks.
    expect(marks).toBeGreaterThan(CASES);
    await page.close();
  }, 600_000);

  it(`${ARTICLES} random articles through the engine in the page: its quotes lie in the text, and highlighting and removal hold`, async () => {
    const page = await fuzzPage();
    const seeds = Array.from({ length: ARTICLES }, (_, i) => run.seed * 100_000 + 50_000 + i);
    const reports = await page.evaluate(async (batch) => {
      const fuzz = (globalThis as unknown as { stancemarkDomFuzz: Fuzz }).stancemarkDomFuzz;
      const out: CaseReport[] = [];
      for (const seed of batch) out.push(await fuzz.pipelineCase(seed));
      return out;
    }, seeds);
    for (const report of reports) expect(report.problems, `seed ${report.seed}`).toEqual([]);
    // The engine found quotes in most articles: the checks ran on its real output.
    expect(reports.filter((r) => r.marks > 0).length).toBeGreaterThan(ARTICLES / 2);
    await page.close();
  }, 600_000);

  for (const shape of ['deep', 'huge-text', 'many-quotes'] as const) {
    it(`shape: ${shape}`, async () => {
      // Each shape in a page of its own: a 5 MB text node is heavy on the renderer.
      const page = await fuzzPage();
      const report = await page.evaluate(([s, seed]) => (globalThis as unknown as { stancemarkDomFuzz: Fuzz }).stancemarkDomFuzz.shapedCase(s, seed), [shape, run.seed] as const);
      expect(report.problems).toEqual([]);
      expect(report.marks).toBeGreaterThan(0);
      await page.close();
    }, 300_000);
  }
});
