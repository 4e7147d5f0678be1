// The card shown when the reader hovers or focuses a highlighted quote: speaker, role, country, the
// stances the quote expresses (from the summary), and a button to the next quote of the same side.
// In a closed shadow root; page text only ever inserted as text.
import { countryName } from '../lib/country-names';
import type { CountryColour } from '../lib/palette';
import type { Quote, StatementKind, Summary, TopicStance } from '../lib/types';
import { markOf, quoteIndexOf } from './quote-navigation';
import { element, mountShadowUi } from './shadow-ui';

export interface QuoteCardContent {
  speaker: string | null;
  role: string | null;
  country: string | null;
  kind: StatementKind;
  /** The topics this quote is evidence for, with the side's stance. */
  stances: { topic: string; stance: TopicStance['stance'] }[];
  /** 1-based place of the quote among its side's quotes, and how many the side has. */
  position: number;
  sideTotal: number;
}

/**
 * What the card says about quote `index` of an analysis; null for an index it does not have. `shown`:
 * the quotes highlighted on the page (a quote nested in another is not), which the side's count counts.
 */
export function describeQuote(index: number, quotes: readonly Quote[], summary: Summary, shown?: ReadonlySet<number>): QuoteCardContent | null {
  const quote = quotes[index];
  if (!quote) return null;
  const side = quotes.map((q, i) => ({ q, i })).filter(({ q, i }) => q.country === quote.country && (!shown || shown.has(i) || i === index));
  const topics = summary.sides.find((s) => s.country === quote.country)?.topics ?? [];
  return {
    speaker: quote.speaker,
    role: quote.role,
    country: quote.country,
    kind: quote.kind,
    stances: topics.filter((t) => t.stance !== 'mentions' && t.evidence.includes(index)).map(({ topic, stance }) => ({ topic, stance })),
    position: side.findIndex(({ i }) => i === index) + 1,
    sideTotal: side.length,
  };
}

const STANCE_WORDS: Record<TopicStance['stance'], string> = { supports: 'for', opposes: 'against', mixed: 'mixed on', mentions: 'mentions' };

const CSS = `
.card{position:fixed;max-width:320px;min-width:220px;padding:10px 12px;border-radius:8px;background:#fff;color:#1d1d24;
  border:1px solid #c9c9d4;border-top:4px solid var(--accent);box-shadow:0 6px 24px rgba(0,0,0,.22);
  font:13px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;text-align:left;}
.card[hidden]{display:none}
.head{display:flex;align-items:center;gap:6px;margin:0 0 6px;color:#4a4a58;font-size:12px}
.code{display:inline-block;min-width:26px;padding:1px 5px;border-radius:3px;background:var(--accent);color:var(--on-accent);
  font-weight:800;font-size:11px;letter-spacing:.04em;text-align:center}
.speaker{margin:0;font-size:15px;font-weight:700}
.role{margin:1px 0 0;color:#4a4a58}
.stances{display:flex;flex-wrap:wrap;gap:4px;margin:8px 0 0;padding:0;list-style:none}
.stance{padding:1px 7px;border-radius:10px;border:1px solid #d6d6de;background:#f3f3f6;font-size:11px}
.next{display:block;width:100%;margin:10px 0 0;padding:5px 8px;border:1px solid #23232d;border-radius:6px;background:#23232d;color:#fff;
  font:inherit;font-size:12px;cursor:pointer}
.next:hover,.next:focus-visible{background:#3a3a48;outline:2px solid var(--accent);outline-offset:1px}
.keys{margin:6px 0 0;color:#6a6a78;font-size:11px}`;

export interface QuoteCardOptions {
  /** The card's content for quote `index`, or null to show no card. */
  content(index: number): QuoteCardContent | null;
  colour(country: string | null): CountryColour;
  /** Takes the reader to the next quote of the side of quote `index`. */
  next(index: number): void;
  signal: AbortSignal;
}

/** How long the pointer may travel from a quote to its card before the card goes. */
const HIDE_DELAY_MS = 300;

/** Shows the card for any highlighted quote under the pointer or with focus; gone when `signal` aborts. */
export function mountQuoteCard(doc: Document, options: QuoteCardOptions): { hide(): void } {
  const { signal } = options;
  const root = mountShadowUi(doc, 'card', CSS, signal);
  const card = element(doc, 'div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Quote details');
  card.hidden = true;
  root.append(card);
  const view = doc.defaultView!;
  let anchor: HTMLElement | null = null;
  let hideTimer = 0;

  const place = () => {
    if (!anchor?.isConnected) return hide();
    // Below (or above) the whole hovered piece, so the card never covers the quote's own lines.
    const box = anchor.getBoundingClientRect();
    const firstLine = anchor.getClientRects()[0] ?? box;
    const { innerWidth, innerHeight } = view;
    const height = card.offsetHeight;
    const width = card.offsetWidth;
    const below = box.bottom + 8 + height <= innerHeight || box.top - 8 - height < 0;
    card.style.top = `${Math.max(4, below ? box.bottom + 8 : box.top - 8 - height)}px`;
    card.style.left = `${Math.min(Math.max(4, firstLine.left), Math.max(4, innerWidth - width - 4))}px`;
  };

  const show = (mark: HTMLElement) => {
    view.clearTimeout(hideTimer);
    const index = quoteIndexOf(mark);
    const content = options.content(index);
    if (!content) return hide();
    anchor = mark;
    const colour = options.colour(content.country);
    card.style.setProperty('--accent', colour.accent);
    card.style.setProperty('--on-accent', colour.onAccent);
    const head = element(doc, 'p', 'head');
    const where = content.country ? countryName(content.country) : 'Country unknown';
    head.append(element(doc, 'span', 'code', content.country ?? '?'), element(doc, 'span', undefined, `${where} · ${content.kind === 'direct' ? 'quote' : 'reported speech'}`));
    const parts: HTMLElement[] = [head, element(doc, 'p', 'speaker', content.speaker ?? 'Speaker not named')];
    if (content.role) parts.push(element(doc, 'p', 'role', content.role));
    if (content.stances.length) {
      const list = element(doc, 'ul', 'stances');
      list.append(...content.stances.map((s) => element(doc, 'li', 'stance', `${STANCE_WORDS[s.stance]} ${s.topic}`)));
      parts.push(list);
    }
    if (content.sideTotal > 1) {
      const next = element(doc, 'button', 'next', `Next ${content.country ?? 'unattributed'} quote ↓ (${content.position} of ${content.sideTotal})`);
      next.type = 'button';
      next.addEventListener('click', () => options.next(index));
      parts.push(next);
    }
    card.replaceChildren(...parts);
    card.hidden = false;
    place();
  };

  function hide(): void {
    view.clearTimeout(hideTimer);
    card.hidden = true;
    anchor = null;
  }
  const hideSoon = () => {
    view.clearTimeout(hideTimer);
    hideTimer = view.setTimeout(hide, HIDE_DELAY_MS);
  };

  const listen = { signal };
  doc.addEventListener('pointerover', (event) => {
    const mark = markOf(event.target);
    if (mark && mark !== anchor) show(mark);
    else if (mark) view.clearTimeout(hideTimer);
  }, listen);
  doc.addEventListener('pointerout', (event) => {
    if (markOf(event.target) && !markOf(event.relatedTarget)) hideSoon();
  }, listen);
  doc.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  }, listen);
  doc.addEventListener('focusout', (event) => {
    if (markOf(event.target)) hideSoon();
  }, listen);
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !card.hidden) hide();
  }, listen);
  // The pointer on the card keeps it; leaving it hides it.
  card.addEventListener('pointerenter', () => view.clearTimeout(hideTimer), listen);
  card.addEventListener('pointerleave', hideSoon, listen);
  card.addEventListener('focusin', () => view.clearTimeout(hideTimer), listen);
  view.addEventListener('scroll', () => !card.hidden && place(), { signal, passive: true });
  view.addEventListener('resize', () => !card.hidden && place(), { signal, passive: true });
  signal.addEventListener('abort', () => view.clearTimeout(hideTimer), { once: true });
  return { hide };
}
