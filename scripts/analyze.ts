// npm run analyze -- [--date YYYY-MM-DD] FILE...
// One JSON object per line and file: {"file", "quotes", "sides", "summary", ...}; for .html also
// "articleText", the extracted article text the offsets point into. A file that cannot be read or
// parsed prints {"file", "error"} and the others still print.
import { readFileSync } from 'node:fs';
import { analyze } from '../lib/analyze';
import { articleTextFromHtml } from './html-article';

function usage(message: string): never {
  console.error(`analyze: ${message}\nusage: npm run analyze -- [--date YYYY-MM-DD] FILE...`);
  process.exit(2);
}

const args = process.argv.slice(2);
const files: string[] = [];
let date: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--date') {
    date = args[++i];
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) usage('--date takes YYYY-MM-DD');
  } else if (args[i].startsWith('--')) usage(`unknown option ${args[i]}`);
  else files.push(args[i]);
}
if (!files.length) usage('no files given');

for (const file of files) {
  let line: string;
  try {
    const raw = readFileSync(file, 'utf8');
    const isHtml = /\.x?html?$/i.test(file);
    const article = isHtml ? await articleTextFromHtml(raw, file) : { text: raw, date: undefined };
    const { quotes, sides, summary } = analyze(article.text, { date: date ?? article.date });
    line = JSON.stringify({ file, quotes, sides, summary, ...(isHtml ? { articleText: article.text } : {}) });
  } catch (error) {
    line = JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) });
  }
  process.stdout.write(line + '\n');
}
