// Wraps each quote's text in Stancemark-only <mark> elements and removes them again.
//
// Quotes are wrapped from their text-map pieces directly (one <mark> per text node a quote
// touches, as Hypothesis' highlighter does) rather than through mark.js' markRanges: mark.js counts
// offsets over every text node of its context without the paragraph separators the engine sees,
// and rebuilds its whole text string for each range it wraps, which is quadratic on long pages.
// Removal unwraps only our own class and re-joins the split text nodes, restoring the markup.
import { countryName } from '../lib/country-names';
import { countryColour } from '../lib/palette';
import type { Quote } from '../lib/types';
import { piecesForRange, type NodePiece, type TextMap } from './text-map';

export const HIGHLIGHT_CLASS = 'stancemark-quote';
const HIGHLIGHT_SELECTOR = `mark.${HIGHLIGHT_CLASS}[data-stancemark-quote]`;

/** The tooltip of a quote: who said it, in which capacity, for which country. */
export function quoteTooltip(quote: Quote): string {
  const who = quote.speaker ?? 'Unattributed';
  const role = quote.role ? `, ${quote.role}` : '';
  const country = quote.country ? countryName(quote.country) : 'country unknown';
  return `${who}${role} (${country}) — ${quote.kind} quote`;
}

/**
 * Highlights `quotes` (offsets into `map.text`) and returns how many got at least one mark.
 * A quote overlapping one already highlighted is left out, so marks never nest.
 */
export function highlightQuotes(map: TextMap, quotes: readonly Quote[]): number {
  const pieces: { piece: NodePiece; quote: number; last: boolean }[] = [];
  const highlighted = new Set<number>();
  let coveredUntil = 0;
  // In text order, whatever the order of `quotes`: the wrapping below relies on it.
  const inTextOrder = [...quotes.keys()].sort((a, b) => quotes[a].start - quotes[b].start || a - b);
  for (const index of inTextOrder) {
    const quote = quotes[index];
    if (quote.start < coveredUntil || quote.end <= quote.start) continue;
    // Whitespace-only pieces (a space between two elements) stay unwrapped.
    const quotePieces = piecesForRange(map, quote.start, quote.end).filter(
      (p) => p.end > p.start && /\S/.test(p.node.data.slice(p.start, p.end)),
    );
    if (!quotePieces.length) continue;
    coveredUntil = quote.end;
    highlighted.add(index);
    quotePieces.forEach((piece, i) => pieces.push({ piece, quote: index, last: i === quotePieces.length - 1 }));
  }
  // Last piece first: splitting a text node then leaves the offsets of earlier pieces in it valid.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const { piece, quote, last } = pieces[i];
    wrap(piece.node, piece.start, piece.end, quotes[quote], quote, last);
  }
  return highlighted.size;
}

function wrap(node: Text, start: number, end: number, quote: Quote, index: number, last: boolean): void {
  const doc = node.ownerDocument;
  const parent = node.parentNode;
  if (!parent) return;
  if (end < node.data.length) node.splitText(end);
  const target = start > 0 ? node.splitText(start) : node;
  const mark = doc.createElement('mark');
  const colour = countryColour(quote.country);
  mark.className = HIGHLIGHT_CLASS;
  mark.dataset.stancemarkCountry = quote.country ?? 'unknown';
  mark.dataset.stancemarkSpeaker = quote.speaker ?? '';
  mark.dataset.stancemarkQuote = String(index);
  mark.dataset.stancemarkKind = quote.kind;
  // The country code is shown after the quote's last piece (CSS ::after), so colour is not the only cue.
  if (last) mark.dataset.stancemarkLabel = quote.country ?? '?';
  mark.title = quoteTooltip(quote);
  // A quote gets the country's tint; reported speech only a dotted underline (content.css), so the
  // reader tells the speaker's own words from the article's paraphrase.
  if (quote.kind === 'direct') {
    mark.style.setProperty('background-color', colour.background);
    mark.style.setProperty('color', colour.text);
  }
  mark.style.setProperty('--stancemark-accent', colour.accent);
  target.parentNode!.replaceChild(mark, target);
  mark.appendChild(target);
}

/** Removes every Stancemark highlight under `scope` and re-joins the text nodes they split. */
export function removeHighlights(scope: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of scope.querySelectorAll(HIGHLIGHT_SELECTOR)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
