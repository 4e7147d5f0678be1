// Moving between highlighted quotes: the quotes in page order, the one the reader is on, and taking
// the reader to another one (scrolled into view, focused so the card and screen readers follow).
import { HIGHLIGHT_CLASS } from './highlight';

const MARK_SELECTOR = `mark.${HIGHLIGHT_CLASS}[data-stancemark-quote]`;

/** The highlight element `target` is in, if any. */
export function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(MARK_SELECTOR) : null;
}

export function quoteIndexOf(mark: Element): number {
  return Number(mark.getAttribute('data-stancemark-quote'));
}

/** Each highlighted quote's index with its first mark, in page order. */
export function quotesInPageOrder(doc: Document): { quote: number; mark: HTMLElement; country: string }[] {
  const seen = new Set<number>();
  const quotes: { quote: number; mark: HTMLElement; country: string }[] = [];
  for (const mark of doc.querySelectorAll<HTMLElement>(MARK_SELECTOR)) {
    const quote = quoteIndexOf(mark);
    if (seen.has(quote)) continue;
    seen.add(quote);
    quotes.push({ quote, mark, country: mark.getAttribute('data-stancemark-country') ?? 'unknown' });
  }
  return quotes;
}

/**
 * The quote after (step 1) or before (step -1) `from` in page order among those `matching`, wrapping
 * around; from no quote, the first (or last). Null when none matches.
 */
export function stepQuote(doc: Document, from: number | null, step: 1 | -1, matching: (country: string) => boolean = () => true): number | null {
  const quotes = quotesInPageOrder(doc);
  const at = from === null ? -1 : quotes.findIndex((q) => q.quote === from);
  for (let i = 1; i <= quotes.length; i++) {
    const index = at === -1 ? (step === 1 ? i - 1 : quotes.length - i) : (at + step * i + quotes.length * 2) % quotes.length;
    if (matching(quotes[index].country)) return quotes[index].quote;
  }
  return null;
}

/** Scrolls quote `quote` into view and focuses its first mark; false when it is not on the page. */
export function goToQuote(doc: Document, quote: number): boolean {
  const mark = doc.querySelector<HTMLElement>(`${MARK_SELECTOR}[data-stancemark-quote="${quote}"]`);
  if (!mark) return false;
  // Focusable by script only: the quotes do not join the page's Tab order.
  if (!mark.hasAttribute('tabindex')) mark.tabIndex = -1;
  const reduceMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  mark.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
  return true;
}
