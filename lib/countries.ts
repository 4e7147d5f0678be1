import { appositionAfter, scanChunk, titleBefore, tokenize, type ChunkEvidence } from './country-evidence';
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
 * Evidence in the article, in order: the name itself when it is an institution, group or description
 * ("Russian Defense Ministry", "Kremlin", "senior State Department official"); then the titles and
 * appositions the entity stage attached; then the words around each mention, first mention first. The
 * first that says something decides, and holds for every mention.
 */
function fromText(text: string, entity: Entity, kb: KnowledgeBase): CountryAssignment | undefined {
  const wholeName = kb.phrase(phraseKey(entity.name));
  if (entity.type !== 'person' || wholeName) {
    const found = scanChunk(entity.name, kb);
    if (found) return fromArticle(found);
  }
  for (const descriptor of entity.descriptors) {
    const found = scanChunk(descriptor, kb);
    if (found) return fromArticle(found);
  }
  const mentions = [...entity.mentions].sort((a, b) => a.start - b.start);
  for (const mention of mentions) {
    for (const chunk of [titleBefore(text, mention.start), titleInsideMention(text, mention, entity), appositionAfter(text, mention.end)]) {
      const found = chunk && scanChunk(chunk, kb);
      if (found) return fromArticle(found);
    }
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
  const candidates = [entity.name, words.length > 2 ? `${words[0]} ${words[words.length - 1]}` : ''].filter(Boolean);
  for (const name of candidates) {
    const terms = kb.person(name) ?? (entity.type === 'person' ? kb.phrase(phraseKey(name)) : undefined);
    const term = terms && termAt(terms, date);
    if (term) return { code: term.code || null, evidence: `kb: ${name}` };
  }
  if (entity.type !== 'person') return undefined;
  const surname = nameWords(entity.name).pop();
  const code = surname && surname.length >= 4 ? kb.surname(surname) : undefined;
  return code ? { code, evidence: `kb surname: ${words[words.length - 1]}` } : undefined;
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
