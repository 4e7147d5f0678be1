// Keyboard navigation between highlighted quotes. Alt+Shift with a letter, matched on the physical key
// (event.code, so macOS's Option characters and keyboard layouts do not matter): J / K as in feed readers,
// O for the next quote of the same side. Few pages and no browser bind these (ChromeOS takes Alt+Shift+N,
// S, M and L, so those are avoided), and keys typed into fields, editable content or already handled by
// the page are left alone.
import { markOf, quoteIndexOf } from './quote-navigation';

export type QuoteMove = 'next' | 'previous' | 'next-of-side';

export const QUOTE_KEYS: Record<string, QuoteMove> = { KeyJ: 'next', KeyK: 'previous', KeyO: 'next-of-side' };
export const QUOTE_KEYS_HINT = 'Alt+Shift+J / K: next / previous quote · Alt+Shift+O: next of the same side';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** The move a keydown asks for, or null when the key is not ours to take. */
export function quoteMoveFor(event: KeyboardEvent): QuoteMove | null {
  if (event.defaultPrevented || event.isComposing || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (isTyping(event.target)) return null;
  return QUOTE_KEYS[event.code] ?? null;
}

/**
 * Calls `move` with the requested move and the quote the reader is on (the focused quote, else the last
 * one moved to; null before any), until `signal` aborts.
 */
export function listenForQuoteKeys(doc: Document, move: (move: QuoteMove, current: number | null) => void, signal: AbortSignal): void {
  let last: number | null = null;
  doc.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) last = quoteIndexOf(mark);
  }, { signal });
  doc.addEventListener('keydown', (event) => {
    const wanted = quoteMoveFor(event);
    if (!wanted) return;
    event.preventDefault();
    const focused = markOf(doc.activeElement);
    move(wanted, focused ? quoteIndexOf(focused) : last);
  }, { signal });
}
