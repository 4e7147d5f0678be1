import type { Attribution, Paragraph, QuoteSpan } from './types';

// STUB (replaced by the attribution engine): every quote, source unknown.
export function attribute(text: string, paragraphs: Paragraph[], quotes: QuoteSpan[]): Attribution[] {
  return quotes.map((q, i) => ({ start: q.start, end: q.end, text: q.text, kind: 'direct', quote: i, cue: null, source: null }));
}
