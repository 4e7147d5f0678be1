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
// A long article's marks are made off the page in slices and then put in, so the browser never lays out
// or paints a partly marked article between slices (a frame that cost 9-16 ms of layout on 20,000 words,
// shown in the browser's default <mark> style, and then laid out again with the colours).
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

  /** The parts of [start, end) no stretch covers, as flat pairs: start, end, start, end... */
  gaps(start: number, end: number): number[] {
    const gaps: number[] = [];
    let from = start;
    for (let i = this.firstEndingAfter(start); i < this.starts.length && this.starts[i] < end; i++) {
      if (this.starts[i] > from) gaps.push(from, this.starts[i]);
      from = Math.max(from, this.ends[i]);
    }
    if (from < end) gaps.push(from, end);
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
  for (const index of byPriority(quotes)) {
    const quote = quotes[index];
    const start = Math.max(0, quote.start);
    const end = Math.min(textLength, quote.end);
    if (end <= start) continue;
    const planned = pieces.length;
    if (quote.kind === 'direct') {
      if (covered.overlaps(start, end)) continue;
      planRange(map, start, end, index, pieces);
      if (pieces.length === planned) continue;
      covered.add(start, end);
    } else {
      const gaps = covered.gaps(start, end);
      for (let g = 0; g < gaps.length; g += 2) planRange(map, gaps[g], gaps[g + 1], index, pieces);
      if (pieces.length === planned) continue;
      for (let g = 0; g < gaps.length; g += 2) covered.add(gaps[g], gaps[g + 1]);
    }
    pieces[pieces.length - 1].last = true;
    highlighted++;
  }
  // Text order, which wrapping relies on.
  pieces.sort((a, b) => a.textStart - b.textStart);
  return { pieces, quotes, highlighted };
}

/** The quotes' indices, direct quotes first, each kind in text order (then by index). */
function byPriority(quotes: readonly Quote[]): number[] {
  const direct: number[] = [];
  const reported: number[] = [];
  for (let i = 0; i < quotes.length; i++) (quotes[i].kind === 'direct' ? direct : reported).push(i);
  // The engine gives its quotes in text order: sorting then takes one pass.
  const inTextOrder = (a: number, b: number) => quotes[a].start - quotes[b].start || a - b;
  return [...direct.sort(inTextOrder), ...reported.sort(inTextOrder)];
}

/** Adds the pieces of text[start, end) for quote `quote` to `pieces` (as piecesForRange), leaving out whitespace-only ones. */
function planRange(map: TextMap, start: number, end: number, quote: number, pieces: PlannedPiece[]): void {
  for (const piece of piecesForRange(map, start, end)) {
    // Read in the analysed text, which holds the piece's every non-space character: no DOM read per piece.
    if (hasWord(map.text, piece.textStart, piece.textEnd)) pieces.push({ ...piece, quote, last: false });
  }
}

/** Whether text[start, end) holds a character other than whitespace (the text map writes only ' ' and '\n' for it). */
function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10) return true;
  }
  return false;
}

/** One text node's marks, made off the page: `node` is cut to the text before its first piece and `fragment` follows it. */
interface PreparedNode {
  node: Text;
  /** `node.data` when the marks were made from it: they go in as made only if the page left it unchanged. */
  data: string;
  pieces: PlannedPiece[];
  fragment: DocumentFragment;
}

/** The first piece of a batch ending before `until`, about `size` pieces long, moved back to its text node's first piece. */
function batchStart(plan: HighlightPlan, until: number, size: number): number {
  let from = Math.max(0, until - size);
  while (from > 0 && plan.pieces[from - 1].node === plan.pieces[from].node) from--;
  return from;
}

/**
 * Makes the marks of the planned pieces `plan.pieces[from, until)` (whole text nodes), last node first,
 * into `prepared`, without touching the page: nothing is laid out or painted until they go in. A piece
 * the page changed meanwhile (node gone, text shorter) is skipped.
 */
function prepareNodes(plan: HighlightPlan, from: number, until: number, templates: Map<number, HTMLElement>, prepared: PreparedNode[]): void {
  let last = until - 1;
  while (last >= from) {
    const node = plan.pieces[last].node;
    let first = last;
    while (first > from && plan.pieces[first - 1].node === node) first--;
    // One read of the node's text: each `data` read crosses into the DOM.
    const data = node.data;
    const pieces = plan.pieces.slice(first, last + 1).filter((p) => p.end <= data.length);
    if (node.parentNode && pieces.length) prepared.push({ node, data, pieces, fragment: markedFragment(node, data, pieces, plan.quotes, templates) });
    last = first - 1;
  }
}

/** Puts `prepared[from, until)` into the page. A node whose text the page changed since is marked afresh from its current text. */
function attachNodes(prepared: PreparedNode[], from: number, until: number, quotes: readonly Quote[], templates: Map<number, HTMLElement>): void {
  for (let i = from; i < until; i++) {
    const { node, data, pieces, fragment } = prepared[i];
    const parent = node.parentNode;
    if (!parent) continue;
    const current = node.data;
    if (current === data) {
      node.data = data.slice(0, pieces[0].start);
      parent.insertBefore(fragment, node.nextSibling);
      continue;
    }
    const fitting = pieces.filter((p) => p.end <= current.length);
    if (!fitting.length) continue;
    const fresh = markedFragment(node, current, fitting, quotes, templates);
    node.data = current.slice(0, fitting[0].start);
    parent.insertBefore(fresh, node.nextSibling);
  }
}

/**
 * The text of `data` from the first of `pieces` (in text order, all in `node`) on, with each piece in a
 * mark: one pass over the node's text, whatever its length. Each text node made records `node` as its origin.
 */
function markedFragment(node: Text, data: string, pieces: PlannedPiece[], quotes: readonly Quote[], templates: Map<number, HTMLElement>): DocumentFragment {
  const doc = node.ownerDocument;
  const fragment = doc.createDocumentFragment();
  const text = (value: string) => {
    const created = doc.createTextNode(value);
    madeFrom.set(created, node);
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
  return fragment;
}

/** Highlights `quotes` in one pass and returns how many got at least one mark. */
export function highlightQuotes(map: TextMap, quotes: readonly Quote[]): number {
  const plan = planHighlights(map, quotes);
  const templates = new Map<number, HTMLElement>();
  const prepared: PreparedNode[] = [];
  prepareNodes(plan, 0, plan.pieces.length, templates, prepared);
  asOwnChanges(() => attachNodes(prepared, 0, prepared.length, plan.quotes, templates));
  return plan.highlighted;
}

export interface SliceOptions {
  /** Stops the work between two slices (what is in the page by then stays until removeHighlights). */
  signal?: AbortSignal;
  /** Longest stretch of work before giving the page its main thread back. */
  sliceMs?: number;
  /** Resolves when the page has had its turn (the default yields to other tasks). */
  yieldToPage?: () => Promise<void>;
  /** Called with the duration of each slice, for the content script's timings. */
  onSlice?: (ms: number) => void;
}

const DEFAULT_SLICE_MS = 8;
/**
 * A slice that puts marks in may run this many times `sliceMs`: the article goes in whole in one task
 * unless it is very long (on 20,000 words about 900 marks go in within 4-11 ms), so no frame is drawn
 * with part of it marked. Making the marks beforehand keeps to `sliceMs`.
 */
const PUT_IN_SLICES = 3;

/** The next batch size: aimed at a quarter of `budget`, so a slice overruns it by little. */
const nextBatch = (batch: number, took: number, budget: number) => Math.max(8, Math.min(4096, Math.round(batch * (budget / 4 / Math.max(took, 0.05)))));

/**
 * Highlights a plan in slices, yielding between them, so a long article never blocks the page for one
 * long task. The marks are first made off the page, in slices of at most `sliceMs`, then put in, back to
 * front: an ordinary article's go in within one task (of at most PUT_IN_SLICES × `sliceMs`), so the page
 * never lays out or paints the article partly marked (the caller colours them in that task). Resolves
 * with how many quotes got marks, or with -1 when aborted.
 */
export async function highlightInSlices(plan: HighlightPlan, options: SliceOptions = {}): Promise<number> {
  const { signal, sliceMs = DEFAULT_SLICE_MS, yieldToPage = yieldToTasks, onSlice } = options;
  const templates = new Map<number, HTMLElement>();
  const prepared: PreparedNode[] = [];
  // Pieces still to make marks of: [0, until), made back to front; prepared nodes in the page: [0, attached).
  let until = plan.pieces.length;
  let attached = 0;
  let batch = 64;
  let attachBatch = 256;
  const putInBudget = sliceMs * PUT_IN_SLICES;
  while (until > 0 || attached < prepared.length) {
    if (signal?.aborted) return -1;
    const began = performance.now();
    let elapsed = 0;
    // At least one batch per slice, however small the budget.
    do {
      const batchBegan = performance.now();
      if (until > 0) {
        const from = batchStart(plan, until, batch);
        prepareNodes(plan, from, until, templates, prepared);
        until = from;
        batch = nextBatch(batch, performance.now() - batchBegan, sliceMs);
      } else {
        const to = Math.min(prepared.length, attached + attachBatch);
        asOwnChanges(() => attachNodes(prepared, attached, to, plan.quotes, templates));
        attached = to;
        attachBatch = nextBatch(attachBatch, performance.now() - batchBegan, putInBudget);
      }
      elapsed = performance.now() - began;
    } while ((until > 0 || attached < prepared.length) && elapsed < (until > 0 ? sliceMs : putInBudget));
    onSlice?.(elapsed);
    if (until > 0 || attached < prepared.length) await yieldToPage();
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
