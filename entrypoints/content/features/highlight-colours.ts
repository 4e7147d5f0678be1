// The highlights' colours: one stylesheet keyed on each mark's country, applied in the task of the last
// marks (they are never painted in the browser's default <mark> style) and restyled at once when the
// scheme or the pinned pair changes. Part of the script every page runs, so coloured highlights never
// wait for the reader module; it does nothing until a result is highlighted.
import { pageTheme, themeCss } from '../../../dom/theme';
import { orderSides } from '../../../extension/settings';
import { sidePalette, type CountryColour } from '../../../lib/palette';
import type { PageResult } from '../../background/messages';
import type { ReaderSettings } from '../reader-settings';
import type { Feature } from '../session';

export const UNKNOWN = 'unknown';

/** Whether `result` has highlights on the page to colour. */
export const isHighlighted = (result: PageResult) => result.state === 'done' && result.highlighted && result.quotes.length > 0;

/**
 * The standard scheme's colours, remembered for the page: each is a function of its code alone, derived by
 * bisecting shades (lib/palette.ts, 5-14 ms for the 30 countries of the 20,000-word bench page), and the
 * same codes are asked for again with every result (the summary's arrival, a rerun). The reader module's
 * legend and card, a bundle of their own, keep their own copy.
 */
const standardColours = new Map<string | null, CountryColour>();

/** The sides in the order shown (the pinned pair first) and each country's colour, remembered per code. */
export function sideColours(result: PageResult, settings: ReaderSettings): { ranked: string[]; colourOf: (code: string | null) => CountryColour } {
  const ranked = orderSides(result.sides.map((s) => s.country), settings.current.pair);
  const { scheme } = settings.current;
  const palette = sidePalette(ranked, scheme);
  // The colour-blind scheme's colours follow the sides' order: remembered for this result only.
  const known = scheme === 'standard' ? standardColours : new Map<string | null, CountryColour>();
  const colourOf = (code: string | null) => {
    let colour = known.get(code);
    if (!colour) known.set(code, (colour = palette(code)));
    return colour;
  };
  return { ranked, colourOf };
}

export const highlightColours =
  (settings: ReaderSettings): Feature =>
  (session, signal) => {
    const theme = pageTheme(document);
    const show = (result: PageResult) => {
      if (!isHighlighted(result)) return theme.remove();
      const { colourOf } = sideColours(result, settings);
      // Every country the findings name, marked or not (a rule without a mark costs nothing): the marks are not read back.
      const codes = new Set([...result.quotes.map((q) => q.country ?? UNKNOWN), UNKNOWN]);
      theme.apply(themeCss(codes, (code) => colourOf(code === UNKNOWN ? null : code)));
    };
    session.onResult(show, signal);
    settings.onChange(() => {
      if (session.result) show(session.result);
    }, signal);
    signal.addEventListener('abort', () => theme.remove(), { once: true });
  };
