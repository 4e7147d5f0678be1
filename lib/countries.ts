import {
  appositionAfter,
  articleIndex,
  BODY_CODES,
  codesNamed,
  fullerNames,
  endsPhrase,
  hasRole,
  kbMatches,
  kbNameAcross,
  ROLE_NOUNS,
  outletAfter,
  scanChunk,
  scanWords,
  titlesSomeoneElse,
  titleBefore,
  tokenAt,
  tokensWith,
  wordsOf,
  type ArticleIndex,
  type Chunk,
  type ChunkEvidence,
  type Token,
  type Tokens,
} from './country-evidence';
import { countryName } from './country-names';
import { defaultKnowledgeBase, foldWord, nameKey, phraseKey, termAt, type KnowledgeBase, type Term } from './kb';
import { firstStartingAt, type TextTokens } from './text';
import type { AnalyzeOptions, CountryAssignment, CountryCode, Entity, Span } from './types';

const UNKNOWN: CountryAssignment = { code: null, evidence: null };

/** What one article's speakers are read against: its tokens, the KB, the article's date. */
interface Context {
  article: ArticleIndex;
  kb: KnowledgeBase;
  date: string | undefined;
  /** The latest year the article mentions (0: none), read when first needed. */
  year?: number;
}

function fromArticle(found: ChunkEvidence): CountryAssignment {
  return { code: found.code || null, evidence: `article: ${found.words}${found.code ? '' : ' (no state)'}` };
}

/** The part of a mention before the speaker's own name ("Russian Foreign Minister" in "Russian Foreign Minister Sergei Lavrov"). */
function titleInsideMention(article: ArticleIndex, mention: Span, entity: Entity, own: Set<string>): Chunk | undefined {
  const { tokens } = article;
  const from = tokenAt(article, mention.start);
  let to = from;
  while (to < tokens.length && tokens[to].end <= mention.end) to++;
  for (let k = from; k < to; k++) {
    if (!own.has(foldWord(tokens[k].key))) continue;
    return k > from ? { from, to: k, start: tokens[from].start, end: tokens[k].start } : undefined;
  }
  // A mention without the name is a description of the speaker ("Turkey's prime minister"): a title for a
  // person when it names a role.
  if (to === from || (entity.type === 'person' && !hasRoleNoun(tokens, from, to))) return undefined;
  return { from, to, start: tokens[from].start, end: mention.end };
}

/** True when one of tokens [from, to) is a role noun. */
function hasRoleNoun(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ROLE_NOUNS.has(tokens[k].key)) return true;
  return false;
}

/**
 * The name, when it says where the speaker stands: always for institutions, groups and descriptions; for
 * a "person" only when the name is a country's own ("Russia" said) and the article never gives it a first
 * name ("Jim Jordan").
 */
function nameAsEvidence(entity: Entity, ctx: Context): string {
  const { kb } = ctx;
  // An acronym is never a person's name ("KCNA", "OSCE" typed as a person).
  // A nationality as a plural noun is a group ("Russians" typed as a person; "Cuban" may be Mark Cuban).
  const nationals = /s$/.test(entity.name) && kb.demonym(phraseKey(entity.name));
  if (entity.type !== 'person' || /^[A-Z]{3,}$/.test(entity.name) || nationals) return entity.name;
  const terms = kb.phrase(phraseKey(entity.name));
  const code = terms?.[terms.length - 1].code;
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  // "Rep. Jim Jordan": a country's name that the article gives a first name is a person's surname.
  if (fullerNames(ctx.article, entity.name).length) return '';
  return countryName(code) === entity.name ? entity.name : '';
}

/**
 * Evidence in the article: the name itself when it is an institution, group or description ("Russian
 * Defense Ministry", "Kremlin", "senior State Department official"), which decides; then the titles before
 * and inside each mention, first mention first, and the titles the entity stage attached; last the
 * appositions after each mention and the outlet a writer wrote in. An international body in a title wins
 * (a NATO secretary-general's nationality is not his side) when it stands at the first mentions that say
 * anything or in the attached titles; otherwise the first that says something decides, and holds for every
 * mention.
 */
function fromText(entity: Entity, ctx: Context): CountryAssignment | undefined {
  const { article, kb } = ctx;
  const name = nameAsEvidence(entity, ctx);
  const own = name ? scanWords(name, kb, article) : undefined;
  if (own) return fromArticle(own);
  // Pronouns have no titles or appositions of their own ("he", "they").
  const mentions = inTextOrder(entity.mentions).filter((m) => m.start >= 0 && m.end <= article.text.length && !(m.end - m.start <= 4 && PRONOUNS.test(article.text.slice(m.start, m.end))));
  const entityKey = phraseKey(entity.name);
  const ownWords = new Set(nameKey(entity.name).split(' '));
  const ownMentions: Span[] = [];
  let first: ChunkEvidence | undefined;
  // After the first evidence, a few more mentions may still show a body's title.
  let more = 2;
  for (const m of mentions) {
    // A mention inside a KB name ("Department" in "the U.S. State Department"): that name is the entity's
    // fuller form when it holds the entity's name, else the mention is someone else's ("Nations" in "United Nations").
    const larger = kbNameAcross(article, m.start, kb);
    if (larger) {
      const words = article.text.slice(larger.start, larger.end);
      if (phraseKey(words).includes(entityKey)) return fromArticle({ code: larger.code, words });
      continue;
    }
    ownMentions.push(m);
    if (first && more-- <= 0) continue;
    for (const chunk of [titleBefore(article, m, entity.type === 'person'), titleInsideMention(article, m, entity, ownWords)]) {
      const found = chunk ? scanChunk(article, chunk, kb, true) : undefined;
      if (found && BODY_CODES.has(found.code)) return fromArticle(found);
      first ??= found;
    }
  }
  // Descriptors that name no role ("speaking from Beijing") or title someone else say nothing about the side.
  for (const d of entity.descriptors) {
    const { src, chunk } = wordsOf(d);
    if (!hasRole(src.tokens)) continue;
    if (titlesSomeoneElse(src.tokens, chunk.from, chunk.to)) continue;
    // A descriptor is the article's words: its Georgia is the article's.
    const found = scanChunk({ ...src, within: article }, chunk, kb, true);
    if (found && BODY_CODES.has(found.code)) return fromArticle(found);
    first ??= found;
  }
  if (first) return fromArticle(first);
  for (const m of ownMentions) {
    const apposition = appositionAfter(article, m.end);
    const outlet = apposition ? '' : outletAfter(article.text, m.end);
    const found = (apposition && scanChunk(article, apposition, kb)) || (outlet ? scanWords(outlet, kb, article) : undefined);
    if (found) return fromArticle(found);
  }
  return undefined;
}

const PRONOUNS = /^(?:he|she|they|him|her|them|it|we|i|you)$/i;

/** Spans in text order (the entity stage gives them so: sorted only when they are not). */
function inTextOrder(spans: Span[]): Span[] {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  return spans;
}

// Sentence words an entity stage may leave at the front of a name ("But Yanukovych").
const LEADING_NON_NAMES = /^(?:But|And|Or|So|Yet|Then|When|While|As|If|Also|Meanwhile|However|Still|Now|Mr|Mrs|Ms|Dr)\.?\s+/;

/**
 * The term of a person's dated terms for the article: the one in force at its date. Without a date the
 * latest term is no better than a guess (the articles may be years old): the terms must agree, or the
 * article must name exactly one of their codes.
 */
function termFor(terms: Term[], ctx: Context): Term | undefined {
  if (ctx.date) return termAt(terms, ctx.date);
  if (terms.every((t) => t.code === terms[0].code)) return terms[0];
  const named = codesNamed(ctx.article, ctx.kb);
  const inArticle = terms.filter((t) => t.code && named.has(t.code));
  if (new Set(inArticle.map((t) => t.code)).size <= 1) return inArticle[0];
  // Several of them named: the article is no older than the latest year it mentions.
  ctx.year ??= latestYear(ctx.article.text) ?? 0;
  const year = ctx.year;
  return year ? termAt(inArticle, `${year}-07-01`) : undefined;
}

/** The latest year from 1990 to 2039 the text mentions, or undefined. */
function latestYear(text: string): number | undefined {
  let latest: number | undefined;
  for (const m of text.matchAll(/\b(?:199\d|20[0-3]\d)\b/g)) latest = Math.max(latest ?? 0, Number(m[0]));
  return latest;
}

/**
 * What the KB knows of a person the article does not place: the full name (with or without middle names),
 * dated by the article; else the surname, when every KB person of that surname stands for one state (or it
 * is one person: then the state of theirs the article names, the one at its date first), the article names
 * that state somewhere (a "Stone" in a US story is no Australian minister), and a first name the article
 * gives has the initial of one of them (Mikhail/Mikheil Saakashvili, not Steve/Elizabeth Warren).
 */
function fromKnowledgeBase(entity: Entity, ctx: Context): CountryAssignment | undefined {
  const { kb } = ctx;
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
    const term = terms && termFor(terms, ctx);
    if (term) return { code: term.code || null, evidence: `kb: ${candidate}` };
  }
  if (entity.type !== 'person' || !words.length || words.length > 4) return undefined;
  const surname = words[words.length - 1];
  const codes = surname.length >= 3 ? kb.surname(surname, words.length > 1 ? words[0] : undefined, ctx.date) : [];
  // The person's states the article names, the one in office at the article's date first.
  const named = codes.length ? codesNamed(ctx.article, kb) : undefined;
  const code = codes.find((c) => named!.has(c));
  return code ? { code, evidence: `kb surname: ${surname}` } : undefined;
}

const SPEECH_VERBS_IN_NAME = /^(?:says|said|tells|told|warns|warned|urges|urged|calls|called|slams|blasts|rejects|insists|vows)$/i;
const NAME_PARTICLES = /^(?:al|el|bin|ibn|de|da|dos|das|du|van|von|der|den|la|le|di)$/;

/**
 * A person's name as the entity stage may have run it on: into the sentence ("Netanyahu rallied
 * supporters") or through a headline ("Francois Hollande Says Donald Trump ...", "KERRY WARNS ASSAD"). The
 * name is the capitalised words before the first lower-case word or speech verb; a headline in capitals is
 * read in title case. Undefined when the name is already clean.
 */
function nameCore(name: string, atVerb: boolean): string | undefined {
  const words = name.replace(LEADING_NON_NAMES, '').split(/\s+/).filter(Boolean);
  const caps = words.length > 1 && words.every((w) => !/\p{Ll}/u.test(w));
  const core: string[] = [];
  for (const w of words) {
    if (SPEECH_VERBS_IN_NAME.test(w)) break;
    if (!atVerb && /^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w)) break;
    core.push(caps ? w.charAt(0) + w.slice(1).toLowerCase() : w);
  }
  const cut = core.join(' ');
  return cut && cut !== name && /^\p{Lu}/u.test(cut) ? cut : undefined;
}

/**
 * "the United States and other Western nations", "U.N. and Western officials", "Kerry and Russian Foreign
 * Minister Sergei Lavrov": parties joined by "and" that do not all say the same state are no one side. A
 * name that is one KB phrase ("Bosnia and Herzegovina") or says no state at all ("Center for Strategic and
 * International Studies") is not split.
 */
function severalSides(name: string, kb: KnowledgeBase): boolean {
  if (!name.includes('and') && !name.includes('&')) return false;
  const parties = name.split(/\s+(?:and|&)\s+/);
  if (parties.length < 2 || kb.phrase(phraseKey(name))) return false;
  const codes = parties.map((p) => (/^other\b/.test(p) ? 'other' : scanWords(p, kb)?.code ?? ''));
  return codes.some((c) => c && c !== 'other') && new Set(codes).size > 1;
}

/** The entity's own evidence: the article's words, then the KB; a bare surname through its fuller forms. */
function ownEvidence(entity: Entity, ctx: Context): CountryAssignment | undefined {
  if (severalSides(entity.name, ctx.kb)) return { code: null, evidence: `article: ${entity.name} (several sides)` };
  // A headline's speech verb ends a person's name before anything is looked up.
  const headline = entity.type === 'person' ? nameCore(entity.name, true) : undefined;
  if (headline) return ownEvidence({ ...entity, name: headline }, ctx);
  const found = fromText(entity, ctx) ?? fromKnowledgeBase(entity, ctx);
  if (found) return found;
  // A name run on into its sentence ("Netanyahu rallied supporters") is the name before it.
  const core = entity.type !== 'unnamed' && /^\p{Lu}\p{Ll}/u.test(entity.name) ? nameCore(entity.name, false) : undefined;
  if (core && !ctx.kb.demonym(phraseKey(core))) return ownEvidence({ ...entity, name: core, type: 'person' }, ctx);
  const name = entity.name.trim();
  if (entity.type !== 'person' || /\s/.test(name) || !name) return undefined;
  // A surname alone ("Ban", "Saakashvili"): the article's fuller forms of it are the same person.
  for (const span of fullerNames(ctx.article, name)) {
    const fuller: Entity = { ...entity, name: ctx.article.text.slice(span.start, span.end), mentions: [span] };
    const viaFuller = fromText(fuller, ctx) ?? fromKnowledgeBase(fuller, ctx);
    if (viaFuller) return viaFuller;
  }
  return undefined;
}

// Words of a description that say which one, not what it is ("a second official", "the same official").
const DETERMINERS = new Set('a an the one another other second third same senior top former this that its his her their two three some several'.split(' '));
// Words that join two parties: an earlier description is read only after the last of them.
const JOINERS = new Set(['and', 'or', 'nor', 'other']);
// Modifiers that place a description in more than one state.
const BLOC_WORDS = new Set('western european arab gulf african asian latin international regional allied coalition opposition'.split(' '));
// People who are where they are: their side is the place the article reports them in.
const LOCAL_PEOPLE = new Set('witness witnesses eyewitness eyewitnesses resident residents villager villagers local locals'.split(' '));
// Institutions every state has: an unqualified one ("the Ministry of Foreign Affairs said") is the state the
// paragraph is about.
const STATE_INSTITUTIONS = /\b(?:ministry|government|parliament|embassy|cabinet|presidency|military|army)\b/i;

const endsSentence = (t: { raw: string; word: string }): boolean => t.raw.endsWith('.') && t.word === t.raw.slice(0, -1);
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** Start of the paragraph holding `offset`. */
function paragraphStart(text: string, offset: number): number {
  const at = text.lastIndexOf('\n\n', offset);
  return at < 0 ? 0 : at + 2;
}

// How far (in words) the same description is looked for: a long article's length.
const DESCRIPTION_REACH = 4000;

/** The first index of sorted `items` whose value is at or after `at`. */
function firstAtOrAfter(items: number[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The same description elsewhere in the article, with its country: "a second official" after "an Iranian
 * official", "the city office" after "the Kharkiv city office", "its foreign minister" before "Foreign
 * Minister X" (whose country the article gives), "Observatory director X" after "the Syrian Observatory
 * for Human Rights". The nearest earlier occurrence that says something decides, else the nearest later one.
 */
function fromSameDescription(head: string, modifiers: string[], at: number, ctx: Context, byMention: Map<number, CountryCode | null>, own: Set<number>): CountryAssignment | undefined {
  const { article, kb } = ctx;
  const { tokens, text } = article;
  // Within an article's reach of the mention: on a book-length text, the same words far away are another story.
  const occurrences = tokensWith(article, head, true, `${head}s`).filter((k) => Math.abs(k - at) <= DESCRIPTION_REACH);
  const split = firstAtOrAfter(occurrences, at);
  const order = [...occurrences.slice(0, split).reverse(), ...occurrences.slice(split)];
  for (const k of order) {
    if (own.has(tokens[k].start)) continue;
    // The words before it, within the phrase: the modifiers must be among them ("foreign minister" is not any minister).
    let from = k;
    // Words joined by spaces or a hyphen; a dash ("BRUSSELS - European leaders") ends the phrase.
    while (from > 0 && k - from < 6 && /^[ \t]+$|^-$/.test(text.slice(tokens[from - 1].end, tokens[from].start)) && !endsSentence(tokens[from - 1]) && !JOINERS.has(tokens[from - 1].key) && !endsPhrase(tokens[from - 1])) from--;
    if (modifiers.some((m) => !tokens.slice(from, k).some((t) => t.key === m))) continue;
    // The head itself may complete a name ("State Department").
    const found = scanChunk(article, { from, to: k + 1, start: tokens[from].start, end: tokens[k].end }, kb);
    if (found?.code) return { code: found.code, evidence: `article: ${found.words} (same description: "${text.slice(tokens[from].start, tokens[k].end)}")` };
    // A title before a named speaker: that speaker's country.
    const next = tokens[k + 1];
    const titles = next && !endsSentence(tokens[k]) && /^[ \t]+$/.test(text.slice(tokens[k].end, next.start)) && !own.has(next.start);
    const named = titles ? byMention.get(next.start) : undefined;
    if (named) return { code: named, evidence: `article: ${text.slice(tokens[k].start, next.end)} (same description)` };
  }
  return undefined;
}

// Institutions a title or apposition may name without their state ("Observatory director", "spokesman for the ministry").
const INSTITUTION_HEADS = new Set('office observatory commission department government administration embassy mission ministry agency council committee'.split(' '));
// Nouns that head a description worth looking up elsewhere, besides the role nouns.
const DESCRIPTION_HEADS = new Set(['user', 'source', 'monitor', 'body', ...INSTITUTION_HEADS]);

/** A description's head and modifiers ("senior administration official" -> official, [administration]), or undefined. */
function description(name: string): { head: string; modifiers: string[] } | undefined {
  const words = phraseKey(name).split(' ').filter(Boolean);
  if (!words.length || words.length > 6) return undefined;
  const head = singular(words[words.length - 1]);
  if (!ROLE_NOUNS.has(head) && !DESCRIPTION_HEADS.has(head)) return undefined;
  const modifiers = words.slice(0, -1).filter((w) => !DETERMINERS.has(w) && !/^\d/.test(w));
  // "a senior Western official" says it is no one state's.
  return modifiers.some((m) => BLOC_WORDS.has(m)) ? undefined : { head, modifiers };
}

const isState = (code: CountryCode): boolean => /^[A-Z]{2}$/.test(code) && !BODY_CODES.has(code);

/** The one state the article's words name in spans, or undefined when none or several. */
function onlyState(ctx: Context, spans: Span[]): ChunkEvidence | undefined {
  const codes = new Map<CountryCode, string>();
  const matches = kbMatches(ctx.article, ctx.kb);
  for (const span of spans) {
    for (let i = firstStartingAt(matches, span.start); i < matches.length && matches[i].start < span.end; i++) {
      const m = matches[i];
      if (m.end <= span.end && isState(m.code) && !codes.has(m.code)) codes.set(m.code, ctx.article.text.slice(m.start, m.end));
    }
  }
  if (codes.size !== 1) return undefined;
  const [[code, words]] = [...codes];
  return { code, words };
}

/** The last KB match before `offset` and at or after `from` whose code passes `accept`. */
function lastMatchBefore(ctx: Context, offset: number, from: number, accept: (code: CountryCode) => boolean): ChunkEvidence | undefined {
  const matches = kbMatches(ctx.article, ctx.kb);
  for (let i = firstStartingAt(matches, offset) - 1; i >= 0 && matches[i].start >= from; i--) {
    if (accept(matches[i].code)) return { code: matches[i].code, words: ctx.article.text.slice(matches[i].start, matches[i].end) };
  }
  return undefined;
}

/** The nearest state the article names before `offset` in the same paragraph. */
function nearestState(ctx: Context, offset: number): ChunkEvidence | undefined {
  return lastMatchBefore(ctx, offset, paragraphStart(ctx.article.text, offset), isState);
}

// A membership count describes an international body ("the 56-nation organization", "the 28-member alliance").
const MEMBER_COUNT = /\b\d+[- ](?:nation|member|country|state)\b/i;

/** The nearest international body the article names before `offset`. */
function nearestBody(ctx: Context, offset: number): ChunkEvidence | undefined {
  return lastMatchBefore(ctx, offset, 0, (code) => BODY_CODES.has(code));
}

const SAYS = new Set('said says say told tells added adds announced announces stated states reported reports warned warns'.split(' '));

/**
 * "<State> said its analysts ...": a description after "its"/"their" that follows a state and its verb of
 * saying belongs to that state. `at` is the index of the description's first token.
 */
function possessorSaid(ctx: Context, at: number): ChunkEvidence | undefined {
  const { tokens, text } = ctx.article;
  if (at < 3 || !/^(?:its|their)$/.test(tokens[at - 1].key) || !SAYS.has(tokens[at - 2].key)) return undefined;
  const subjectEnd = tokens[at - 3].end;
  if (!/^\s+$/.test(text.slice(subjectEnd, tokens[at - 2].start))) return undefined;
  const matches = kbMatches(ctx.article, ctx.kb);
  const m = matches[firstStartingAt(matches, subjectEnd) - 1];
  return m?.end === subjectEnd && (isState(m.code) || BODY_CODES.has(m.code)) ? { code: m.code, words: text.slice(m.start, m.end) } : undefined;
}

// Anonymous people online ("one user wrote"), and where they post: a nationality before these words
// ("Chinese social media", "the Iranian internet", "Russian bloggers") says whose users they are.
const ONLINE_PEOPLE = new Set('user netizen blogger commenter poster'.split(' '));
const ONLINE_PLACES = new Set('media internet web blogosphere netizens bloggers users microblogs'.split(' '));

/** The one state whose nationality the article puts before a word for the internet or its users, if one. */
function onlineNationality(ctx: Context): ChunkEvidence | undefined {
  const { tokens, text } = ctx.article;
  const matches = kbMatches(ctx.article, ctx.kb);
  let found: ChunkEvidence | undefined;
  for (const key of ONLINE_PLACES) {
    for (const k of tokensWith(ctx.article, key, true)) {
      // "social media": the nationality stands before "social".
      const before = key === 'media' ? (tokens[k - 1]?.key === 'social' ? k - 2 : -1) : k - 1;
      if (before < 0) continue;
      const m = matches[firstStartingAt(matches, tokens[before].end) - 1];
      if (m?.end !== tokens[before].end || !isState(m.code) || !/^\s+$/.test(text.slice(m.end, tokens[before + 1].start))) continue;
      if (found && found.code !== m.code) return undefined;
      found = { code: m.code, words: text.slice(m.start, tokens[k].end) };
    }
  }
  return found;
}

/**
 * What the article as a whole says of a speaker its own words leave open: "the North" when it names one
 * "North ..." state; a description the article gave earlier with a country; witnesses and residents in the
 * one state their paragraph names; "the country's president" and an unqualified ministry as the state
 * named last before them in the paragraph.
 */
function fromWholeArticle(entity: Entity, ctx: Context, byMention: Map<number, CountryCode | null>): CountryAssignment | undefined {
  const name = entity.name.replace(/^the\s+/i, '');
  const first = inTextOrder(entity.mentions)[0];
  if (/^(?:North|South)$/.test(name)) {
    const codes = new Set(kbMatches(ctx.article, ctx.kb).filter((m) => m.words > 1 && ctx.article.text.startsWith(name, m.start)).map((m) => m.code));
    return codes.size === 1 ? { code: [...codes][0], evidence: `article: ${name} (the one "${name} ..." state it names)` } : undefined;
  }
  if (!first) return undefined;
  const own = new Set(entity.mentions.map((m) => m.start));
  const at = tokenAt(ctx.article, first.start);
  const [who, place] = name.split(/\s+in\s+(?:the\s+)?/);
  const head = singular(phraseKey(who).split(' ').pop() ?? '');
  const local = LOCAL_PEOPLE.has(head) || LOCAL_PEOPLE.has(`${head}s`);
  const there = local && place ? scanWords(place, ctx.kb, ctx.article) : undefined;
  if (there?.code) return { code: there.code, evidence: `article: ${there.words} (where they are)` };
  if (local) {
    const { text } = ctx.article;
    const paragraphs = entity.mentions.map((m) => {
      const end = text.indexOf('\n\n', m.end);
      return { start: paragraphStart(text, m.start), end: end < 0 ? text.length : end };
    });
    const found = onlyState(ctx, paragraphs);
    return found && { code: found.code, evidence: `article: ${found.words} (where they are)` };
  }
  const online = ONLINE_PEOPLE.has(head) ? onlineNationality(ctx) : undefined;
  if (online) return { code: online.code, evidence: `article: ${online.words} (the users' own)` };
  if (entity.type === 'person' && /^\p{Lu}/u.test(name)) {
    // A named person's title or apposition that names an institution without its state ("Observatory
    // director X", "X, a spokesman for the ministry").
    for (const chunk of [titleBefore(ctx.article, first, true), appositionAfter(ctx.article, first.end)]) {
      for (let k = chunk?.from ?? 0; chunk && k < chunk.to; k++) {
        const t = ctx.article.tokens[k];
        if (!INSTITUTION_HEADS.has(t.key)) continue;
        const found = fromSameDescription(t.key, [], k, ctx, byMention, new Set([t.start, ...own]));
        if (found) return found;
      }
    }
    return undefined;
  }
  // Before the mention that gives the count (an earlier mention may be the body's own name).
  const counted = MEMBER_COUNT.test(name) ? entity.mentions.find((m) => MEMBER_COUNT.test(ctx.article.text.slice(m.start, m.end))) : undefined;
  const members = counted && nearestBody(ctx, counted.start);
  if (members) return { code: members.code, evidence: `article: ${members.words} (the body named before)` };
  const owner = possessorSaid(ctx, at);
  if (owner) return { code: owner.code, evidence: `article: ${owner.words} (its own)` };
  const described = description(name);
  // The description, else an institution among its words ("administration" in "senior administration official").
  const heads = described ? [described, ...described.modifiers.filter((m) => DESCRIPTION_HEADS.has(m)).map((m) => ({ head: m, modifiers: [] }))] : [];
  for (const { head, modifiers } of heads) {
    const same = fromSameDescription(head, modifiers, at, ctx, byMention, own);
    if (same) return same;
  }
  const ownCountry = /\b(?:country|nation)['’]s\b/i.test(name);
  if (ownCountry || (entity.type === 'organisation' && STATE_INSTITUTIONS.test(name))) {
    const found = nearestState(ctx, first.start);
    return found && { code: found.code, evidence: `article: ${found.words} (the state named before)` };
  }
  return undefined;
}

/**
 * The country (or international body) each speaker stands for, with the words or KB entry that say so.
 * Each speaker's own evidence first (the article's words, then the KB); what is left open is read from
 * the article as a whole. Nothing found gives null, never a guess.
 */
export function assignCountries(
  text: string,
  entities: Entity[],
  options: AnalyzeOptions = {},
  kb: KnowledgeBase = defaultKnowledgeBase(),
  /** The engine's shared cut of the text (lib/text.ts), whose words the article's index reads rather than cutting them again. */
  tokens?: TextTokens,
): Map<number, CountryAssignment> {
  const date = options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? options.date : undefined;
  const ctx: Context = { article: articleIndex(text, tokens), kb, date };
  const assigned = new Map<number, CountryAssignment>(entities.map((e) => [e.id, ownEvidence(e, ctx) ?? UNKNOWN]));
  const open = entities.filter((e) => assigned.get(e.id)!.code === null && assigned.get(e.id)!.evidence === null);
  if (!open.length) return assigned;
  const byMention = new Map<number, CountryCode | null>();
  for (const e of entities) for (const m of e.mentions) byMention.set(m.start, assigned.get(e.id)!.code);
  for (const e of open) {
    const found = fromWholeArticle(e, ctx, byMention);
    if (found) assigned.set(e.id, found);
  }
  return assigned;
}
