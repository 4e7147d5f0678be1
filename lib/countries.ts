import { appositionAfter, BODY_CODES, scanChunk, titleBefore, tokenize, type ChunkEvidence } from './country-evidence';
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

/**
 * Evidence in the article: the name itself when it is an institution, group or description ("Russian
 * Defense Ministry", "Kremlin", "senior State Department official"); then the titles before each mention,
 * first mention first; then the titles and appositions the entity stage attached; last the appositions
 * after each mention. An international body in a title wins (a NATO secretary-general's nationality is not
 * his side); otherwise the first that says something decides, and holds for every mention.
 */
function fromText(text: string, entity: Entity, kb: KnowledgeBase): CountryAssignment | undefined {
  const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
  const chunks = [
    entity.type !== 'person' || kb.phrase(phraseKey(entity.name)) ? entity.name : '',
    ...mentions.flatMap((m) => [titleBefore(text, m), titleInsideMention(text, m, entity)]),
    ...entity.descriptors,
  ];
  const appositions = mentions.map((m) => appositionAfter(text, m.end));
  let first: ChunkEvidence | undefined;
  for (const chunk of chunks) {
    const found = chunk ? scanChunk(chunk, kb) : undefined;
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

/**
 * What the KB knows of a person the article does not place: the full name (with or without middle names),
 * dated by the article; else the surname, when every person of that surname in the KB stands for one state.
 */
function fromKnowledgeBase(entity: Entity, kb: KnowledgeBase, date: string | undefined): CountryAssignment | undefined {
  if (entity.type === 'group') return undefined;
  const words = entity.name.split(/\s+/).filter(Boolean);
  // Middle names are dropped only from a person's name of three or four words ("Mohammad Javad Zarif").
  const shortName = entity.type === 'person' && words.length > 2 && words.length <= 4 ? `${words[0]} ${words[words.length - 1]}` : '';
  for (const name of [entity.name, shortName].filter(Boolean)) {
    const terms = kb.person(name) ?? (name === entity.name && entity.type === 'person' ? kb.phrase(phraseKey(name)) : undefined);
    const term = terms && termAt(terms, date);
    if (term) return { code: term.code || null, evidence: `kb: ${name}` };
  }
  // A surname alone only when the article gives no more: a full name the KB does not know is someone else.
  if (entity.type !== 'person' || words.length !== 1) return undefined;
  const surname = nameWords(entity.name)[0];
  const code = surname && surname.length >= 4 ? kb.surname(surname) : undefined;
  return code ? { code, evidence: `kb surname: ${entity.name}` } : undefined;
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
  return new Map(entities.map((e) => [e.id, fromText(text, e, kb) ?? fromKnowledgeBase(e, kb, date) ?? UNKNOWN]));
}
