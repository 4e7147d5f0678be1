import { appositionAfter, BODY_CODES, codesNamed, fullerNames, hasRole, outletAfter, scanChunk, titleBefore, tokenize, type ChunkEvidence } from './country-evidence';
import { defaultKnowledgeBase, nameWords, phraseKey, termAt, type KnowledgeBase } from './kb';
import type { AnalyzeOptions, CountryAssignment, Entity, Span } from './types';

const UNKNOWN: CountryAssignment = { code: null, evidence: null };

function fromArticle(found: ChunkEvidence): CountryAssignment {
  return { code: found.code || null, evidence: `article: ${found.words}${found.code ? '' : ' (no state)'}` };
}

/** The part of a mention before the speaker's own name ("Russian Foreign Minister" in "Russian Foreign Minister Sergei Lavrov"). */
function titleInsideMention(text: string, mention: Span, entity: Entity): string {
  const own = new Set(nameWords(entity.name));
  const words = text.slice(mention.start, mention.end);
  for (const t of tokenize(words)) if (own.has(nameWords(t.word)[0] ?? '')) return words.slice(0, t.start);
  return entity.type === 'person' ? '' : words;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The name, when it says where the speaker stands: always for institutions, groups and descriptions; for
 * a "person" only when the name is a country's own ("Russia" said) and the article never gives it a first
 * name ("Jim Jordan").
 */
function nameAsEvidence(text: string, entity: Entity, kb: KnowledgeBase): string {
  // An acronym is never a person's name ("KCNA", "OSCE" typed as a person).
  // A nationality as a plural noun is a group ("Russians" typed as a person; "Cuban" may be Mark Cuban).
  const nationals = /s$/.test(entity.name) && kb.demonym(phraseKey(entity.name));
  if (entity.type !== 'person' || /^[A-Z]{3,}$/.test(entity.name) || nationals) return entity.name;
  const terms = kb.phrase(phraseKey(entity.name));
  const code = terms?.[terms.length - 1].code;
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  // "Rep. Jim Jordan": a country's name that the article gives a first name is a person's surname.
  if (fullerNames(text, entity.name).length) return '';
  try {
    return regionNames.of(code) === entity.name ? entity.name : '';
  } catch {
    return '';
  }
}

/**
 * Evidence in the article: the name itself when it is an institution, group or description ("Russian
 * Defense Ministry", "Kremlin", "senior State Department official"); then the titles before each mention,
 * first mention first; then the titles and appositions the entity stage attached; last the appositions
 * after each mention and the outlet a writer wrote in. An international body in a title wins (a NATO
 * secretary-general's nationality is not his side); otherwise the first that says something decides, and
 * holds for every mention.
 */
function fromText(text: string, entity: Entity, kb: KnowledgeBase): CountryAssignment | undefined {
  const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
  const titles = [
    ...mentions.flatMap((m) => [titleBefore(text, m, entity.type === 'person'), titleInsideMention(text, m, entity)]),
    // Descriptors that name no role ("speaking from Beijing") say nothing about the side.
    ...entity.descriptors.filter(hasRole),
  ];
  const appositions = mentions.flatMap((m) => [appositionAfter(text, m.end), outletAfter(text, m.end)]);
  let first: ChunkEvidence | undefined;
  for (const [i, chunk] of [nameAsEvidence(text, entity, kb), ...titles].entries()) {
    const found = chunk ? scanChunk(chunk, kb, i > 0) : undefined;
    if (!found) continue;
    if (BODY_CODES.has(found.code)) return fromArticle(found);
    first ??= found;
  }
  if (first) return fromArticle(first);
  for (const chunk of appositions) {
    const found = chunk ? scanChunk(chunk, kb) : undefined;
    if (found) return fromArticle(found);
  }
  return undefined;
}

// Sentence words an entity stage may leave at the front of a name ("But Yanukovych").
const LEADING_NON_NAMES = /^(?:But|And|Or|So|Yet|Then|When|While|As|If|Also|Meanwhile|However|Still|Now|Mr|Mrs|Ms|Dr)\.?\s+/;

/**
 * What the KB knows of a person the article does not place: the full name (with or without middle names),
 * dated by the article; else the surname, when every KB person of that surname stands for one state (or it
 * is one person: then the state of theirs the article names, the one at its date first), the article names
 * that state somewhere (a "Stone" in a US story is no Australian minister), and a first name the article
 * gives has the initial of one of them (Mikhail/Mikheil Saakashvili, not Steve/Elizabeth Warren).
 */
function fromKnowledgeBase(entity: Entity, kb: KnowledgeBase, date: string | undefined, named: () => Set<string>): CountryAssignment | undefined {
  if (entity.type === 'group') return undefined;
  const name = entity.name.replace(LEADING_NON_NAMES, '');
  const words = name.split(/\s+/).filter(Boolean);
  // Middle names are dropped only from a person's name of three or four words ("Mohammad Javad Zarif");
  // words an entity stage left at the front ("Human Rights Zeid Ra'ad al-Hussein") are dropped one by one.
  const shortName = entity.type === 'person' && words.length > 2 && words.length <= 4 ? `${words[0]} ${words[words.length - 1]}` : '';
  const tails = entity.type === 'person' ? words.slice(1, -1).map((_, k) => words.slice(k + 1).join(' ')) : [];
  for (const candidate of [name, shortName, ...tails]) {
    if (!candidate || candidate.split(' ').length < 2) continue;
    const terms = kb.person(candidate) ?? (candidate === name && entity.type === 'person' ? kb.phrase(phraseKey(candidate)) : undefined);
    const term = terms && termAt(terms, date);
    if (term) return { code: term.code || null, evidence: `kb: ${candidate}` };
  }
  if (entity.type !== 'person' || words.length > 4) return undefined;
  const surname = words[words.length - 1];
  const codes = surname.length >= 3 ? kb.surname(surname, words.length > 1 ? words[0] : undefined, date) : [];
  // The person's states the article names, the one in office at the article's date first.
  const code = codes.find((c) => named().has(c));
  return code ? { code, evidence: `kb surname: ${surname}` } : undefined;
}

/**
 * The country (or international body) each speaker stands for, with the words or KB entry that say so.
 * The article's evidence beats the KB; nothing found gives null, never a guess.
 */
export function assignCountries(
  text: string,
  entities: Entity[],
  options: AnalyzeOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
): Map<number, CountryAssignment> {
  const date = options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : undefined;
  let named: Set<string> | undefined;
  const namedInText = (): Set<string> => (named ??= codesNamed(text, kb));
  return new Map(
    entities.map((e) => {
      const found = fromText(text, e, kb) ?? fromKnowledgeBase(e, kb, date, namedInText);
      if (found || e.type !== 'person' || /\s/.test(e.name.trim()) || !e.name.trim()) return [e.id, found ?? UNKNOWN];
      // A surname alone ("Ban", "Saakashvili"): the article's fuller forms of it are the same person.
      for (const span of fullerNames(text, e.name.trim())) {
        const fuller: Entity = { ...e, name: text.slice(span.start, span.end), mentions: [span] };
        const viaFuller = fromText(text, fuller, kb) ?? fromKnowledgeBase(fuller, kb, date, namedInText);
        if (viaFuller) return [e.id, viaFuller];
      }
      return [e.id, UNKNOWN];
    }),
  );
}
