// The knowledge base of what an article may not say: which country (or international body) a person,
// institution, group or place stands for, with office terms. Built by scripts/build-kb.ts into
// assets/kb/kb.json; this module parses it once into maps and answers lookups in O(1).
import kbData from '../assets/kb/kb.json';
import type { CountryCode } from './types';

/**
 * One dated claim: `code` holds from `from` to `to` (YYYYMMDD numbers, 0 = open). A `code` of '' means
 * "known, and stands for no state" (an NGO, a generic intergovernmental body, a region).
 */
export interface Term {
  code: CountryCode | '';
  from: number;
  to: number;
}

/**
 * The serialised KB: each table is one string, cheap to ship and to type-check. `people` and `phrases` hold
 * `CODE\tkey|key|...` lines for names that only ever stand for one code; the `...Dated` tables hold
 * `key\tCODE:from:to;CODE:from:to` lines for names whose code changed over time (Ban Ki-moon: KR, then UN).
 */
export interface KbFile {
  version: number;
  /** Names of people by full-name key (see nameKey). */
  people: string;
  peopleDated: string;
  /** Institutions, groups, bodies, places, capitals, media by phrase key (see phraseKey). */
  phrases: string;
  phrasesDated: string;
  /** Nationality adjectives and their plurals as nouns: "russian", "russians" -> code. */
  demonyms: string;
  /** People whose family name comes first ("Ban Ki-moon", "Park Geun-hye"): `key|key...`. */
  familyFirst: string;
}

/** A node of the phrase trie: the terms of the phrase that ends here, and the words that go on. */
export interface PhraseNode {
  terms?: Term[];
  next?: Map<string, PhraseNode>;
}

export interface KnowledgeBase {
  /** The person's terms by full-name key (see nameKey). */
  person(name: string): Term[] | undefined;
  /**
   * The codes the KB knows for people of this surname: for a single person every code they held, the one
   * in force at `date` first, then the most recent; for several people their one common code. Empty when
   * they differ, or when `initial` (the article's first-name initial) is given and no such person's first
   * name has it.
   */
  surname(surname: string, initial?: string, date?: string): CountryCode[];
  /** A phrase's terms by phrase key: "kremlin", "state department", "moscow", "nato". */
  phrase(key: string): Term[] | undefined;
  demonym(key: string): CountryCode | undefined;
  /** The phrases as a trie by word key, for scanning text word by word (built on first use). */
  phraseTrie(): Map<string, PhraseNode>;
}

// Spellings transliterations vary on: word endings (Sergey/Sergei, Dmitriy/Dmitry/Dmitri) and y after a
// vowel (Shoygu/Shoigu). Both the KB and the article are folded the same way.
// Plain ASCII needs no accent folding (most text: the costly normalize is skipped).
const ASCII = /^[\x00-\x7f]*$/;
const FINAL_VARIANT = /(?:ey|ei|iy|yi|ii|y)$/;
const VOWEL_Y = /([aeiou])y/g;

/** A pure string function remembered for the last 20,000 inputs: speakers' names and words recur within and across articles. */
function remembered(compute: (input: string) => string): (input: string) => string {
  const seen = new Map<string, string>();
  return (input) => {
    let out = seen.get(input);
    if (out === undefined) {
      if (seen.size >= 20_000) seen.clear();
      out = compute(input);
      seen.set(input, out);
    }
    return out;
  };
}

/** One word folded for matching: no accents, no dots or apostrophes, lowercase, transliteration variants folded. */
export const foldWord = remembered((word) => {
  let w = (ASCII.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase().replace(/[.'’‘`]/g, '');
  w = w.replace(VOWEL_Y, '$1i');
  return w.length > 3 ? w.replace(FINAL_VARIANT, 'i') : w;
});

/** Words of a name: split on spaces, hyphens and underscores; initials ("F.") and suffixes dropped. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[’']s\b/g, '')
    .split(/[\s\-_‐–]+/)
    .filter((w) => w && !/^[A-Za-z]\.?$/.test(w) && !/^(?:jr|sr|ii|iii)\.?$/i.test(w))
    .map(foldWord)
    .filter(Boolean);
}

/** The key a person's name is stored and looked up under: "John F. Kerry" -> "john kerri". */
export const nameKey = remembered((name) => nameWords(name).join(' '));

/** The key of a phrase (institution, place, body): plain lowercase words without dots or accents, no folding. */
export const phraseKey = remembered((phrase) =>
  (ASCII.test(phrase) ? phrase : phrase.normalize('NFD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[.’'`]/g, '')
    .split(/[\s\-_‐–]+/)
    .filter(Boolean)
    .join(' '),
);

function parseTerms(field: string): Term[] {
  return field.split(';').map((t) => {
    const [code, from, to] = t.split(':');
    return { code, from: Number(from || 0), to: Number(to || 0) };
  });
}

function parseTable(byCode: string, dated: string): Map<string, Term[]> {
  const map = new Map<string, Term[]>();
  for (const line of byCode.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const terms = [{ code: line.slice(0, tab), from: 0, to: 0 }];
    for (const key of line.slice(tab + 1).split('|')) map.set(key, terms);
  }
  for (const line of dated.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab), parseTerms(line.slice(tab + 1)));
  }
  return map;
}

/** The code a person's terms give: the one in force at `date`, else the most recent before it, else the latest. */
export function termAt(terms: Term[], date?: string): Term | undefined {
  if (!terms.length) return undefined;
  const byStart = [...terms].sort((a, b) => a.from - b.from || (a.to || Infinity) - (b.to || Infinity));
  const at = date ? Number(date.replace(/-/g, '')) : NaN;
  if (Number.isNaN(at)) return byStart[byStart.length - 1];
  const current = byStart.filter((t) => t.from <= at && (t.to === 0 || at <= t.to));
  if (current.length) return current[current.length - 1];
  const before = byStart.filter((t) => t.from <= at);
  return before.length ? before[before.length - 1] : byStart[0];
}

export function createKnowledgeBase(file: KbFile): KnowledgeBase {
  const people = parseTable(file.people, file.peopleDated);
  const phrases = parseTable(file.phrases, file.phrasesDated);
  const demonyms = new Map<string, CountryCode>();
  for (const line of file.demonyms.split('\n')) {
    const [key, code] = line.split('\t');
    if (key && code) demonyms.set(key, code);
  }
  // People by surname, with their first-name initials to tell a namesake from the KB's person (built on
  // the first surname lookup: a one-time parse should do no more than it must).
  let surnames: Map<string, { people: Term[][]; initials: string }> | undefined;
  const surnameIndex = (): Map<string, { people: Term[][]; initials: string }> => {
    if (surnames) return surnames;
    surnames = new Map();
    const familyFirst = new Set((file.familyFirst ?? '').split('|'));
    for (const [key, terms] of people) {
      const first = key.indexOf(' ');
      const byFamily = familyFirst.has(key);
      const surname = byFamily ? key.slice(0, first) : key.slice(key.lastIndexOf(' ') + 1);
      const initial = byFamily ? key[first + 1] : key[0];
      const seen = surnames.get(surname);
      if (!seen) surnames.set(surname, { people: [terms], initials: initial });
      else {
        seen.people.push(terms);
        if (!seen.initials.includes(initial)) seen.initials += initial;
      }
    }
    return surnames;
  };
  let trie: Map<string, PhraseNode> | undefined;
  const phraseTrie = (): Map<string, PhraseNode> => {
    if (trie) return trie;
    trie = new Map();
    for (const [key, terms] of phrases) {
      const words = key.split(' ');
      let level = trie;
      let node: PhraseNode | undefined;
      for (let w = 0; w < words.length; w++) {
        node = level.get(words[w]);
        if (!node) level.set(words[w], (node = {}));
        // A map only where a phrase goes on: most phrases are one word.
        if (w < words.length - 1) level = node.next ??= new Map();
      }
      node!.terms = terms;
    }
    return trie;
  };
  return {
    person: (name) => people.get(nameKey(name)),
    surname: (surname, initial, date) => {
      const found = surnameIndex().get(foldWord(surname));
      if (!found || (initial && !found.initials.includes(foldWord(initial)[0]))) return [];
      if (found.people.length === 1) {
        const terms = found.people[0];
        const byRecency = [...terms].sort((a, b) => b.from - a.from).map((t) => t.code);
        return [...new Set([termAt(terms, date)!.code, ...byRecency])].filter(Boolean);
      }
      const codes = new Set(found.people.flatMap((terms) => terms.map((t) => t.code)));
      return codes.size === 1 ? [...codes].filter(Boolean) : [];
    },
    phrase: (key) => phrases.get(key),
    demonym: (key) => demonyms.get(key),
    phraseTrie,
  };
}

let defaultKb: KnowledgeBase | undefined;

/** The committed KB, parsed on first use. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= createKnowledgeBase(kbData as KbFile);
  return defaultKb;
}
