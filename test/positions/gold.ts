// Builds the engine's Quote[] from a gold file (code point offsets -> JavaScript string indices), for the
// positions harness and tests while the pipeline's own speakers and countries are stubs.
import { splitParagraphs } from '../../lib/text';
import type { Quote } from '../../lib/types';

interface GoldQuote {
  start: number;
  end: number;
  speaker: string | null;
  role?: string | null;
  country: string | null;
}

export function goldQuotes(text: string, gold: { quotes: GoldQuote[] }): Quote[] {
  const utf16: number[] = [];
  let u = 0;
  for (const ch of text) {
    utf16.push(u);
    u += ch.length;
  }
  utf16.push(u);
  const paragraphs = splitParagraphs(text);
  return gold.quotes
    .map((g) => {
      const start = utf16[g.start];
      const end = utf16[g.end];
      return {
        start,
        end,
        text: text.slice(start, end),
        kind: 'direct' as const,
        speaker: g.speaker,
        role: g.role ?? null,
        country: g.country,
        evidence: null,
        paragraph: paragraphs.findIndex((p) => p.start <= start && start < p.end),
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
