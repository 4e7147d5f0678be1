// The country stage measured against gold speakers, independent of the quote and entity stages: each
// gold quote's speaker becomes an Entity (mentions found in the text, descriptors from the words around
// the first mention), assignCountries runs, and its code is compared with the gold country (null included).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignCountries } from '../lib/countries';
import { ROLE_NOUNS } from '../lib/country-evidence';
import { defaultKnowledgeBase, phraseKey, type KnowledgeBase } from '../lib/kb';
import type { Entity, EntityType, Span } from '../lib/types';

interface GoldQuote {
  start: number;
  end: number;
  speaker: string | null;
  country: string | null;
}

export interface GoldArticle {
  id: string;
  text: string;
  date: string | undefined;
  quotes: GoldQuote[];
}

export function readGold(dir: string): GoldArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && existsSync(join(dir, f.replace(/\.json$/, '.txt'))))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { quotes: GoldQuote[] };
      return {
        id: f.replace(/\.json$/, ''),
        text: readFileSync(join(dir, f.replace(/\.json$/, '.txt')), 'utf8'),
        date: /(\d{4}-\d{2}-\d{2})/.exec(f)?.[1],
        quotes: gold.quotes,
      };
    });
}

const ORGANISATION_WORDS = /\b(?:Ministry|Department|Council|Committee|Government|government|Army|army|Party|Agency|Times|Office|office|International|Association|League|Commission|Nations|Union|Pentagon|Kremlin|House|delegation|administration|administrations|Haaretz|KCNA|OCHA|OSCE|Observatory)\b/;

function speakerType(name: string, kb: KnowledgeBase): EntityType {
  if (/^[a-z]/.test(name) || /\b(?:official|officials|source|diplomat|witness|user|users|general|commanders|leaders|spokesman)\b/.test(name)) return 'unnamed';
  if (ORGANISATION_WORDS.test(name) || /^[A-Z]{2,}$/.test(name)) return 'organisation';
  // A nationality as a noun is a group ("Russians").
  if (kb.demonym(phraseKey(name)) && /s$/.test(name)) return 'group';
  return 'person';
}

function findAll(text: string, needle: string, caseSensitive: boolean): Span[] {
  if (!needle) return [];
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, caseSensitive ? 'gu' : 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** An Entity for a gold speaker, as the entity stage would give it. */
export function goldEntity(id: number, name: string, text: string, kb: KnowledgeBase = defaultKnowledgeBase()): Entity {
  const type = speakerType(name, kb);
  let mentions = findAll(text, name, true);
  if (!mentions.length) mentions = findAll(text, name, false);
  if (type === 'person') {
    const surname = name.split(' ').pop()!;
    const seen = new Set(mentions.map((m) => m.start));
    for (const m of findAll(text, surname, true)) if (![...seen].some((s) => s <= m.start && m.start < s + name.length)) mentions.push(m);
  }
  mentions.sort((a, b) => a.start - b.start);
  const first = mentions[0];
  const descriptors: string[] = [];
  if (first) {
    // The words since the clause start before the first mention, and an apposition after it.
    // A dot after a capital is an abbreviation ("U.N."), not a sentence end.
    const before = /(?:^|(?<!\p{Lu})[.!?]|[;:"“”(,\n]|\b(?:said|says|told|and)\b)((?:[^.!?;:"“”(,\n]|(?<=\p{Lu})\.)*)$/u.exec(text.slice(Math.max(0, first.start - 120), first.start))?.[1].trim();
    const after = /^\s*,\s*([^,.;:"“”()\n]+)/.exec(text.slice(first.end, first.end + 120))?.[1].trim();
    // Only a title (ending in a role noun) before the name counts: "Russian Foreign Minister".
    const lastWord = before?.split(/\s+/).pop()?.toLowerCase() ?? '';
    if (before && ROLE_NOUNS.has(lastWord) && before.split(/\s+/).length <= 8) descriptors.push(before);
    if (after && after.split(/\s+/).length <= 8) descriptors.push(after);
  }
  return { id, name, type, gender: null, descriptors, mentions };
}

export interface CountryResult {
  article: string;
  speaker: string;
  gold: string | null;
  got: string | null;
  evidence: string | null;
}

/** One result per gold quote with a named speaker. */
export function evaluateCountries(articles: GoldArticle[], kb: KnowledgeBase = defaultKnowledgeBase()): CountryResult[] {
  const results: CountryResult[] = [];
  for (const article of articles) {
    const speakers = [...new Set(article.quotes.map((q) => q.speaker).filter((s): s is string => !!s))];
    const entities = speakers.map((s, i) => goldEntity(i, s, article.text, kb));
    const assigned = assignCountries(article.text, entities, { date: article.date }, kb);
    for (const q of article.quotes) {
      if (!q.speaker) continue;
      const a = assigned.get(speakers.indexOf(q.speaker))!;
      results.push({ article: article.id, speaker: q.speaker, gold: q.country, got: a.code, evidence: a.evidence });
    }
  }
  return results;
}

/**
 * How many dev and seed quotes get their (right) country only from a curated KB entry, and how many only
 * from a surname match: the build prints it. Empty when ../shared is absent.
 */
export function countDevKbOnly(kb: KnowledgeBase, kbWithoutCurated: KnowledgeBase, dataDir: string): string {
  const articles = ['dev', 'seed'].flatMap((set) => readGold(join(dataDir, set)));
  if (!articles.length) return `(skipped: ${dataDir} is absent)`;
  const full = evaluateCountries(articles, kb);
  const bare = evaluateCountries(articles, kbWithoutCurated);
  const curatedOnly = full.filter((r, i) => r.got === r.gold && r.gold !== null && bare[i].got !== r.gold).length;
  const surnameOnly = full.filter((r) => r.got === r.gold && r.gold !== null && r.evidence?.startsWith('kb surname')).length;
  return `Of ${full.length} dev+seed quotes with a named speaker: ${curatedOnly} get their country only from a curated entry, ${surnameOnly} only from a surname match.`;
}
