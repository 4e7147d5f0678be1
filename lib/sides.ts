import { countryName } from './country-names';
import type { CountryCode, Quote, Side } from './types';

/**
 * The countries and bodies that speak in the article, ranked by direct quotes, ties broken by reported
 * statements and then by who speaks first. Statements without a known country make no side.
 */
export function rankSides(quotes: Quote[]): Side[] {
  const sides = new Map<CountryCode, Side & { first: number; bySpeaker: Map<string, number> }>();
  quotes.forEach((q, i) => {
    if (!q.country) return;
    let side = sides.get(q.country);
    if (!side) {
      side = { country: q.country, name: countryName(q.country), direct: 0, indirect: 0, speakers: [], first: i, bySpeaker: new Map() };
      sides.set(q.country, side);
    }
    if (q.kind === 'direct') side.direct++;
    else side.indirect++;
    if (q.speaker) {
      const at = side.bySpeaker.get(q.speaker);
      if (at === undefined) {
        side.bySpeaker.set(q.speaker, side.speakers.length);
        side.speakers.push({ name: q.speaker, role: q.role, count: 1 });
      } else side.speakers[at].count++;
    }
  });
  return [...sides.values()]
    .sort((a, b) => b.direct - a.direct || b.indirect - a.indirect || a.first - b.first)
    .map(({ first, bySpeaker, ...side }) => side);
}
