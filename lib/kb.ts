// The knowledge base of what an article may not say: which country (or international body) a person,
// institution, group or place stands for, with office terms. Built by scripts/build-kb.ts into
// assets/kb/kb.json, whose tables are sorted strings: the engine binary-searches them as they are, so
// loading the KB costs nothing per entry, and each lookup an article makes is remembered.
import { remembered } from './remembered';
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
 * The serialised KB (see encodeKb). `people` and `phrases` are sorted runs of `key` + code symbol for names that
 * only ever stand for one code: a key is lowercase words, a code symbol one or two of `symbols` (characters no
 * key has), so each key ends where its symbol starts. The `...Dated` tables hold sorted `key\tCODE:from:to;...`
 * lines for names whose code changed over time (Ban Ki-moon: KR, then UN). People are stored family name first
 * ("kerri john"; "ban ki moon" as it is), so the people of a surname stand together.
 */
export interface KbFile {
  version: number;
  /** The code symbols: each of the first `singles` stands for a code alone, each later one starts a pair with any symbol. */
  symbols: string;
  singles: number;
  /** The codes by symbol number, `|`-separated ('' = stands for no state). */
  codes: string;
  /** People by full-name key (see nameKey), family name first. */
  people: string;
  peopleDated: string;
  /** Institutions, groups, bodies, places, capitals, media by phrase key (see phraseKey). */
  phrases: string;
  phrasesDated: string;
  /** Nationality adjectives and their plurals as nouns, sorted `adjective\tCODE` lines: "russian", "russians" -> code. */
  demonyms: string;
  /** People whose family name comes first ("Ban Ki-moon", "Park Geun-hye"): sorted `key|key...` (given order). */
  familyFirst: string;
}

export interface KnowledgeBase {
  /** The person's terms by full name (see nameKey). */
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
  /**
   * True when a phrase of more words starts with this phrase key and a space ("united" -> "united nations"):
   * a text is scanned word by word while the words read so far may go on into a phrase.
   */
  phraseGoesOn(key: string): boolean;
  /** A one-word phrase key as a node to walk on from, word by word (see phraseAfter). */
  phraseNode(key: string): PhraseNode;
  /** The node of the node's words and one more ("united nations" after "united"), remembered in the node. */
  phraseAfter(node: PhraseNode, word: string): PhraseNode;
  demonym(key: string): CountryCode | undefined;
}

/** A phrase key as looked up: its terms, whether longer phrases start with it, the nodes of its longer forms looked up so far. */
export interface PhraseNode {
  key: string;
  terms: Term[] | undefined;
  goesOn: boolean;
  next?: Map<string, PhraseNode>;
}

// Spellings transliterations vary on: word endings (Sergey/Sergei, Dmitriy/Dmitry/Dmitri) and y after a
// vowel (Shoygu/Shoigu). Both the KB and the article are folded the same way.
const ASCII = /^[\x00-\x7f]*$/;
const FINAL_VARIANT = /(?:ey|ei|iy|yi|ii|y)$/;
const VOWEL_Y = /([aeiou])y/g;

/** How many answers each remembered lookup keeps: names, words and lookups recur within and across articles. */
const REMEMBERED = 20_000;

// Letters with no accent to strip that English writes plainly ("Yıldırım" -> "Yildirim", "Łukasz", "Đukanović"):
// with them folded, the KB's keys are Latin-1, which the engine scans as one-byte strings.
const PLAIN_LETTERS: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D' };

/** The text without accents (plain ASCII, most text, is returned as it is: the costly normalize is skipped). */
function unaccented(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[ıłŁđĐ]/g, (c) => PLAIN_LETTERS[c]);
}

/** One word folded for matching: no accents, no dots or apostrophes, lowercase, transliteration variants folded. */
export const foldWord = remembered((word) => {
  let w = unaccented(word).toLowerCase().replace(/[.'’‘`]/g, '');
  w = w.replace(VOWEL_Y, '$1i');
  return w.length > 3 ? w.replace(FINAL_VARIANT, 'i') : w;
}, REMEMBERED);

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
export const nameKey = remembered((name) => nameWords(name).join(' '), REMEMBERED);

/** The key of a phrase (institution, place, body): plain lowercase words without dots or accents, no folding. */
export const phraseKey = remembered(
  (phrase) =>
    unaccented(phrase)
      .toLowerCase()
      .replace(/[.’'`]/g, '')
      .split(/[\s\-_‐–]+/)
      .filter(Boolean)
      .join(' '),
  REMEMBERED,
);


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

/** "mohammad javad zarif" -> "mohammad zarif": a key of three or four words without its middle words, else undefined. */
function withoutMiddleNames(key: string): string | undefined {
  const words = key.split(' ');
  return words.length === 3 || words.length === 4 ? `${words[0]} ${words[words.length - 1]}` : undefined;
}

/** "john kerri" -> "kerri john": a key with its family name first, as people are stored. */
function familyNameFirst(key: string): string {
  const space = key.lastIndexOf(' ');
  return space < 0 ? key : `${key.slice(space + 1)} ${key.slice(0, space)}`;
}

/**
 * A sorted table searched in place, moving forward only (with native string scans: the first lookups run
 * before the engine's code is optimised): the first entry starting at or after an offset, where an entry's
 * key ends, where the next entry starts.
 */
interface SortedTable {
  text: string;
  startFrom(at: number): number;
  keyEnd(start: number): number;
  next(keyEnd: number): number;
}

/** The first entry whose key is not below `key` (by string order), or the text's length: a binary search on offsets. */
function lowerBound(table: SortedTable, key: string): number {
  const { text } = table;
  let lo = 0;
  let hi = text.length;
  // lo and hi are entry starts: every key before lo is below `key`, none from hi on.
  while (lo < hi) {
    let start = table.startFrom((lo + hi) >>> 1);
    // No entry starts between the middle and hi: the one at lo is left to decide.
    if (start >= hi) start = lo;
    const end = table.keyEnd(start);
    if (text.slice(start, end) < key) lo = table.next(end);
    else hi = start;
  }
  return lo;
}

/** Where `key`'s entry ends its key, or -1 when the table has no such key. */
function keyEndOf(table: SortedTable, key: string): number {
  const start = lowerBound(table, key);
  if (start >= table.text.length) return -1;
  const end = table.keyEnd(start);
  return end - start === key.length && table.text.startsWith(key, start) ? end : -1;
}


/** How code symbols read: the number of each symbol character (ASCII), -1 for characters of keys. */
interface Symbols {
  numberOf: Int8Array;
  count: number;
  singles: number;
  codes: string[];
  /** Sticky patterns: a run of key characters (maybe empty), a run of symbols. */
  keyRun: RegExp;
  symbolRun: RegExp;
}

function symbolsOf(file: KbFile): Symbols {
  const numberOf = new Int8Array(128).fill(-1);
  for (let i = 0; i < file.symbols.length; i++) numberOf[file.symbols.charCodeAt(i)] = i;
  const set = file.symbols.replace(/[\\\]\[^-]/g, '\\$&');
  return {
    numberOf,
    count: file.symbols.length,
    singles: file.singles,
    codes: file.codes.split('|'),
    keyRun: new RegExp(`[^${set}]*`, 'y'),
    symbolRun: new RegExp(`[${set}]+`, 'y'),
  };
}

/** A table of keys each followed by its code symbol; `codeAt` reads the code a key ends at. */
function symbolTable(text: string, symbols: Symbols): SortedTable & { codeAt(keyEnd: number): string } {
  const { numberOf, singles, count, codes, keyRun, symbolRun } = symbols;
  const isSymbol = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c < 128 && numberOf[c] >= 0;
  };
  const keyEnd = (start: number): number => {
    keyRun.lastIndex = start;
    keyRun.test(text);
    return keyRun.lastIndex;
  };
  return {
    text,
    startFrom(at) {
      if (at === 0 || (isSymbol(at - 1) && !isSymbol(at))) return at;
      symbolRun.lastIndex = keyEnd(at);
      return symbolRun.test(text) ? symbolRun.lastIndex : text.length;
    },
    keyEnd,
    next: (end) => end + (numberOf[text.charCodeAt(end)] < singles ? 1 : 2),
    codeAt(end) {
      const first = numberOf[text.charCodeAt(end)];
      return codes[first < singles ? first : singles + (first - singles) * count + numberOf[text.charCodeAt(end + 1)]];
    },
  };
}

/** A table of `key` or `key\tvalue` entries separated by `separator`; `valueAt` reads an entry's value. */
function lineTable(text: string, separator: string): SortedTable & { valueAt(keyEnd: number): string } {
  const endOf = (i: number): number => {
    const end = text.indexOf(separator, i);
    return end < 0 ? text.length : end;
  };
  return {
    text,
    startFrom: (at) => (at === 0 ? 0 : endOf(at - 1) + 1),
    keyEnd(start) {
      const tab = text.indexOf('\t', start);
      const end = endOf(start);
      return tab >= 0 && tab < end ? tab : end;
    },
    next: (keyEnd) => endOf(keyEnd) + 1,
    valueAt: (keyEnd) => text.slice(keyEnd + 1, endOf(keyEnd)),
  };
}

function parseTerms(field: string): Term[] {
  return field.split(';').map((t) => {
    const [code, from, to] = t.split(':');
    return { code, from: Number(from || 0), to: Number(to || 0) };
  });
}

/**
 * The KB over a serialised file. Nothing is read ahead: each lookup binary-searches the file's sorted strings
 * (a few microseconds) and is remembered, so loading costs nothing per entry and an article pays only for the
 * names it holds.
 */
export function createKnowledgeBase(file: KbFile): KnowledgeBase {
  const symbols = symbolsOf(file);
  const people = symbolTable(file.people, symbols);
  const phrases = symbolTable(file.phrases, symbols);
  const peopleDated = lineTable(file.peopleDated, '\n');
  const phrasesDated = lineTable(file.phrasesDated, '\n');
  const demonyms = lineTable(file.demonyms, '\n');
  const familyFirst = lineTable(file.familyFirst, '|');
  // One Term[] per code for all names that only ever stood for it.
  const byCode = new Map<string, Term[]>();
  const undated = (code: string): Term[] => {
    let terms = byCode.get(code);
    if (!terms) byCode.set(code, (terms = [{ code, from: 0, to: 0 }]));
    return terms;
  };
  const termsIn = (table: ReturnType<typeof symbolTable>, dated: ReturnType<typeof lineTable>, key: string): Term[] | undefined => {
    const end = keyEndOf(table, key);
    if (end >= 0) return undated(table.codeAt(end));
    const datedEnd = keyEndOf(dated, key);
    return datedEnd >= 0 ? parseTerms(dated.valueAt(datedEnd)) : undefined;
  };
  const isFamilyFirst = (key: string): boolean => keyEndOf(familyFirst, key) >= 0;
  // People are stored family name first: a name in the other order reaching a family-first key is someone else.
  const storedPerson = (key: string): Term[] | undefined => {
    const first = isFamilyFirst(key);
    const stored = first ? key : familyNameFirst(key);
    return !first && isFamilyFirst(stored) ? undefined : termsIn(people, peopleDated, stored);
  };
  const person = remembered((key) => {
    // Names of three or four words are stored without their middle names when those say nothing more (see encodeKb).
    const short = withoutMiddleNames(key);
    return storedPerson(key) ?? (short ? storedPerson(short) : undefined);
  }, REMEMBERED);
  // The people of a surname stand together in each table: its stored keys are the surname or start with it and a space.
  const ofSurname = remembered((family) => {
    const found: { key: string; terms: Term[] }[] = [];
    if (!family || family.includes(' ')) return found;
    for (const [table, termsAt] of [
      [people, (end: number) => undated(people.codeAt(end))],
      [peopleDated, (end: number) => parseTerms(peopleDated.valueAt(end))],
    ] as [SortedTable, (end: number) => Term[]][]) {
      for (let start = lowerBound(table, family); start < table.text.length; ) {
        const end = table.keyEnd(start);
        const key = table.text.slice(start, end);
        if (key !== family && !key.startsWith(`${family} `)) break;
        found.push({ key, terms: termsAt(end) });
        start = table.next(end);
      }
    }
    return found;
  }, REMEMBERED);
  // A phrase's terms and whether longer phrases start with it, from one search of each table: a phrase's
  // longer forms follow it in key order ("united nations" < "united nations security council").
  const phraseEntry = (key: string): PhraseNode => {
    let terms: Term[] | undefined;
    let goesOn = false;
    for (const [table, termsAt] of [
      [phrases, (end: number) => undated(phrases.codeAt(end))],
      [phrasesDated, (end: number) => parseTerms(phrasesDated.valueAt(end))],
    ] as [SortedTable, (end: number) => Term[]][]) {
      let start = lowerBound(table, key);
      const end = start < table.text.length ? table.keyEnd(start) : start;
      if (key && end - start === key.length && table.text.startsWith(key, start)) {
        terms ??= termsAt(end);
        start = table.next(end);
      }
      goesOn ||= start < table.text.length && table.text.startsWith(`${key} `, start);
    }
    return { key, terms, goesOn };
  };
  const phraseNode = remembered(phraseEntry, REMEMBERED);
  const demonym = remembered((key) => {
    const end = keyEndOf(demonyms, key);
    return end >= 0 ? demonyms.valueAt(end) : undefined;
  }, REMEMBERED);
  // The first-name initial of a stored key: the word after the family name ("kerri john", "ban ki moon").
  const initialOf = (key: string): string => key[key.indexOf(' ') + 1];
  return {
    person: (name) => person(nameKey(name)),
    surname: (surname, initial, date) => {
      const found = ofSurname(foldWord(surname));
      if (!found.length) return [];
      if (initial && !found.some((p) => initialOf(p.key) === foldWord(initial)[0])) return [];
      if (found.length === 1) {
        const { terms } = found[0];
        const byRecency = [...terms].sort((a, b) => b.from - a.from).map((t) => t.code);
        return [...new Set([termAt(terms, date)!.code, ...byRecency])].filter(Boolean);
      }
      const codes = new Set(found.flatMap((p) => p.terms.map((t) => t.code)));
      return codes.size === 1 ? [...codes].filter(Boolean) : [];
    },
    phrase: (key) => phraseNode(key).terms,
    phraseGoesOn: (key) => phraseNode(key).goesOn,
    phraseNode,
    phraseAfter: (node, word) => {
      node.next ??= new Map();
      let after = node.next.get(word);
      if (!after) node.next.set(word, (after = phraseEntry(`${node.key} ${word}`)));
      return after;
    },
    demonym,
  };
}

/** The most words a phrase may have: texts are scanned for phrases this long at most, so longer ones are not stored. */
export const LONGEST_PHRASE = 8;

/** What the KB is built from: terms by natural key (nameKey, phraseKey), demonyms, family-first people. */
export interface KbEntries {
  people: Map<string, Term[]>;
  phrases: Map<string, Term[]>;
  demonyms: Map<string, CountryCode>;
  familyFirst: Set<string>;
}

// Characters a key never has (keys are lowercase words and digits; JSON's quote and backslash aside): code symbols.
const SYMBOL_CHARS = "!#$%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`{|}~";
/** A key the tables can hold: words of lowercase letters (any script) and digits, one space between them. */
export const STORABLE_KEY = /^[^\x00-\x20!-/:-`{-~]+(?: [^\x00-\x20!-/:-`{-~]+)*$/u;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The serialised KB (see KbFile): names that only ever stood for one code keep no dates (they cannot change
 * the answer) and are written key + code symbol, the most frequent codes in one symbol; the rest keep their
 * dated terms. A person's name of three or four words is left out when its first and last words are stored
 * with the same terms (the lookup falls back to them). People are stored family name first, so that the people of
 * a surname stand together. Throws on a key the tables cannot hold, and on two people stored under one key.
 */
export function encodeKb(entries: KbEntries): KbFile {
  const undatedCodes = (terms: Term[]): string | undefined => (terms.every((t) => t.code === terms[0].code) ? terms[0].code : undefined);
  const frequency = new Map<string, number>();
  for (const table of [entries.people, entries.phrases]) {
    for (const [key, terms] of table) {
      if (!STORABLE_KEY.test(key)) throw new Error(`encodeKb: "${key}" is no storable key`);
      const code = undatedCodes(terms);
      if (code !== undefined) frequency.set(code, (frequency.get(code) ?? 0) + 1);
    }
  }
  const codes = [...frequency].sort(([a, m], [b, n]) => n - m || byString(a, b)).map(([code]) => code);
  const count = SYMBOL_CHARS.length;
  // As many pair-starting symbols as the codes need.
  let pairs = 0;
  while (count - pairs + pairs * count < codes.length) pairs++;
  const singles = count - pairs;
  const symbolOf = (i: number): string =>
    i < singles ? SYMBOL_CHARS[i] : SYMBOL_CHARS[singles + Math.floor((i - singles) / count)] + SYMBOL_CHARS[(i - singles) % count];
  const symbolByCode = new Map(codes.map((code, i) => [code, symbolOf(i)]));
  const serialize = (table: Map<string, Term[]>, storedKey: (key: string) => string) => {
    const single: [string, string][] = [];
    const dated: [string, string][] = [];
    const stored = new Set<string>();
    for (const [name, terms] of table) {
      const key = storedKey(name);
      if (stored.has(key)) throw new Error(`encodeKb: two names are stored as "${key}"`);
      stored.add(key);
      const code = undatedCodes(terms);
      if (code !== undefined) single.push([key, symbolByCode.get(code)!]);
      else dated.push([key, terms.map((t) => `${t.code}:${t.from || ''}:${t.to || ''}`).join(';')]);
    }
    single.sort(([a], [b]) => byString(a, b));
    dated.sort(([a], [b]) => byString(a, b));
    return { single: single.map(([k, s]) => k + s).join(''), dated: dated.map(([k, t]) => `${k}\t${t}`).join('\n') };
  };
  // A person's name with middle names whose first and last words are stored with the same terms is left to them.
  const sameTerms = (a: Term[], b: Term[] | undefined): boolean =>
    !!b && a.length === b.length && a.every((t, i) => t.code === b[i].code && t.from === b[i].from && t.to === b[i].to);
  const people = new Map(
    [...entries.people].filter(([key, terms]) => {
      const short = withoutMiddleNames(key);
      return !short || entries.familyFirst.has(key) || entries.familyFirst.has(short) || !sameTerms(terms, entries.people.get(short));
    }),
  );
  const storedPeople = serialize(people, (key) => (entries.familyFirst.has(key) ? key : familyNameFirst(key)));
  const phrases = serialize(entries.phrases, (key) => key);
  return {
    version: 2,
    symbols: SYMBOL_CHARS,
    singles,
    codes: codes.join('|'),
    people: storedPeople.single,
    peopleDated: storedPeople.dated,
    phrases: phrases.single,
    phrasesDated: phrases.dated,
    demonyms: [...entries.demonyms].sort(([a], [b]) => byString(a, b)).map(([k, c]) => `${k}\t${c}`).join('\n'),
    familyFirst: [...entries.familyFirst].filter((k) => entries.people.has(k)).sort(byString).join('|'),
  };
}

let defaultKb: KnowledgeBase | undefined;

/** The committed KB: ready at once (nothing is parsed ahead), one instance whose lookups are remembered. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= createKnowledgeBase(kbData as KbFile);
  return defaultKb;
}
