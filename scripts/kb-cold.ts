// npx tsx scripts/kb-cold.ts [--runs N] [--root DIR ...]
// The knowledge base's cold cost, in fresh Node processes, as the browser meets it: the engine is bundled
// by esbuild (kb.json inlined as the extension's bundle inlines it) and each figure is the median over N
// fresh processes (default 9), in CPU milliseconds, of
//   load   importing lib/kb (evaluating the inlined KB), defaultKnowledgeBase(), then one lookup of each kind
//          the country stage makes (an older KB built its maps, surname index and phrase trie on these);
//   first  importing lib/analyze, then the first analyze() of test/fixtures/seed.txt (its own time, and each stage's).
//   new    with ../shared: the countries stage over the dev articles, first seen after a pass over polnear-dev (what
//          an article costs in a worker that has run before; the warm bench repeats one text, whose lookups are remembered).
// Several --root directories (e.g. an older checkout from `git archive`) are measured alternately in the
// same run, so a busy machine weighs on them alike. The load average is printed beside the figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
const roots = args.flatMap((a, i) => (args[i - 1] === '--root' ? [resolve(a)] : []));
if (!roots.length) roots.push(fileURLToPath(new URL('..', import.meta.url)));
const seed = readFileSync(fileURLToPath(new URL('../test/fixtures/seed.txt', import.meta.url)), 'utf8');

// The child's code, run in a fresh process: dynamic imports, so the time spent evaluating each bundle chunk is counted.
// Each figure is CPU time (process.cpuUsage: this process's threads), which a busy machine inflates far less than
// wall time; the wall time of the whole is printed too.
const loadEntry = (root: string) => `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const w0 = performance.now();
const t0 = cpu();
const kbModule = await import(${JSON.stringify(join(root, 'lib/kb.ts'))});
const t1 = cpu();
const kb = kbModule.defaultKnowledgeBase();
const t2 = cpu();
kb.person('Sergei Lavrov'); kb.surname('Kerry', 'J'); kb.phrase('state department'); kb.demonym('russian');
if (kb.longPhrases) kb.longPhrases().get('united'); else kb.phraseGoesOn('united');
const t3 = cpu();
console.log(JSON.stringify({ import: t1 - t0, ready: t2 - t1, lookups: t3 - t2, load: t3 - t0, wall: performance.now() - w0 }));
`;
const firstEntry = (root: string) => `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const text = ${JSON.stringify(seed)};
const t0 = cpu();
const { analyze } = await import(${JSON.stringify(join(root, 'lib/analyze.ts'))});
const t1 = cpu();
const w1 = performance.now();
const stages = {};
let last = t1;
const result = analyze(text, { onStage: (stage) => { const now = cpu(); stages[stage] = now - last; last = now; } });
const wall = performance.now() - w1;
const t2 = cpu();
if (!result.quotes.length) throw new Error('no quotes');
console.log(JSON.stringify({ import: t1 - t0, first: t2 - t1, wall, ...stages }));
`;

// Articles the engine has not seen, in a process that has run it before: each brings names and words no lookup has
// been remembered for. CPU time of the countries stage over ../shared's dev articles after one pass over polnear-dev.
const shared = fileURLToPath(new URL('../../shared/data', import.meta.url));
const newArticlesEntry = (root: string) => `
import { readdirSync, readFileSync } from 'node:fs';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const read = (set) => readdirSync(${JSON.stringify(shared)} + '/' + set).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(${JSON.stringify(shared)} + '/' + set + '/' + f, 'utf8'));
const { analyze } = await import(${JSON.stringify(join(root, 'lib/analyze.ts'))});
for (const text of read('polnear-dev')) analyze(text);
let countries = 0;
for (const text of read('dev')) {
  let last = cpu();
  analyze(text, { onStage: (stage) => { const now = cpu(); if (stage === 'countries') countries += now - last; last = now; } });
}
console.log(JSON.stringify({ countries }));
`;

const dir = mkdtempSync(join(tmpdir(), 'kb-cold-'));

async function bundle(name: string, contents: string, root: string): Promise<string> {
  const outdir = join(dir, name);
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir,
    logLevel: 'error',
  });
  writeFileSync(join(outdir, 'package.json'), '{"type":"module"}');
  return join(outdir, 'stdin.js');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const withShared = existsSync(shared);
const bundles = await Promise.all(
  roots.map(async (root, i) => ({
    root,
    load: await bundle(`load${i}`, loadEntry(root), root),
    first: await bundle(`first${i}`, firstEntry(root), root),
    fresh: withShared ? await bundle(`fresh${i}`, newArticlesEntry(root), root) : '',
  })),
);
const samples = bundles.map(() => ({ load: [] as Record<string, number>[], first: [] as Record<string, number>[], fresh: [] as Record<string, number>[] }));
const before = loadavg()[0];
for (let r = 0; r < runs; r++) {
  bundles.forEach((b, i) => {
    samples[i].load.push(JSON.parse(execFileSync(process.execPath, [b.load], { encoding: 'utf8' })));
    samples[i].first.push(JSON.parse(execFileSync(process.execPath, [b.first], { encoding: 'utf8' })));
    if (b.fresh && r < 3) samples[i].fresh.push(JSON.parse(execFileSync(process.execPath, [b.fresh], { encoding: 'utf8' })));
  });
}
const show = (rows: Record<string, number>[]): string =>
  Object.keys(rows[0])
    .map((k) => `${k} ${median(rows.map((row) => row[k])).toFixed(1)}`)
    .join(', ');
console.log(`kb-cold: medians of ${runs} fresh processes (ms), load average ${before.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
bundles.forEach((b, i) => {
  console.log(`${b.root}\n  KB load:        ${show(samples[i].load)}\n  first analyze:  ${show(samples[i].first)}`);
  if (samples[i].fresh.length) console.log(`  new articles:   ${show(samples[i].fresh)} (countries stage, all 35 dev articles, median of 3 processes)`);
});
