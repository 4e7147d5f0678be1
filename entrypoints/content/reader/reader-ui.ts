// What the reader sees around the highlights: the colours (one stylesheet, restyled live when the scheme
// or the pair changes), the hover/focus card, the legend and the quote keys. Part of the reader module,
// so a page without an article never loads it; built on the first highlighted result, gone when the
// highlights go. The colours go on with the last marks; the legend, card and keys follow in a task of
// their own (session.soon), so the coloured highlights do not wait for them.
import { describeQuote, mountQuoteCard } from '../../../dom/card';
import { listenForQuoteKeys, QUOTE_KEYS_HINT, type QuoteMove } from '../../../dom/keyboard';
import { mountLegend, type LegendSide } from '../../../dom/legend';
import { goToQuote, quotesInPageOrder, stepQuote } from '../../../dom/quote-navigation';
import { countryName } from '../../../lib/country-names';
import { sidePalette, type CountryColour } from '../../../lib/palette';
import { isHighlighted, sideColours, UNKNOWN } from '../features/highlight-colours';
import type { PageResult } from '../../background/messages';
import type { ReaderSettings } from '../reader-settings';
import type { Feature } from '../session';

/** The country a mark carries for quote `index`'s side ('unknown' for none). */
const markCountry = (result: PageResult, index: number) => result.quotes[index]?.country ?? UNKNOWN;

type HighlightedQuote = ReturnType<typeof quotesInPageOrder>[number];

/** The sides in the order shown (the pinned pair first), then the quotes with no known country; counts of the quotes highlighted. */
function legendSides(result: PageResult, ranked: string[], highlighted: readonly HighlightedQuote[]): LegendSide[] {
  const byCode = new Map(result.sides.map((side) => [side.country, side]));
  const counts = new Map<string, number>();
  for (const { country } of highlighted) counts.set(country, (counts.get(country) ?? 0) + 1);
  const sides: LegendSide[] = ranked
    .filter((code) => counts.get(code))
    .map((code) => ({ country: code, name: byCode.get(code)?.name || countryName(code), count: counts.get(code)! }));
  if (counts.get(UNKNOWN)) sides.push({ country: null, name: 'Country unknown', count: counts.get(UNKNOWN)! });
  return sides;
}

export const readerUi =
  (settings: ReaderSettings): Feature =>
  (session, signal) => {
    /** The card, legend and quote keys, once a result has been shown. */
    let controls: { controller: AbortController; update(result: PageResult): void } | null = null;
    let colourOf: (code: string | null) => CountryColour = sidePalette([], 'standard');

    const mountControls = () => {
      const controller = new AbortController();
      const uiSignal = AbortSignal.any([signal, controller.signal]);
      let result = session.result!;
      const goToSide = (country: string, from: number | null) => {
        const target = stepQuote(document, from, 1, (c) => c === country);
        if (target !== null) goToQuote(document, target);
      };
      const card = mountQuoteCard(document, {
        content: (index) => describeQuote(index, result.quotes, result.summary, new Set(quotesInPageOrder(document).map((q) => q.quote))),
        colour: (country) => colourOf(country),
        next: (index) => goToSide(markCountry(result, index), index),
        signal: uiSignal,
      });
      const legend = mountLegend(document, {
        keys: QUOTE_KEYS_HINT,
        onPick: (country) => {
          const code = country ?? UNKNOWN;
          const focused = document.activeElement?.closest('mark[data-stancemark-quote]');
          const at = focused ? Number(focused.getAttribute('data-stancemark-quote')) : null;
          goToSide(code, at !== null && markCountry(result, at) === code ? at : null);
        },
        signal: uiSignal,
      });
      listenForQuoteKeys(
        document,
        (move: QuoteMove, current) => {
          const target =
            move === 'next-of-side' && current !== null
              ? stepQuote(document, current, 1, (c) => c === markCountry(result, current))
              : stepQuote(document, current, move === 'previous' ? -1 : 1);
          if (target !== null) goToQuote(document, target);
        },
        uiSignal,
      );
      const update = (next: PageResult) => {
        result = next;
        const colours = sideColours(next, settings);
        colourOf = colours.colourOf;
        legend.update(legendSides(next, colours.ranked, quotesInPageOrder(document)), colourOf);
        card.hide();
      };
      return { controller, update };
    };

    const show = (result: PageResult) => {
      if (!isHighlighted(result)) {
        controls?.controller.abort();
        controls = null;
        return;
      }
      // After the coloured marks, in a task of their own, unless another result came meanwhile.
      session.soon(() => {
        if (session.result !== result) return;
        controls ??= mountControls();
        controls.update(result);
      });
    };

    session.onResult(show, signal);
    // The module may arrive after the first result was shown.
    if (session.result) show(session.result);
    settings.onChange(() => {
      if (session.result) show(session.result);
    }, signal);
  };
