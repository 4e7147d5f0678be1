import type { Paragraph, QuoteSpan } from './types';

// STUB (replaced by the quote engine): curly and straight double quotes within one paragraph.
export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  for (const p of paragraphs) {
    const re = /[“"]([^”"]+)[”"]/g;
    re.lastIndex = p.start;
    for (let m = re.exec(text); m && m.index < p.end; m = re.exec(text)) {
      if (m.index + m[0].length > p.end) break;
      const start = m.index + 1, end = start + m[1].length;
      quotes.push({ start, end, text: m[1], paragraph: p.index, open: m.index, close: m.index + m[0].length, continues: false });
    }
  }
  return quotes;
}
