// npx tsx scripts/bench-engine.ts
// Median time of the whole lib/analyze pipeline on a ~2,000-word and a ~200,000-word text built at
// run time by joining ../shared's dev articles (never committed), against a baseline in the same run:
// one plain regex scan for quoted spans over the same text; then each stage's own median. Each figure also
// gives the fastest run ("min"): on a busy machine the medians swing with the other work, the minimum much less.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../lib/analyze';
import { attribute } from '../lib/attribution';
import { resolveSpeakers } from '../lib/entities';
import { findQuotes } from '../lib/quotes';
import { splitParagraphs } from '../lib/text';
import type { AnalyzeStage } from '../lib/types';

const dir = fileURLToPath(new URL('../../shared/data/dev', import.meta.url));
if (!existsSync(dir)) {
  console.log(`bench-engine: skipped, ${dir} not found (the texts are read from ../shared at run time)`);
  process.exit(0);
}
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));

/** Articles joined (cycling) and cut at a paragraph end once the text holds `words` words. */
function textOf(words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    for (const paragraph of articles[i % articles.length].split(/\n\s*\n/)) {
      if (count >= words) break;
      paragraphs.push(paragraph);
      count += paragraph.split(/\s+/).length;
    }
  }
  return paragraphs.join('\n\n');
}

/** Median and fastest of `times` runs, in ms. */
function timed(run: () => void, times: number): { median: number; min: number } {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], min: samples[0] };
}
const show = ({ median, min }: { median: number; min: number }) => `${median.toFixed(2)} (min ${min.toFixed(2)})`;

/** The quote and speaker stages alone (text -> quotes -> attributions -> speakers), without the later stages. */
const speakerStages = (text: string) => {
  const paragraphs = splitParagraphs(text);
  resolveSpeakers(text, paragraphs, attribute(text, paragraphs, findQuotes(text, paragraphs)));
};

/**
 * Each stage's median and fastest time inside whole analyze runs (analyze's onStage), on the inputs each run
 * made itself: a stage timed alone on inputs computed once can find them warm (and any cache keyed on them full).
 */
function stageTimes(text: string, times: number): string {
  const samples = new Map<AnalyzeStage, number[]>();
  const onStage = (stage: AnalyzeStage, ms: number) => {
    if (!samples.has(stage)) samples.set(stage, []);
    samples.get(stage)!.push(ms);
  };
  for (let i = 0; i < times; i++) analyze(text, { onStage });
  return [...samples]
    .map(([stage, ms]) => {
      ms.sort((x, y) => x - y);
      return `${stage} ${show({ median: ms[ms.length >> 1], min: ms[0] })}`;
    })
    .join(', ');
}

const baseline = (text: string) => {
  let n = 0;
  for (const _ of text.matchAll(/[“"]([^”"\n]+)[”"]/g)) n++;
  return n;
};

/**
 * Runs analyze in windows of `window` runs until it stops getting faster: V8 keeps tiering the engine's code up
 * over its first runs (2,000 words, medians of 40 runs on this machine: ~15, 8-9, 5-7, then 3-4.5 ms from about
 * run 160), and how long that takes moves with the code and the machine's load, so a fixed count would time the
 * compiler, not the engine. Stops after two windows in a row none more than 5% faster than the best before them,
 * between `minRuns` and `maxRuns`. Returns the runs made and each window's median (printed: the way there).
 */
function warmUp(text: string, window: number, minRuns: number, maxRuns: number): { runs: number; windows: number[] } {
  const windows: number[] = [];
  let runs = 0;
  let flat = 0;
  while (runs < maxRuns && (runs < minRuns || flat < 2)) {
    const { median } = timed(() => analyze(text), window);
    runs += window;
    const best = Math.min(...windows);
    flat = windows.length && median > best * 0.95 ? flat + 1 : 0;
    windows.push(median);
  }
  return { runs, windows };
}

for (const [label, words, times, window, minRuns, maxRuns] of [
  ['~2,000 words', 2_000, 41, 40, 120, 1_000],
  ['~200,000 words', 200_000, 5, 1, 1, 1],
] as const) {
  const text = textOf(words);
  const wordCount = text.split(/\s+/).length;
  const coldStart = performance.now();
  analyze(text);
  console.log(`${label}: first run ${(performance.now() - coldStart).toFixed(1)} ms (code cold)`);
  const { runs, windows } = warmUp(text, window, minRuns, maxRuns);
  console.log(`  warm-up: ${runs} runs, medians per ${window} runs ${windows.map((ms) => ms.toFixed(2)).join(', ')} ms`);
  const engine = timed(() => analyze(text), times);
  const stages = timed(() => speakerStages(text), times);
  const scan = timed(() => baseline(text), times);
  console.log(
    `${label} (${wordCount} words, ${text.length} chars), medians over ${times} runs: analyze ${show(engine)} ms; ` +
      `quote and speaker stages ${show(stages)} ms; regex scan ${show(scan)} ms; ` +
      `analyze/scan ${(engine.median / scan.median).toFixed(0)}x, stages/scan ${(stages.median / scan.median).toFixed(0)}x`,
  );
  console.log(`  per stage inside analyze (ms, medians): ${stageTimes(text, times)}`);
}
