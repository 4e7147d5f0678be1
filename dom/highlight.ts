// Wraps each quote's text in Stancemark-only <mark> elements and removes them again.
//
// Quotes are wrapped from their text-map pieces directly (one <mark> per text node a quote
// touches, as Hypothesis' highlighter does) rather than through mark.js' markRanges: mark.js counts
// offsets over every text node of its context without the paragraph separators the engine sees,
// rebuilds its whole text string for each range it wraps (quadratic on long pages) and works in one
// synchronous pass, where a long article needs the work split across tasks.
//
// Every text node split is recorded, so removal puts the page's own text nodes back exactly: the same
// node objects with the same data (a page script holding one keeps a valid reference), and adjacent
// text nodes the page made itself stay apart (Node.normalize() would merge them).
//
// The writes go through the page watcher's asOwnChanges (dom/live.ts): the content script's own
// MutationObserver never reads the records of our marks.
import type { Quote } from '../lib/types';
import { asOwnChanges } from './live';
import { piecesForRange, type NodePiece, type TextMap } from './text-map';

export const HIGHLIGHT_CLASS = 'stancemark-quote';
const HIGHLIGHT_SELECTOR = `mark.${HIGHLIGHT_CLASS}[data-stancemark-quote]`;

/** One stretch of a text node to wrap for quote `quote`; `last` is the quote's last piece (it carries the label). */
interface PlannedPiece extends NodePiece {
  quote: number;
  last: boolean;
}

/** What highlighting `quotes` will wrap, in text order, and how many quotes get at least one mark. */
export interface HighlightPlan {
  pieces: PlannedPiece[];
  quotes: readonly Quote[];
  highlighted: number;
}

/** Disjoint [start, end) stretches of the text, ordered, that already have a quote. */
class Covered {
  private starts: number[] = [];
  private ends: number[] = [];

  /** Index of the first stretch ending after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ends[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && this.starts[i] < end;
  }

  /** The parts of [start, end) no stretch covers. */
  gaps(start: number, end: number): [number, number][] {
    const gaps: [number, number][] = [];
    let from = start;
    for (let i = this.firstEndingAfter(start); i < this.starts.length && this.starts[i] < end; i++) {
      if (this.starts[i] > from) gaps.push([from, this.starts[i]]);
      from = Math.max(from, this.ends[i]);
    }
    if (from < end) gaps.push([from, end]);
    return gaps;
  }

  add(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }
}

/**
 * Plans the marks for `quotes` (offsets into `map.text`); marks never nest. Direct quotes come first
 * and a direct quote overlapping one already planned is left out; reported speech then takes only the
 * text no direct quote holds (a paraphrase framing a quoted phrase keeps its words around the quote).
 * Whitespace-only pieces (a space between two elements) stay unwrapped.
 */
export function planHighlights(map: TextMap, quotes: readonly Quote[]): HighlightPlan {
  const pieces: PlannedPiece[] = [];
  const covered = new Covered();
  let highlighted = 0;
  const textLength = map.text.length;
  const byPriority = [...quotes.keys()].sort(
    (a, b) =>
      Number(quotes[a].kind !== 'direct') - Number(quotes[b].kind !== 'direct') || quotes[a].start - quotes[b].start || a - b,
  );
  for (const index of byPriority) {
    const quote = quotes[index];
    const start = Math.max(0, quote.start);
    const end = Math.min(textLength, quote.end);
    if (end <= start) continue;
    const direct = quote.kind === 'direct';
    if (direct && covered.overlaps(start, end)) continue;
    const stretches = direct ? [[start, end] as [number, number]] : covered.gaps(start, end);
    const quotePieces: PlannedPiece[] = [];
    for (const [from, to] of stretches) {
      for (const piece of piecesForRange(map, from, to)) {
        // Read in the analysed text, which holds the piece's every non-space character: no DOM read per piece.
        if (hasWord(map.text, piece.textStart, piece.textEnd)) {
          quotePieces.push({ ...piece, quote: index, last: false });
        }
      }
    }
    if (!quotePieces.length) continue;
    for (const [from, to] of stretches) covered.add(from, to);
    quotePieces[quotePieces.length - 1].last = true;
    pieces.push(...quotePieces);
    highlighted++;
  }
  // Text order, which wrapping relies on.
  pieces.sort((a, b) => a.textStart - b.textStart);
  return { pieces, quotes, highlighted };
}

/** Whether text[start, end) holds a character other than whitespace (the text map writes only ' ' and '\n' for it). */
function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10) return true;
  }
  return false;
}

/**
 * Wraps the planned pieces from `plan.pieces[from]` back to `plan.pieces[until - 1]`, a text node at a
 * time, last node first: a node keeps the text before its first wrapped piece, so the pieces before
 * `from` stay valid and the work can stop after any batch and go on later. A piece the page changed
 * meanwhile (node gone, text shorter) is skipped.
 */
function wrapPieces(plan: HighlightPlan, from: number, until: number, templates: Map<number, HTMLElement>): void {
  let last = until - 1;
  while (last >= from) {
    const node = plan.pieces[last].node;
    let first = last;
    while (first > from && plan.pieces[first - 1].node === node) first--;
    // One read of the node's length: each `data` read crosses into the DOM.
    const length = node.length;
    const pieces = plan.pieces.slice(first, last + 1).filter((p) => p.end <= length);
    if (node.parentNode && pieces.length) wrapInNode(node, pieces, plan.quotes, templates);
    last = first - 1;
  }
}

/**
 * Wraps `pieces` (in text order, all in `node`) in one pass over the node's text, whatever its length:
 * `node` keeps the text before the first piece, new text nodes and marks follow it.
 */
function wrapInNode(node: Text, pieces: PlannedPiece[], quotes: readonly Quote[], templates: Map<number, HTMLElement>): void {
  const doc = node.ownerDocument;
  const data = node.data;
  const fragment = doc.createDocumentFragment();
  const made: Text[] = [];
  const text = (value: string) => {
    const created = doc.createTextNode(value);
    made.push(created);
    return created;
  };
  let cursor = pieces[0].start;
  for (const piece of pieces) {
    if (piece.start > cursor) fragment.appendChild(text(data.slice(cursor, piece.start)));
    let template = templates.get(piece.quote);
    if (!template) {
      template = markTemplate(doc, quotes[piece.quote], piece.quote);
      templates.set(piece.quote, template);
    }
    const mark = template.cloneNode(false) as HTMLElement;
    // The country code is shown after the quote's last piece (CSS ::after), so colour is not the only cue.
    if (piece.last) mark.setAttribute('data-stancemark-label', quotes[piece.quote].country ?? '?');
    mark.appendChild(text(data.slice(piece.start, piece.end)));
    fragment.appendChild(mark);
    cursor = piece.end;
  }
  if (cursor < data.length) fragment.appendChild(text(data.slice(cursor)));
  node.data = data.slice(0, pieces[0].start);
  node.parentNode!.insertBefore(fragment, node.nextSibling);
  for (const created of made) madeFrom.set(created, node);
}

/** Highlights `quotes` in one pass and returns how many got at least one mark. */
export function highlightQuotes(map: TextMap, quotes: readonly Quote[]): number {
  const plan = planHighlights(map, quotes);
  asOwnChanges(() => wrapPieces(plan, 0, plan.pieces.length, new Map()));
  return plan.highlighted;
}

export interface SliceOptions {
  /** Stops the work between two slices (what is wrapped by then stays until removeHighlights). */
  signal?: AbortSignal;
  /** Longest stretch of wrapping before giving the page its main thread back. */
  sliceMs?: number;
  /** Resolves when the page has had its turn (the default yields to other tasks). */
  yieldToPage?: () => Promise<void>;
  /** Called with the duration of each slice, for the content script's timings. */
  onSlice?: (ms: number) => void;
}

const DEFAULT_SLICE_MS = 8;

/**
 * Highlights a plan in slices of at most `sliceMs` each, yielding between them, so a long article
 * never blocks the page for one long task. Resolves with how many quotes got marks, or with -1 when aborted.
 */
export async function highlightInSlices(plan: HighlightPlan, options: SliceOptions = {}): Promise<number> {
  const { signal, sliceMs = DEFAULT_SLICE_MS, yieldToPage = yieldToTasks, onSlice } = options;
  const templates = new Map<number, HTMLElement>();
  // Pieces are wrapped back to front, a batch at a time; the batch grows or shrinks to fill a slice.
  let until = plan.pieces.length;
  let batch = 64;
  while (until > 0) {
    if (signal?.aborted) return -1;
    const began = performance.now();
    let elapsed = 0;
    asOwnChanges(() => {
      // At least one batch per slice, however small the budget.
      do {
        const from = Math.max(0, until - batch);
        const batchBegan = performance.now();
        wrapPieces(plan, from, until, templates);
        until = from;
        const took = performance.now() - batchBegan;
        elapsed = performance.now() - began;
        // Aim each batch at a quarter of a slice, so a slice overruns its budget by little.
        batch = Math.max(8, Math.min(4096, Math.round(batch * (sliceMs / 4 / Math.max(took, 0.05)))));
      } while (until > 0 && elapsed < sliceMs);
    });
    onSlice?.(elapsed);
    if (until > 0) await yieldToPage();
  }
  return signal?.aborted ? -1 : plan.highlighted;
}

/** Yields to the page's other tasks: scheduler.yield where the browser has it, else a message task (not throttled in background tabs, unlike timers). */
export function yieldToTasks(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The mark every piece of one quote is cloned from. It carries data only: colours come from the page
 * theme's stylesheet keyed on data-stancemark-country (dom/theme.ts), who said it from the hover card.
 */
function markTemplate(doc: Document, quote: Quote, index: number): HTMLElement {
  const mark = doc.createElement('mark');
  mark.className = HIGHLIGHT_CLASS;
  // setAttribute, not dataset: 800 marks' four attributes take 1.6-2.1 ms this way in a content script's
  // world, 3.9-6.4 ms through dataset's named setters (Chromium, medians of 40 rounds).
  mark.setAttribute('data-stancemark-country', quote.country ?? 'unknown');
  mark.setAttribute('data-stancemark-speaker', quote.speaker ?? '');
  mark.setAttribute('data-stancemark-quote', String(index));
  mark.setAttribute('data-stancemark-kind', quote.kind);
  return mark;
}

/**
 * Each text node the highlighter made, with the page's node whose text it took. Removal appends the
 * made nodes that still follow their origin back onto it, in one write per origin.
 */
const madeFrom = new WeakMap<Text, Text>();

/** Removes every Stancemark highlight under `scope` and gives the page's text nodes back their text. */
export function removeHighlights(scope: ParentNode & Node): void {
  asOwnChanges(() => unwrapAll(scope));
}

function unwrapAll(scope: ParentNode & Node): void {
  const origins = new Set<Text>();
  const absorb = (node: Node | null) => {
    const origin = node?.nodeType === 3 ? madeFrom.get(node as Text) : undefined;
    if (origin) origins.add(origin);
  };
  for (const mark of scope.querySelectorAll(HIGHLIGHT_SELECTOR)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    absorb(mark.firstChild);
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
  }
  for (const origin of origins) {
    // The made nodes that still follow their origin, in order; one the page moved away is given up.
    const parts = [origin.data];
    const merged: Text[] = [];
    for (let next = origin.nextSibling; next && next.nodeType === 3 && madeFrom.get(next as Text) === origin; next = next.nextSibling) {
      parts.push((next as Text).data);
      merged.push(next as Text);
    }
    if (!merged.length) continue;
    origin.data = parts.join('');
    for (const node of merged) {
      node.remove();
      madeFrom.delete(node);
    }
  }
}
