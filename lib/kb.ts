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
  /**
   * The phrases of several words as a trie by word key ("united" -> "nations" -> "security" -> "council"),
   * for scanning a text word by word; one-word phrases are looked up with `phrase`. Built on first use.
   */
  longPhrases(): Map<string, PhraseNode>;
}

/** A node of the phrase trie: the terms of the phrase that ends here, and the words that go on. */
export interface PhraseNode {
  terms?: Term[];
  next?: Map<string, PhraseNode>;
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

/**
 * Reads a table of `CODE\tkey|key|...` lines (one shared Term[] per line) and `key\tCODE:from:to;...` lines into
 * a map. Native splits and one Map.set per key: the KB is parsed when the engine first runs, before the code
 * is optimised, so the JavaScript done per entry is kept small.
 */
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

// The keys of several words in a table's text (found natively: half the phrases are one word).
const KEYS_OF_SEVERAL_WORDS = /(?<=[\t|]|^)[^\t|\n ]+ [^\t|\n]*(?=[|\n\t]|$)/gm;

/** The trie of a table's keys of several words, each ending in its terms. */
function trieOf(phrases: Map<string, Term[]>, ...tables: string[]): Map<string, PhraseNode> {
  const root = new Map<string, PhraseNode>();
  for (const table of tables) {
    for (const key of table.match(KEYS_OF_SEVERAL_WORDS) ?? []) {
      const words = key.split(' ');
      let level = root;
      let node: PhraseNode | undefined;
      for (let w = 0; w < words.length; w++) {
        node = level.get(words[w]);
        if (!node) level.set(words[w], (node = {}));
        if (w < words.length - 1) level = node.next ??= new Map();
      }
      node!.terms = phrases.get(key);
    }
  }
  return root;
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
  let longPhrases: Map<string, PhraseNode> | undefined;
  const demonyms = new Map<string, CountryCode>();
  for (const line of file.demonyms.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) demonyms.set(line.slice(0, tab), line.slice(tab + 1));
  }
  // Full-name keys by surname (a key, or several), built on the first surname lookup: a one-time parse
  // should do no more than it must.
  let surnames: Map<string, string | string[]> | undefined;
  let familyFirst: Set<string> | undefined;
  const surnameIndex = (): Map<string, string | string[]> => {
    if (surnames) return surnames;
    surnames = new Map();
    familyFirst = new Set((file.familyFirst ?? '').split('|'));
    for (const key of people.keys()) {
      const surname = familyFirst.has(key) ? key.slice(0, key.indexOf(' ')) : key.slice(key.lastIndexOf(' ') + 1);
      const seen = surnames.get(surname);
      if (seen === undefined) surnames.set(surname, key);
      else if (typeof seen === 'string') surnames.set(surname, [seen, key]);
      else seen.push(key);
    }
    return surnames;
  };
  // The first-name initial of a full-name key: the word after the family name for family-first names.
  const initialOf = (key: string): string => (familyFirst!.has(key) ? key[key.indexOf(' ') + 1] : key[0]);
  return {
    person: (name) => people.get(nameKey(name)),
    surname: (surname, initial, date) => {
      const found = surnameIndex().get(foldWord(surname));
      if (found === undefined) return [];
      const keys = typeof found === 'string' ? [found] : found;
      if (initial && !keys.some((k) => initialOf(k) === foldWord(initial)[0])) return [];
      if (keys.length === 1) {
        const terms = people.get(keys[0])!;
        const byRecency = [...terms].sort((a, b) => b.from - a.from).map((t) => t.code);
        return [...new Set([termAt(terms, date)!.code, ...byRecency])].filter(Boolean);
      }
      const codes = new Set(keys.flatMap((k) => people.get(k)!.map((t) => t.code)));
      return codes.size === 1 ? [...codes].filter(Boolean) : [];
    },
    phrase: (key) => phrases.get(key),
    demonym: (key) => demonyms.get(key),
    longPhrases: () => (longPhrases ??= trieOf(phrases, file.phrases, file.phrasesDated)),
  };
}

let defaultKb: KnowledgeBase | undefined;

/** The committed KB, parsed on first use. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= createKnowledgeBase(kbData as KbFile);
  return defaultKb;
}
