// npx tsx scripts/country-eval.ts DIR...   (e.g. ../shared/data/dev ../shared/data/seed)
// The country stage alone against gold speakers (see scripts/country-gold.ts): accuracy over gold quotes
// with a named speaker, null included, and every miss.
import { evaluateCountries, readGold } from './country-gold';

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: npx tsx scripts/country-eval.ts GOLD_DIR...');
  process.exit(2);
}
for (const dir of dirs) {
  const results = evaluateCountries(readGold(dir));
  const misses = results.filter((r) => r.got !== r.gold);
  const wrong = misses.filter((r) => r.got !== null);
  console.log(`${dir}: countryAcc ${((results.length - misses.length) / Math.max(1, results.length)).toFixed(3)} (${results.length - misses.length}/${results.length}); wrong country ${wrong.length}, null for a gold country ${misses.length - wrong.length}`);
  for (const m of misses) console.log(`  ${m.article}  ${m.speaker}: gold ${m.gold}, got ${m.got}  [${m.evidence ?? 'no evidence'}]`);
}
