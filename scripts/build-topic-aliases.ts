// Builds assets/topic-aliases.json, the alias data the positions stage merges topics with:
//   groups:    multi-word organisation/group names and their synonyms, from the Phoenix actor dictionaries
//              (PETRARCH2, MIT): a head line followed by '+' synonym lines, e.g. THE_ISLAMIC_STATE / +ISIS_ / +DAESH_.
//              Each group keeps the file and line it came from.
//   countries: each ISO country's names (i18n-iso-countries and the runtime's Intl region names), its acronyms
//              (assets/kb/country-acronyms.json, built by scripts/build-kb.ts: "DPRK", "ROK", "UAE"), nationality
//              adjective (i18n-nationality) and capital (countries-list), so "Russian contributions", "Moscow's
//              support" and "the DPRK" reach the topic of their country.
//   bodies:    the names of each international body (UN, NATO, EU, ...) as the knowledge base codes them
//              (assets/kb/kb.json, built by scripts/build-kb.ts: run that first), so "U.N.", "UNSC" and "the
//              Security Council" are the UN, a side's own name, not topics beside it.
//   roles:     single words of the Phoenix agents file (PRESIDENT, MINISTER, SPOKESMAN, ...): titles stripped
//              from the front of a name ("Foreign Minister Sergei Lavrov" -> Sergei Lavrov) and role nouns
//              that are never topics of their own.
//
//   npm run build:aliases    (reads ../shared/data/dicts)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import countriesIso from 'i18n-iso-countries';
import nationality from 'i18n-nationality';
import { countries as countryList } from 'countries-list';
import isoEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import nationalityEn from 'i18n-nationality/langs/en.json' with { type: 'json' };
import { defaultKnowledgeBase, phraseKey } from '../lib/kb';

const DICTS = process.argv[2] ?? '../shared/data/dicts';
const OUT = 'assets/topic-aliases.json';
const GROUP_FILES = [
  'petrarch2_Phoenix.International.actors.txt',
  'petrarch2_Phoenix.MilNonState.actors.txt',
  'petrarch2_Phoenix.Countries.actors.txt',
];

/** A Phoenix phrase ("THE_ISLAMIC_STATE_", "+DA'ESH_ # note") as words in title case-free upper form. */
function phraseWords(raw: string): string[] {
  const phrase = raw.replace(/^\+/, '').replace(/#.*$/, '').replace(/\[[^\]]*\]/g, '').trim();
  return phrase.split(/[_\s]+/).filter((w) => /^[A-Z][A-Z'.-]*$/.test(w));
}

const display = (words: string[]) => words.join(' ');
const initials = (words: string[]) =>
  words.filter((w) => !['OF', 'THE', 'AND', 'FOR'].includes(w)).map((w) => w[0]).join('');

interface Group {
  name: string;
  aliases: string[];
  source: string;
}

/** Head + '+' synonym groups whose head is a multi-word name and which have a one-word synonym. */
function readGroups(file: string): Group[] {
  const lines = readFileSync(join(DICTS, file), 'utf8').split('\n');
  const groups: Group[] = [];
  let head: { words: string[]; line: number; synonyms: string[][]; countryCoded: boolean } | null = null;
  const flush = () => {
    if (!head) return;
    const headWords = head.words[0] === 'THE' ? head.words.slice(1) : head.words;
    // A bare three-letter code ([RUS]) marks a country entry: countries come from the ISO data instead.
    if (headWords.length >= 2 && !head.countryCoded) {
      const acronym = initials(headWords);
      // Only single-word synonyms (ISIS, DAESH, HAMAS): the multi-word ones are mostly spelling variants
      // or the group's leaders, and an article's own names are merged by the positions stage's rules.
      // A person's surname (LAVROV under SERGEY_LAVROV) is left out: the stage keys people by surname itself.
      const surname = headWords[headWords.length - 1].replace(/^(AL|EL|AD|AS|ASH|AN|AT|AR|AZ)-/, '');
      const kept = head.synonyms
        .map((w) => (w[0] === 'THE' ? w.slice(1) : w))
        .filter((w) => w.length === 1 && w[0].replace(/[^A-Z]/g, '').length >= 3 && w[0] !== acronym && w[0] !== surname)
        .map(display);
      const aliases = [...new Set(kept)].filter((a) => a !== display(headWords));
      if (aliases.length) groups.push({ name: display(headWords), aliases, source: `${file}:${head.line}` });
    }
    head = null;
  };
  lines.forEach((line, i) => {
    if (line.startsWith('+')) {
      if (head) {
        const words = phraseWords(line);
        if (words.length) head.synonyms.push(words);
        if (/\[[A-Z]{3}\]/.test(line)) head.countryCoded = true;
      }
      return;
    }
    if (/^\s+\[/.test(line)) {
      if (head && /\[[A-Z]{3}\]/.test(line)) head.countryCoded = true;
      return;
    }
    if (!line.trim() || line.startsWith('#')) return;
    flush();
    const words = phraseWords(line);
    if (words.length) head = { words, line: i + 1, synonyms: [], countryCoded: /\[[A-Z]{3}\]/.test(line) };
  });
  flush();
  return groups;
}

/** Every plain word of the agents file's role phrases (stems marked with '!' are left out). */
function readRoles(): string[] {
  const roles = new Set<string>();
  for (const line of readFileSync(join(DICTS, 'petrarch2_Phoenix.agents.txt'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const phrase = line.replace(/\[[^\]]*\]/g, '').replace(/#.*$/, '').trim();
    for (const w of phrase.split(/[_\s]+/)) if (/^[A-Z]{3,}$/.test(w)) roles.add(w.toLowerCase());
  }
  return [...roles].sort();
}

/**
 * Everyday country names the ISO data lacks, from the Phoenix country entries: a one-word synonym that
 * the one-word nationality adjective extends by a short suffix (AMERICA for "American").
 */
function phoenixCountryNames(adjectives: Map<string, string>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  let code: string | null = null;
  for (const line of readFileSync(join(DICTS, 'petrarch2_Phoenix.Countries.actors.txt'), 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.startsWith('+')) {
      const alpha3 = /^\S.*\[([A-Z]{3})\]/.exec(line)?.[1];
      code = alpha3 ? (countriesIso.alpha3ToAlpha2(alpha3) ?? null) : line.trim() && !/^\s/.test(line) ? null : code;
      continue;
    }
    const words = phraseWords(line);
    const adjective = code ? adjectives.get(code)?.toUpperCase() : undefined;
    if (code && adjective && !adjective.includes(' ') && adjective !== words[0] && words.length === 1 && words[0].length >= 4 && adjective.startsWith(words[0]) && adjective.length - words[0].length <= 3)
      names.set(code, [...(names.get(code) ?? []), words[0][0] + words[0].slice(1).toLowerCase()]);
  }
  return names;
}

function readCountries() {
  const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
  countriesIso.registerLocale(isoEn);
  nationality.registerLocale(nationalityEn);
  const names = countriesIso.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const adjectives = new Map(Object.keys(names).map((code) => [code, nationality.getName(code, 'en') ?? '']));
  const everyday = phoenixCountryNames(adjectives);
  const acronyms = (JSON.parse(readFileSync('assets/kb/country-acronyms.json', 'utf8')) as { acronyms: { code: string; acronym: string }[] }).acronyms;
  return Object.entries(names)
    .map(([code, iso]) => {
      const all = [...iso, ...(everyday.get(code) ?? []), ...acronyms.filter((a) => a.code === code).map((a) => a.acronym)];
      const capital = (countryList as Record<string, { capital?: string }>)[code]?.capital?.split(/[,(]/)[0].replace(/ D\.C\.$/, '').trim();
      const adjective = nationality.getName(code, 'en');
      return {
        code,
        // The short common name first ("Russia", not "Russian Federation").
        // ISO's names plus the everyday one ("Syria" beside "Syrian Arab Republic").
        names: [...new Set([...all, regionNames.of(code) ?? ''])].sort((a, b) => a.length - b.length).filter((n) => n.length > 1),
        adjective: adjective ?? null,
        capital: capital || null,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Every name of the Phoenix actor files (heads and '+' synonyms) and the KB's curated phrase rows. */
function actorNames(): string[] {
  const names: string[] = [];
  for (const file of GROUP_FILES) {
    for (const line of readFileSync(join(DICTS, file), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#') || /^\s/.test(line)) continue;
      const words = phraseWords(line);
      if (words.length) names.push(words.join(' '));
    }
  }
  for (const line of readFileSync('assets/kb-sources/curated.tsv', 'utf8').split('\n')) {
    const [kind, name] = line.split('\t');
    if (kind === 'phrase' && name) names.push(name);
  }
  return names;
}

/**
 * The bodies' names: each actor name the knowledge base codes, undated, as one international body (a code that is
 * no ISO country). The Islamic State is left to the actor groups above: an armed group the sides talk about,
 * whose acronym ("IS") an article ties to its full name.
 */
function readBodies(): { code: string; names: string[] }[] {
  const kb = defaultKnowledgeBase();
  countriesIso.registerLocale(isoEn);
  const byCode = new Map<string, Set<string>>();
  for (const name of actorNames()) {
    const key = phraseKey(name);
    const terms = kb.phrase(key);
    const code = terms?.[0]?.code;
    if (!code || code === 'ISIS' || countriesIso.isValid(code) || !terms!.every((t) => t.code === code)) continue;
    if (!byCode.has(code)) byCode.set(code, new Set());
    byCode.get(code)!.add(key);
  }
  return [...byCode]
    .map(([code, names]) => ({ code, names: [...names].sort() }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const groups = GROUP_FILES.flatMap(readGroups);
const out = {
  source:
    'Built by scripts/build-topic-aliases.ts from the Phoenix actor dictionaries (PETRARCH2, MIT, ../shared/data/dicts), ' +
    'i18n-iso-countries, i18n-nationality and countries-list (MIT), and the international bodies of the knowledge base ' +
    '(assets/kb/kb.json). Do not edit by hand.',
  groups,
  countries: readCountries(),
  bodies: readBodies(),
  roles: readRoles(),
};
mkdirSync('assets', { recursive: true });
writeFileSync(OUT, JSON.stringify(out) + '\n');
console.log(`${OUT}: ${groups.length} groups, ${out.countries.length} countries, ${out.bodies.length} bodies (${out.bodies.reduce((n, b) => n + b.names.length, 0)} names), ${out.roles.length} role words`);
