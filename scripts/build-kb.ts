// npm run build:kb [-- --check | --trace NAME...]
// Builds assets/kb/kb.json (and its README) from the actor dictionaries in ../shared/data/dicts, the
// country and nationality packages pinned in package.json, and the curated list in assets/kb-sources.
// A fresh clone without ../shared keeps the committed KB: the build says so and exits 0.
// --check builds in memory and exits 1 when the committed KB differs.
// --trace prints, for each NAME, its person and phrase keys with their terms and the sources that gave them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { countries as countriesList } from 'countries-list';
import isoCountries from 'i18n-iso-countries';
import isoEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import nationalityEn from 'i18n-nationality/langs/en.json' with { type: 'json' };
import { createKnowledgeBase, encodeKb, LONGEST_PHRASE, nameKey, phraseKey, type KbFile, type Term } from '../lib/kb';
import { countDevKbOnly } from './country-gold';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dictsDir = join(root, '../shared/data/dicts');
const curatedPath = join(root, 'assets/kb-sources/curated.tsv');
const kbPath = join(root, 'assets/kb/kb.json');
const acronymsPath = join(root, 'assets/kb/country-acronyms.json');
const readmePath = join(root, 'assets/kb/README.md');
/** Size budget of kb.json (raw and gzip): it ships in the content script. */
const BUDGET_BYTES = 450_000;
const BUDGET_GZIP_BYTES = 180_000;
/** Office terms that ended before this are dropped: the KB serves news from the late 2000s on. */
const OLDEST_TERM_END = 20050101;

isoCountries.registerLocale(isoEn);

type Source = 'phoenix' | 'everypolitician' | 'leaders2021' | 'packages' | 'curated';
/** Keys an English article can write: words of Latin letters (Latin-1, the rest folded by the key functions) and digits. */
const ARTICLE_KEY = /^[a-z0-9\u00c0-\u00ff]+(?: [a-z0-9\u00c0-\u00ff]+)*$/;
/** A romanised Korean name, family name first, given name hyphenated: "Ban Ki-moon". */
const FAMILY_FIRST = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+-\p{Ll}+$/u;

interface Table {
  terms: Map<string, Term[]>;
  sources: Map<string, Set<Source>>;
}
const newTable = (): Table => ({ terms: new Map(), sources: new Map() });

function add(table: Table, key: string, term: Term, source: Source): void {
  if (!key || (term.to && term.to < OLDEST_TERM_END)) return;
  const list = table.terms.get(key) ?? [];
  if (!list.some((t) => t.code === term.code && t.from === term.from && t.to === term.to)) list.push(term);
  table.terms.set(key, list);
  const sources = table.sources.get(key) ?? new Set();
  sources.add(source);
  table.sources.set(key, sources);
}

/** ISO alpha-2 for an alpha-3 code; undefined when it is none (regions, the Soviet Union, ...). */
function alpha2(alpha3: string): string | undefined {
  return isoCountries.alpha3ToAlpha2(alpha3) || undefined;
}

// CAMEO codes of the international bodies Stancemark shows as their own side (the rest of IGO* stands for no state).
const CAMEO_BODIES: [RegExp, string][] = [
  [/^IGOUNOIAE/, 'IAEA'],
  [/^IGOUNOHLHWHO/, 'WHO'],
  [/^IGOUNO/, 'UN'],
  [/^IGOWSTNAT/, 'NATO'],
  [/^IGOEUREEC/, 'EU'],
  [/^IGOEURSCE/, 'OSCE'],
  [/^NGOHLHIRC/, 'ICRC'],
  [/^IMGMUSISI/, 'ISIS'],
];

/** How many times each three-letter part of a CAMEO code stands in the dictionaries' codes ("IGOUNOKID": IGO, UNO, KID). */
type CameoParts = Map<string, number>;

function cameoParts(texts: string[]): CameoParts {
  const parts: CameoParts = new Map();
  for (const text of texts) {
    for (const [, code] of text.matchAll(/\[([A-Z]{3,})/g)) {
      for (let i = 0; i + 3 <= code.length; i += 3) parts.set(code.slice(i, i + 3), (parts.get(code.slice(i, i + 3)) ?? 0) + 1);
    }
  }
  return parts;
}

/**
 * A CAMEO actor code as a Stancemark code: a body, a state (alpha-2), or '' for no state; undefined for
 * companies (MNC), which are left out: they are rarely the side a political quote speaks for. A body's code
 * says which body only through parts the dictionaries use again: a part no other code has after the body's
 * prefix is a one-off coding, not one of the body's agencies (the International Energy Agency, an OECD agency,
 * is IGOUNOAIE), so the entry stands for an intergovernmental body of no state.
 */
function cameoCode(code: string, parts: CameoParts): string | undefined {
  for (const [re, body] of CAMEO_BODIES) {
    const prefix = re.exec(code)?.[0];
    if (prefix === undefined) continue;
    const next = code.slice(prefix.length, prefix.length + 3);
    return next.length === 3 && (parts.get(next) ?? 0) < 2 ? '' : body;
  }
  const head = code.slice(0, 3);
  if (head === 'MNC') return undefined;
  // Transnational actors carry their home state after the prefix (NGOUSA..., IMGSYR...), when they have one.
  if (['IGO', 'NGO', 'IMG', 'UIS', 'MED'].includes(head)) return alpha2(code.slice(3, 6)) ?? '';
  return alpha2(head) ?? '';
}

/** YYMMDD or YYYYMMDD as YYYYMMDD; 0 when missing or malformed. */
function cameoDate(value: string | undefined): number {
  if (!value) return 0;
  if (/^\d{8}$/.test(value)) return Number(value);
  if (/^\d{6}$/.test(value)) return Number((Number(value.slice(0, 2)) > 30 ? '19' : '20') + value);
  return 0;
}

function cameoTerm(codeField: string, parts: CameoParts): Term | undefined {
  const m = /^\[([A-Z]{3,})\s*(?:(>|<)\s*(\d+)|(\d+)-(\d+))?\s*\]$/.exec(codeField.trim());
  if (!m) return undefined;
  const code = cameoCode(m[1], parts);
  if (code === undefined) return undefined;
  if (m[2] === '>') return { code, from: cameoDate(m[3]), to: 0 };
  if (m[2] === '<') return { code, from: 0, to: cameoDate(m[3]) };
  return { code, from: cameoDate(m[4]), to: cameoDate(m[5]) };
}

interface PhoenixEntry {
  names: string[];
  /** The line (from 1) each name stands on. */
  lines: number[];
  terms: Term[];
  /** The CAMEO codes as written, without dates ("RUSGOV", "NGOHRI"). */
  cameo: string[];
  /** Entries from the CountryInfo leader lists, or with dated codes, are people. */
  person: boolean;
  /** A country's own entry ([RUS] alone): its names are country names, adjectives and places. */
  country: boolean;
}

/** Parses a Phoenix .actors file: a block of names (first line, then `+` synonyms) followed by `[CODE dates]` lines. */
function parsePhoenix(text: string, parts: CameoParts): PhoenixEntry[] {
  const entries: PhoenixEntry[] = [];
  const datedOffice = new Set<PhoenixEntry>();
  let current: PhoenixEntry | undefined;
  for (const [i, rawLine] of text.split('\n').entries()) {
    const hash = rawLine.indexOf('#');
    const comment = hash >= 0 ? rawLine.slice(hash) : '';
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).replace(/\s+$/, '');
    if (!line.trim()) continue;
    const codes = line.match(/\[[^\]]*\]/g) ?? [];
    const namePart = line.replace(/\[[^\]]*\]/g, '').trim();
    if (namePart && !/^\s/.test(line)) {
      if (namePart.startsWith('+') && current) {
        current.names.push(namePart.slice(1));
        current.lines.push(i + 1);
      } else {
        current = { names: [namePart], lines: [i + 1], terms: [], cameo: [], person: false, country: false };
        entries.push(current);
      }
      if (comment.includes('CountryInfo')) current.person = true;
    }
    if (!current) continue;
    for (const c of codes) {
      const term = cameoTerm(c, parts);
      if (!term) continue;
      current.terms.push(term);
      current.cameo.push(c.replace(/^\[([A-Z]+).*$/s, '$1'));
      if (/^\[[A-Z]{3}[\s\]]/.test(c.trim()) && alpha2(c.slice(1, 4))) current.country = true;
      else if (term.from || term.to) datedOffice.add(current);
    }
  }
  // A dated office (a role after the state: RUSGOV 2004-) marks a person; a bare state code, dated or not
  // (USRUKR until 1991, UKR since), a country's own entry with its cities and regions.
  for (const e of entries) if (datedOffice.has(e) && !e.country) e.person = true;
  return entries.filter((e) => e.terms.length);
}

/** Phoenix names are upper case with `_` for spaces; the rest of a name after a stray mark is noise. */
function phoenixName(name: string): string {
  return name.replace(/_+$/, '').replace(/_/g, ' ').trim();
}

// People whose only offices were domestic portfolios (agriculture, education, health, labour, media,
// environment, justice, economy, ...) are rarely the voice of a state in international news; heads of state
// and government, foreign, defence and security officials (GOV, MIL, SPY, ELI) are kept. This keeps the KB
// inside its size budget.
const INTERNATIONAL_ROLES = new Set(['', 'GOV', 'GOVMIL', 'MIL', 'ELI', 'SPY', 'GOVSPY', 'GOVLEG', 'LEG']);

// The same rule for EveryPolitician's positions, by name.
const DOMESTIC_POSITION = /justice|judge|court|culture|health|education|agricultur|environment|energy|treasury|labou?r|transport|tourism|sport|housing|employment|veterans|solicitor|prosecutor|attorney|science|welfare|communications|budget|first lady/i;

// Title words: a Phoenix synonym carrying one ("PRESIDENT_VLADIMIR_PUTIN") is a phrase the article's own
// words cover better; the plain name is kept.
const TITLE_WORDS = /\b(?:president|minister|secretary|senator|ambassador|general|prime|premier|chairman|leader|spokesman|spokeswoman|king|queen|prince|governor|mayor|judge|representative|chief|deputy|commander|official|foreign|defen[cs]e|former|mr|mrs|dr|gen|col|sen|rep|gov|sheikh)\b/i;

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out;
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = parseCsvLine(header);
  return rows.map((r) => Object.fromEntries(parseCsvLine(r).map((v, i) => [cols[i], v])));
}

/** YYYY-MM-DD, YYYY-MM or YYYY as YYYYMMDD (a missing month or day counts from the start); 0 when absent. */
function isoDate(value: string | undefined, end = false): number {
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return 0;
  return Number(m[1] + (m[2] ?? (end ? '12' : '01')) + (m[3] ?? (end ? '31' : '01')));
}

/** EveryPolitician's international offices: only those that speak for a body Stancemark shows. */
function intlOfficeCode(position: string): string | undefined {
  if (/OSCE/.test(position)) return 'OSCE';
  if (/Secretary-General of the United Nations|United Nations General Assembly/.test(position)) return 'UN';
  return undefined;
}

/** Country names in the world-leaders list that the ISO package spells otherwise. */
function countryCodeByName(name: string): string | undefined {
  const cleaned = name.replace(/^(?:The|Kingdom of( the)?|Republic of|Federated States of|State of) /, '');
  return isoCountries.getAlpha2Code(name, 'en') || isoCountries.getAlpha2Code(cleaned, 'en') || undefined;
}

interface CuratedRow {
  kind: 'person' | 'phrase';
  name: string;
  code: string;
  from: number;
  to: number;
  role: string;
  source: string;
}

function readCurated(): CuratedRow[] {
  const rows: CuratedRow[] = [];
  for (const [i, line] of readFileSync(curatedPath, 'utf8').split('\n').entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [kind, name, code, from, to, role, source] = line.split('\t');
    if ((kind !== 'person' && kind !== 'phrase') || !name || code === undefined || !/^https?:\/\//.test(source ?? ''))
      throw new Error(`${curatedPath}:${i + 1}: expected kind, name, code, from, to, role, source URL`);
    rows.push({ kind, name, code, from: isoDate(from), to: isoDate(to, true), role, source });
  }
  return rows;
}

/** A country's acronym, as the topics merge it with the country's names (scripts/build-topic-aliases.ts reads them). */
interface CountryAcronym {
  code: string;
  /** As the source writes it, without its underscores: "DPRK", "D.P.R.K.". */
  acronym: string;
  /** The country's name whose initials it is. */
  expands: string;
  /** Where the acronym stands: file and line. */
  source: string;
}

// Words an acronym may leave out ("Republic of Korea": ROK or RK).
const MINOR_WORDS = new Set(['of', 'the', 'and', 'for']);

/** The initials of a name of several words: with every word, and without its minor words. */
function initialsOf(name: string): string[] {
  const words = phraseKey(name.replace(/['’]/g, '')).split(' ').filter(Boolean);
  if (words.length < 2) return [];
  return [...new Set([words, words.filter((w) => !MINOR_WORDS.has(w))].map((ws) => ws.map((w) => w[0]).join('')))];
}

/** An acronym as written: two to six capitals, dots between them allowed ("DPRK", "D.P.R.K."). */
const ACRONYM = /^(?:[A-Z]\.?){2,6}$/;

/**
 * The acronyms of a country's own Phoenix entry: a name of one word that spells the initials of a name of
 * the country ("DPRK" for "Democratic People's Republic of Korea", "ROK" for "Republic of Korea"). The
 * country's names are the packages' and those of the entry that share a word with them: the entry also
 * holds the country's places ("D.C.", "District of Columbia", in the United States' entry).
 */
function countryAcronyms(entry: PhoenixEntry, code: string, packageNames: string[], file: string): CountryAcronym[] {
  const packageWords = new Set(packageNames.flatMap((n) => phraseKey(n).split(' ')).filter((w) => !MINOR_WORDS.has(w)));
  const names = [...packageNames, ...entry.names.map(phoenixName).filter((n) => phraseKey(n).split(' ').some((w) => packageWords.has(w)))];
  const expansions = new Map<string, string>();
  for (const name of names) for (const initials of initialsOf(name)) if (!expansions.has(initials)) expansions.set(initials, name);
  const found: CountryAcronym[] = [];
  entry.names.forEach((raw, i) => {
    const acronym = phoenixName(raw);
    const expands = ACRONYM.test(acronym) ? expansions.get(acronym.replace(/\./g, '').toLowerCase()) : undefined;
    if (expands) found.push({ code, acronym, expands, source: `${file}:${entry.lines[i]}` });
  });
  return found;
}

interface Built {
  file: KbFile;
  counts: Record<string, number>;
  people: Table;
  phrases: Table;
  acronyms: CountryAcronym[];
}

function build(withCurated: boolean): Built {
  const people = newTable();
  const familyFirst = new Set<string>();
  const addPerson = (name: string, term: Term, source: Source): void => {
    add(people, nameKey(name), term, source);
    if (FAMILY_FIRST.test(name.trim()) && people.terms.has(nameKey(name))) familyFirst.add(nameKey(name));
  };
  const phrases = newTable();
  const demonyms = new Map<string, string>();
  const counts: Record<string, number> = {};
  const officialNames = isoCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const listed = countriesList as Record<string, { name: string; alias?: string[]; capital: string }>;
  const packageNames = (code: string): string[] => [...(officialNames[code] ?? []), ...(listed[code] ? [listed[code].name, ...(listed[code].alias ?? [])] : [])];
  // The packages' own acronyms for a country (countries-list's "DPRK", "DRC").
  const acronyms: CountryAcronym[] = Object.keys(listed).flatMap((code) =>
    (listed[code].alias ?? []).filter((a) => ACRONYM.test(a)).map((acronym) => ({ code, acronym, expands: listed[code].name, source: 'countries-list 3.4.1' })),
  );

  // Phoenix actor dictionaries (MIT).
  const phoenix = ['Countries', 'International', 'MilNonState'].map((name) => ({ name, text: readFileSync(join(dictsDir, `petrarch2_Phoenix.${name}.actors.txt`), 'utf8') }));
  const parts = cameoParts(phoenix.map((d) => d.text));
  for (const { name, text } of phoenix) {
    const entries = parsePhoenix(text, parts);
    counts[`phoenix ${name} entries`] = entries.length;
    for (const e of entries) {
      // A country's entry: its acronyms, by the state it stands for now.
      const now = e.country ? e.terms.filter((t) => /^[A-Z]{2}$/.test(t.code) && !t.to) : [];
      if (now.length === 1) acronyms.push(...countryAcronyms(e, now[0].code, packageNames(now[0].code), `petrarch2_Phoenix.${name}.actors.txt`));
      for (const raw of e.names) {
        const n = phoenixName(raw);
        if (e.person) {
          if (!TITLE_WORDS.test(n) && e.cameo.some((c) => INTERNATIONAL_ROLES.has(c.slice(3)))) for (const t of e.terms) addPerson(n, t, 'phoenix');
        } else if (!e.country || n.length > 3 || /^[A-Z.]+$/.test(n)) {
          // Of the names that stand for no state only the international NGOs and bodies are kept: they
          // tell a speaker from Human Rights Watch from one of the state a title names after it.
          for (const t of e.terms) if (t.code || (name === 'International' && e.cameo.some((c) => /^(?:NGO|IGO)/.test(c)))) add(phrases, phraseKey(n), t, 'phoenix');
        }
      }
    }
  }

  // EveryPolitician office holders (CC0).
  for (const row of readCsv(join(dictsDir, 'everypolitician_officeholders.csv'))) {
    const code = row.country === 'INTL' ? intlOfficeCode(row.position) : row.country;
    if (!code || !row.person || DOMESTIC_POSITION.test(row.position)) continue;
    addPerson(row.person, { code, from: isoDate(row.start), to: isoDate(row.end, true) }, 'everypolitician');
  }
  // EveryPolitician world leaders 2021 (CC0).
  for (const row of readCsv(join(dictsDir, 'everypolitician_world-leaders-2021_wikidata.csv'))) {
    const code = countryCodeByName(row.country);
    if (!code || !row.officeholderLabel || /^Q\d+$/.test(row.officeholderLabel)) continue;
    addPerson(row.officeholderLabel, { code, from: isoDate(row.start_year), to: isoDate(row.end_year, true) }, 'leaders2021');
  }

  // Country names, aliases and capitals (i18n-iso-countries, countries-list); nationality adjectives (i18n-nationality).
  for (const [code, names] of Object.entries(officialNames)) for (const n of names) add(phrases, phraseKey(n), { code, from: 0, to: 0 }, 'packages');
  for (const [code, c] of Object.entries(countriesList) as [string, { name: string; alias?: string[]; capital: string }][]) {
    for (const n of [c.name, ...(c.alias ?? [])]) add(phrases, phraseKey(n), { code, from: 0, to: 0 }, 'packages');
    // "Washington D.C." is said "Washington"; a capital in parentheses or after a comma is dropped likewise.
    if (c.capital) add(phrases, phraseKey(c.capital.replace(/\s*(?:D\.C\.|\(.*\)|,.*)$/, '')), { code, from: 0, to: 0 }, 'packages');
  }
  for (const [code, adjective] of Object.entries((nationalityEn as { nationalities: Record<string, string> }).nationalities)) {
    // Entries that merely repeat a territory's name ("Cayman Islands") are no adjectives.
    if (/\s|,|-/.test(adjective) && !/^[A-Z][a-z]+ [A-Z][a-z]+$/.test(adjective)) continue;
    if (phraseKey(adjective) === phraseKey(isoCountries.getName(code, 'en') ?? '')) continue;
    const key = phraseKey(adjective);
    // "North Korean", "South African": several words, so a phrase rather than a one-word adjective.
    if (key.includes(' ')) {
      add(phrases, key, { code, from: 0, to: 0 }, 'packages');
      continue;
    }
    const seen = demonyms.get(key);
    demonyms.set(key, seen && seen !== code ? '' : code);
    if (!key.endsWith('s') && !key.endsWith('ese') && !key.endsWith('i')) demonyms.set(key + 's', demonyms.get(key)!);
  }

  // The curated list wins over every other source for the names it gives.
  const curated = withCurated ? readCurated() : [];
  counts['curated entries'] = curated.length;
  const redundant: string[] = [];
  for (const row of curated) {
    const table = row.kind === 'person' ? people : phrases;
    const key = row.kind === 'person' ? nameKey(row.name) : phraseKey(row.name);
    const known = table.terms.get(key);
    if (row.kind === 'person' && known?.length && known.every((t) => t.code === row.code)) redundant.push(row.name);
    if (row.kind === 'phrase' && table.sources.has(key) && !table.sources.get(key)!.has('curated')) {
      table.terms.delete(key);
      table.sources.delete(key);
    }
    if (row.kind === 'phrase' && row.code && /^[a-z]+s?$/.test(key) && demonyms.has(key)) demonyms.delete(key);
    if (row.kind === 'person') addPerson(row.name, { code: row.code, from: row.from, to: row.to }, 'curated');
    else add(table, key, { code: row.code, from: row.from, to: row.to }, 'curated');
  }

  if (redundant.length) console.warn(`build-kb: curated people the dictionaries already give the same code: ${redundant.join(', ')}`);

  // A phrase that several sources give different undated states for is ambiguous ("Georgia"): dropped.
  for (const [key, terms] of phrases.terms) {
    const undated = new Set(terms.filter((t) => !t.from && !t.to).map((t) => t.code));
    if (undated.size > 1 && !phrases.sources.get(key)!.has('curated')) phrases.terms.delete(key);
  }

  // Phrases longer than a text is scanned for are never found: left out.
  const longPhrases = [...phrases.terms.keys()].filter((key) => key.split(' ').length > LONGEST_PHRASE);
  for (const key of longPhrases) {
    phrases.terms.delete(key);
    phrases.sources.delete(key);
  }
  counts[`phrases left out: more than ${LONGEST_PHRASE} words`] = longPhrases.length;
  // Keys in other scripts than Latin, or with punctuation, are no words of an English article: left out.
  for (const [name, table] of [['people', people], ['phrases', phrases]] as const) {
    const unreadable = [...table.terms.keys()].filter((key) => !ARTICLE_KEY.test(key));
    for (const key of unreadable) {
      table.terms.delete(key);
      table.sources.delete(key);
    }
    counts[`${name} left out: other scripts or punctuation`] = unreadable.length;
  }
  const file = encodeKb({
    people: people.terms,
    phrases: phrases.terms,
    demonyms: new Map([...demonyms].filter(([, code]) => code)),
    familyFirst,
  });
  counts['people'] = people.terms.size;
  counts['phrases'] = phrases.terms.size;
  counts['demonyms'] = file.demonyms.split('\n').length;
  counts['codes'] = file.codes.split('|').length;
  for (const source of ['phoenix', 'everypolitician', 'leaders2021', 'packages', 'curated'] as Source[]) {
    counts[`people from ${source}`] = [...people.sources.values()].filter((s) => s.has(source)).length;
    counts[`phrases from ${source}`] = [...phrases.sources.values()].filter((s) => s.has(source)).length;
  }
  // An acronym counts only where the KB reads it as that country: the build's own tables agree.
  const agreed = acronyms.filter((a) => phrases.terms.get(phraseKey(a.acronym))?.every((t) => t.code === a.code));
  counts['country acronyms'] = agreed.length;
  return { file, counts, people, phrases, acronyms: agreed };
}

/**
 * Every name of the build is read back from the file by the engine's own lookups with the terms it was built with
 * (dates aside for names that only ever stood for one code): the format loses nothing. Throws on the first that differs.
 */
function verifyReadBack(file: KbFile, people: Table, phrases: Table): void {
  const kb = createKnowledgeBase(file);
  const same = (built: Term[], read: Term[] | undefined): boolean =>
    !!read &&
    (read.length === 1 && read[0].from === 0 && read[0].to === 0
      ? built.every((t) => t.code === read[0].code)
      : read.length === built.length && read.every((t, i) => t.code === built[i].code && t.from === built[i].from && t.to === built[i].to));
  for (const [key, terms] of phrases.terms) if (!same(terms, kb.phrase(key))) throw new Error(`build-kb: phrase "${key}" does not read back`);
  // A person is looked up by name, and a key is its own name's key (folding twice may fold once more: skipped).
  for (const [key, terms] of people.terms) if (nameKey(key) === key && !same(terms, kb.person(key))) throw new Error(`build-kb: person "${key}" does not read back`);
}

function readme(counts: Record<string, number>, raw: number, gzip: number, dev: string): string {
  const lines = Object.entries(counts).map(([k, v]) => `| ${k} | ${v} |`);
  return `# assets/kb — the country knowledge base

Generated by \`npm run build:kb\` (scripts/build-kb.ts); do not edit by hand. Read by lib/kb.ts.

## Sources
| source | licence | what it gives |
| --- | --- | --- |
| PETRARCH2/Phoenix actor dictionaries (../shared/data/dicts/petrarch2_*) | MIT | people (CountryInfo leader lists, dated), institutions, groups, bodies, places: CAMEO codes mapped to ISO alpha-2 or to a body (UN, NATO, EU, OSCE, IAEA, WHO, ICRC, ISIS) |
| EveryPolitician office holders (../shared/data/dicts/everypolitician_officeholders.csv) | CC0 | people with office terms |
| EveryPolitician world leaders 2021 | CC0 | heads of state and government with years |
| i18n-iso-countries 7.14.0 (npm) | MIT | country names and their English variants, alpha-3 to alpha-2 |
| countries-list 3.4.1 (npm) | MIT | country aliases and capitals |
| i18n-nationality 1.4.0 (npm) | MIT | nationality adjectives (demonyms) |
| assets/kb-sources/curated.tsv | each row cites its public source | officials and institutions missing above (rule in that file's header) |

Office terms that ended before ${OLDEST_TERM_END} are dropped. A phrase that two sources give different states for, with no
curated entry, is dropped as ambiguous. A body's CAMEO code names a body only through parts the dictionaries use more than
once: an entry with a one-off part after the body's prefix stands for no state (the International Energy Agency, IGOUNOAIE).

## Country acronyms
\`country-acronyms.json\` lists each country's acronyms ("DPRK", "ROK", "U.A.E."), with the file and line or package
that gives each: countries-list's acronym aliases, and the one-word names of a country's Phoenix entry that spell the
initials of one of the country's names (the packages' names, or the entry's that share a word with them). Only those
the KB reads as that country are listed. scripts/build-topic-aliases.ts reads them, so that a topic "DPRK" is North Korea.

## Size budget
kb.json must stay under ${BUDGET_BYTES} bytes raw and ${BUDGET_GZIP_BYTES} bytes gzip (it ships in the extension's background
bundle). Now: ${raw} bytes raw, ${gzip} bytes gzip. To stay inside it: names that only ever stood for one code are stored
without dates, their code as one or two symbol characters; a person's name with middle names is left out when its first
and last words are stored with the same terms; people whose only offices were domestic portfolios, companies, phrases
longer than the engine scans for, and keys in other scripts than Latin or with punctuation (no English article's words)
are left out.

## Format
See KbFile and encodeKb in lib/kb.ts. \`people\` and \`phrases\` are runs of key + code symbol, sorted by key: a key is
lowercase words, a symbol one (the 52 most frequent codes) or two of the \`symbols\` characters, which no key has, and
\`codes\` names the codes in symbol order (US first; an empty name stands for no state). \`peopleDated\`/\`phrasesDated\` are
sorted \`key<TAB>CODE:from:to;...\` lines for names whose code changed over time (dates YYYYMMDD, empty = open);
\`demonyms\` are sorted \`adjective<TAB>CODE\` lines; \`familyFirst\` lists people whose family name comes first. The
engine binary-searches these strings as they are: loading the KB builds nothing, and each lookup an article makes costs
a few microseconds once. The build reads every name back through those lookups and fails if one differs.
\`npx tsx scripts/build-kb.ts --trace NAME...\` prints the key, terms and sources of a name.

## Counts
| what | count |
| --- | --- |
${lines.join('\n')}

## Dev quotes that the KB alone decides
${dev}
`;
}

const check = process.argv.includes('--check');
const traced = process.argv.includes('--trace') ? process.argv.slice(process.argv.indexOf('--trace') + 1) : [];
if (!existsSync(dictsDir)) {
  console.log(`build-kb: ${dictsDir} is absent; the committed KB stays as it is.`);
  process.exit(0);
}
const { file, counts, people, phrases, acronyms } = build(true);
verifyReadBack(file, people, phrases);
if (traced.length) {
  // Where each entry comes from: the sources that gave its key, and its terms.
  for (const name of traced) {
    for (const [table, key] of [[people, nameKey(name)], [phrases, phraseKey(name)]] as const) {
      const terms = table.terms.get(key);
      const what = table === people ? 'person' : 'phrase';
      if (!terms) console.log(`${name}: no ${what} "${key}"`);
      else console.log(`${name}: ${what} "${key}" ${terms.map((t) => `${t.code || "''"}:${t.from || ''}:${t.to || ''}`).join(';')} from ${[...table.sources.get(key)!].join(', ')}`);
    }
  }
  process.exit(0);
}
const json = JSON.stringify(file) + '\n';
const acronymsJson = JSON.stringify(
  {
    source:
      'Built by scripts/build-kb.ts from the Phoenix actor dictionaries (PETRARCH2, MIT) and i18n-iso-countries (MIT): each ' +
      "country's acronyms, one-word names of its own entry that spell the initials of another of its names, where the KB reads " +
      'them as that country. Do not edit by hand.',
    acronyms,
  },
  null,
  1,
) + '\n';
const raw = Buffer.byteLength(json);
const gzip = gzipSync(json, { level: 9 }).length;
const dev = countDevKbOnly(createKnowledgeBase(file), createKnowledgeBase(build(false).file), join(root, '../shared/data'));
const readmeText = readme(counts, raw, gzip, dev);
if (check) {
  const same = [[kbPath, json], [acronymsPath, acronymsJson]].every(([path, text]) => existsSync(path) && readFileSync(path, 'utf8') === text);
  console.log(same ? 'build-kb: committed KB is up to date' : 'build-kb: committed KB differs from a fresh build');
  console.log(`build-kb: ${dev}`);
  process.exit(same ? 0 : 1);
}
writeFileSync(kbPath, json);
writeFileSync(acronymsPath, acronymsJson);
writeFileSync(readmePath, readmeText);
console.log(readmeText);
if (raw > BUDGET_BYTES || gzip > BUDGET_GZIP_BYTES) {
  console.error(`build-kb: kb.json is ${raw} bytes raw, ${gzip} gzip: over the ${BUDGET_BYTES}/${BUDGET_GZIP_BYTES}-byte budget`);
  process.exit(1);
}
