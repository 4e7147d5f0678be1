// What the engine fuzz checks on one text: lib/analyze must not throw, every offset must lie inside
// the text, every index inside its list, and the result must pass the content script's check of the
// background's reply. Runs inside the watchdog's worker (test/fuzz/watchdog.ts).
import { parseAnalysisReply } from '../../entrypoints/background/messages';
import { analyze } from '../../lib/analyze';
import type { Analysis } from '../../lib/types';

export interface TextVerdict {
  problems: string[];
  quotes: number;
  direct: number;
}

/** Every way a result can point outside itself; empty when it is sound. */
function problems(text: string, analysis: Analysis): string[] {
  const found: string[] = [];
  const { quotes, sides, summary } = analysis;
  quotes.forEach((q, i) => {
    if (!Number.isInteger(q.start) || !Number.isInteger(q.end) || q.start < 0 || q.end > text.length || q.start >= q.end) {
      found.push(`quote ${i} at [${q.start}, ${q.end}) of ${text.length}`);
    } else if (q.text !== text.slice(q.start, q.end)) found.push(`quote ${i}'s text is not the text at its offsets`);
    if (!Number.isInteger(q.paragraph) || q.paragraph < -1) found.push(`quote ${i} paragraph ${q.paragraph}`);
  });
  const inQuotes = (indices: number[], what: string) => {
    for (const index of indices) if (!Number.isInteger(index) || index < 0 || index >= quotes.length) found.push(`${what} points at quote ${index}`);
  };
  for (const side of summary.sides) {
    inQuotes(side.statements, `side ${side.country} statements`);
    inQuotes(side.gist, `side ${side.country} gist`);
    for (const topic of side.topics) inQuotes(topic.evidence, `topic ${topic.topic}`);
  }
  for (const item of [...summary.agreement, ...summary.divergence]) inQuotes(item.evidence, `topic ${item.topic}`);
  for (const side of sides) if (!side.country) found.push('a side without a country');
  if (!parseAnalysisReply(JSON.parse(JSON.stringify({ quotes, sides, summary })), text)) found.push('the content script would refuse this reply');
  return found;
}

export function checkText(text: string): TextVerdict {
  let analysis: Analysis;
  try {
    analysis = analyze(text);
  } catch (error) {
    return { problems: [`analyze threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], quotes: 0, direct: 0 };
  }
  return { problems: problems(text, analysis), quotes: analysis.quotes.length, direct: analysis.quotes.filter((q) => q.kind === 'direct').length };
}
