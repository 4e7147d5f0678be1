import { countryName } from './country-names';
import { startsWithCapital } from './text';
import type { CountryCode, Quote, Side, SideSpeaker } from './types';

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
    .map(({ first, bySpeaker, ...side }) => ({ ...side, speakers: mergeSpellings(side.speakers) }));
}

/** A name's words for comparing spellings: lower case, without dots ("John F. Kerry" -> john f kerry). */
const nameWords = (name: string) => name.toLowerCase().replace(/\./g, '').split(/\s+/).filter(Boolean);

/**
 * One speaker written several ways on a side ("Kerry", "John F Kerry", "John F. Kerry") is listed once, under
 * its fullest spelling with the counts added: a proper name ending in the same word as a fuller one, all its
 * words among the fuller one's. "Obama" and "Obama administration" end differently and stay apart.
 */
function mergeSpellings(speakers: SideSpeaker[]): SideSpeaker[] {
  const words = speakers.map((s) => nameWords(s.name));
  // Only proper names merge: descriptions ("U.S. official", "senior U.S. official") may be different people.
  const named = speakers.map((s) => s.name.split(/\s+/).every((w) => startsWithCapital(w)));
  /** Fuller: more words, then the longer spelling ("John F. Kerry" over "John F Kerry"), then the first listed. */
  const fuller = (j: number, i: number) =>
    words[j].length - words[i].length || speakers[j].name.length - speakers[i].name.length || i - j;
  const spells = (j: number, i: number) => {
    const [mine, other] = [words[i], words[j]];
    return !!mine.length && named[i] && other[other.length - 1] === mine[mine.length - 1] && mine.every((w) => other.includes(w));
  };
  // The fullest spelling among those that spell a name is its own fullest: listing under it merges them all.
  const merged = new Map<number, SideSpeaker>();
  speakers.forEach((s, i) => {
    let fullest = i;
    for (let j = 0; j < speakers.length; j++) if (spells(j, i) && fuller(j, fullest) > 0) fullest = j;
    const target = merged.get(fullest) ?? { ...speakers[fullest], count: 0 };
    target.count += s.count;
    target.role ??= s.role;
    merged.set(fullest, target);
  });
  return [...merged.values()];
}
