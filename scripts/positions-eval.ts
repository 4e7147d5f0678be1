// Dev harness for the positions stage, on gold speakers and countries (the pipeline's own are not ready):
//   npx tsx scripts/positions-eval.ts ../shared/data/dev [--print]
// For each article with two quoted countries: does the summary name a topic both sides address, and how long
// summarize takes (median of five calls). Also: the share of summary statements that sit on their gold country's side.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { summarize } from '../lib/positions';
import { rankSides } from '../lib/sides';
import { goldQuotes } from '../test/positions/gold';

const dir = process.argv[2];
const print = process.argv.includes('--print');
if (!dir || !existsSync(dir)) {
  console.error('usage: npx tsx scripts/positions-eval.ts GOLD_DIR [--print]   (e.g. ../shared/data/dev)');
  process.exit(2);
}
let twoSided = 0;
let shared = 0;
let sharedThird = 0;
let onSide = 0;
let statements = 0;
const times: number[] = [];
const fastest: number[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const text = readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8');
  const quotes = goldQuotes(text, JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const sides = rankSides(quotes);
  // The median of five calls: single calls on this machine swing with JIT compilation and garbage collection.
  const runs: number[] = [];
  let summary = summarize(quotes, sides, text);
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    summary = summarize(quotes, sides, text);
    runs.push(performance.now() - t0);
  }
  const ms = runs.sort((x, y) => x - y)[2];
  times.push(ms);
  fastest.push(runs[0]);
  for (const side of summary.sides) for (const i of side.statements) (statements++, quotes[i].country === side.country && onSide++);
  if (sides.length < 2) continue;
  twoSided++;
  const [a, b] = summary.sides.map((s) => new Set(s.topics.map((t) => t.topic)));
  const both = [...a].filter((t) => b.has(t));
  const named = [...new Set([...both, ...summary.agreement.map((x) => x.topic), ...summary.divergence.map((x) => x.topic)])];
  if (named.length) shared++;
  // Stricter: a shared topic other than the two sides themselves ("ok2" marks articles that miss only this).
  const sideNames = new Set(summary.sides.map((s) => s.name));
  if (named.some((t) => !sideNames.has(t))) sharedThird++;
  console.log(
    `${named.some((t) => !sideNames.has(t)) ? 'ok  ' : named.length ? 'ok2 ' : 'MISS'} ${ms.toFixed(2).padStart(6)} ms  ${summary.sides.map((s) => s.country).join('/')}  ` +
      `both: ${both.slice(0, 4).join(', ') || '-'}  agree: ${summary.agreement.map((x) => x.topic).join(', ') || '-'}  ` +
      `differ: ${summary.divergence.map((x) => `${x.topic} (${Object.entries(x.stances).map(([c, s]) => `${c} ${s}`).join(' / ')})`).join(', ') || '-'}  ${basename(file, '.json')}`,
  );
  if (print) console.log(JSON.stringify(summary.sides.map((s) => ({ country: s.country, topics: s.topics.slice(0, 6).map((t) => `${t.topic}:${t.stance}`), gist: s.gist.map((i) => quotes[i].text.slice(0, 80)) }))));
}
times.sort((x, y) => x - y);
console.log(`articles with two quoted countries: ${twoSided}; naming a topic both sides address: ${shared} (${((100 * shared) / twoSided).toFixed(1)}%)`);
console.log(`  of which a topic other than the two sides themselves: ${sharedThird} (${((100 * sharedThird) / twoSided).toFixed(1)}%)`);
console.log(`statements on their gold country's side: ${onSide}/${statements} (${((100 * onSide) / statements).toFixed(1)}%)`);
console.log(`summarize time per article (median of 5 calls): median ${times[times.length >> 1].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms, over 10 ms: ${times.filter((t) => t >= 10).length}`);
console.log(`  fastest of 5 calls: max over articles ${Math.max(...fastest).toFixed(2)} ms`);
