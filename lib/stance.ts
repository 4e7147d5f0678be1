// Stances: what a statement's wording says about a topic it mentions, from the AFINN-165 opinion lexicon
// (sentiment 5.0.2, MIT) with negation, clause scope and the word that governs the topic.
//
// For a topic in a clause: the governor is the nearest opinion word before it ("support for X", "the battle
// against X", "get rid of X"); the rest of the clause's opinion words evaluate that relation ("... is
// counterproductive", "we welcome ..."). Stance = governor's sign, turned when the evaluation is negative
// (for an unfavourable governor, only by words before it); without a governor, the evaluation's sign. The words just before the governor tell whose relation it is
// ("Moscow's support for X", "Russia backs X"): when that is another party, the statement claims its stance.
// The package's English language module (CommonJS: its labels.json has keys such as "super" that an ES
// module conversion of the JSON cannot export by name).
import english from 'sentiment/languages/en/index.js';
import negators from 'sentiment/languages/en/negators.json';
import type { Tokens } from './topics';

const labels: Record<string, number> = english.labels;

/**
 * Relation words AFINN does not rate but stance needs: the preposition of opposition and the verbs of
 * opposing and removing (AFINN rates "support" +2 but has no "oppose" or "against").
 */
const STANCE_EXTRAS: Record<string, number> = { against: -2, oppose: -2, opposition: -2, rid: -2 };
/** Negation: the lexicon's negators plus the plain ones it leaves out. */
const NEGATORS = new Set([...Object.keys(negators), 'no', 'never', 'without', 'nor', 'cannot', 'neither', "can't", 'can’t', 'don’t', 'doesn’t', 'won’t', 'isn’t', 'aren’t', 'wasn’t', "aren't", "wasn't"]);
const NEGATION_REACH = 3;
/** Prefixes that negate a rated stem: "unhelpful", "counterproductive", "non-violent". */
const NEGATING_PREFIX = /^(un|non-?|counter-?|in|im|dis)(.{5,})$/;
const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'ation'];

const polarityCache = new Map<string, number>();

/** The lexicon's score for a word, through inflection ("opposes" -> oppose) and negating prefixes. */
export function wordPolarity(lower: string): number {
  const cached = polarityCache.get(lower);
  if (cached !== undefined) return cached;
  // A base form whose rated entry is inflected ("concern" -> concerned) is read through it too.
  const direct = (w: string) => STANCE_EXTRAS[w] ?? labels[w] ?? labels[`${w}ed`] ?? labels[`${w}d`];
  let score = direct(lower);
  for (const suffix of SUFFIXES) {
    if (score !== undefined) break;
    if (lower.length > suffix.length + 3 && lower.endsWith(suffix)) {
      const stem = lower.slice(0, -suffix.length);
      score = direct(stem) ?? direct(`${stem}e`);
    }
  }
  if (score === undefined) {
    const m = NEGATING_PREFIX.exec(lower);
    const stemScore = m ? (direct(m[2]) ?? direct(m[2].replace(/bility$/, 'ble'))) : undefined;
    if (stemScore !== undefined) score = -stemScore;
  }
  polarityCache.set(lower, score ?? 0);
  return score ?? 0;
}

/** True for a word the lexicon rates: such words carry stance and are not topics themselves. */
export function isOpinionWord(lower: string): boolean {
  return wordPolarity(lower) !== 0;
}

/**
 * The classes of words this module asks about on every token of a statement's scope, as bits: topics.ts works
 * them out once per word of the article (Tokens.classes), so the scans test a bit instead of hashing the word.
 */
export const WORD_CLASS = { negator: 1, clauseBreak: 2, clauseOpener: 4, agreement: 8, divergence: 16 };

/** The WORD_CLASS bits of a lower-case word. */
export function wordClasses(lower: string): number {
  return (
    (NEGATORS.has(lower) ? WORD_CLASS.negator : 0) |
    (CLAUSE_BREAKS.has(lower) ? WORD_CLASS.clauseBreak : 0) |
    (CLAUSE_OPENERS.has(lower) ? WORD_CLASS.clauseOpener : 0) |
    (AGREEMENT_WORDS.has(lower) ? WORD_CLASS.agreement : 0) |
    (DIVERGENCE_WORDS.has(lower) ? WORD_CLASS.divergence : 0)
  );
}

/** Words that end a clause: a stance does not reach across "but", a semicolon or into a condition ("if X tests again"). */
const CLAUSE_BREAKS = new Set([';', 'but', 'however', 'whereas', 'although', 'though', 'yet', 'if', 'unless', 'because']);
/** Subordinators that open a new clause after a comma ("..., even as it strikes ..."). */
const CLAUSE_OPENERS = new Set(['even', 'as', 'while', 'which', 'who', 'although', 'though', 'whereas', 'despite']);

/** Clause boundaries within [from, to): token indices where a new clause starts. */
export function clauseStarts(tokens: Tokens, from: number, to: number): number[] {
  const starts = [from];
  for (let i = from + 1; i < to; i++) {
    const classes = tokens.classes(i);
    const sentenceBreak = tokens.sentence[i] !== tokens.sentence[i - 1];
    const breakWord = (classes & WORD_CLASS.clauseBreak) !== 0;
    const commaOpener = (classes & WORD_CLASS.clauseOpener) !== 0 && tokens.text(i - 1) === ',';
    if (sentenceBreak || breakWord || commaOpener) starts.push(i);
  }
  return starts;
}

/** Polarity of token i with negation in the few words before it (same clause). */
function signedPolarity(tokens: Tokens, i: number, clauseFrom: number): number {
  const p = tokens.word(i).polarity;
  if (p === 0 || tokens.classes(i) & WORD_CLASS.negator) return 0;
  for (let k = i - 1; k >= Math.max(clauseFrom, i - NEGATION_REACH); k--) if (tokens.classes(k) & WORD_CLASS.negator) return -p;
  return p;
}

export interface TargetStance {
  /** Index of the mention in the caller's list. */
  mention: number;
  /** +1 supports, -1 opposes, 0 only mentions (also for a place named as the setting: "in Syria"). */
  polarity: number;
  /** The relation's own polarity (the governor's), for a claim about whoever holds it. */
  relation: number;
  /** Token index of the relation's holder named just before the governor ("Moscow's support"), or -1. */
  holderToken: number;
  /** The governing opinion word's token index, or -1. */
  governor: number;
}

const GOVERNOR_REACH = 4;
/** A token that starts a verb's object: a determiner, "that" or a capitalised name. */
const opensObject = (tokens: Tokens, i: number) => DETERMINERS.has(tokens.lower(i)) || tokens.cap(i);
const LOCATIVES = new Set(['in', 'at', 'from', 'into', 'near', 'across', 'inside', 'within', 'throughout', 'around']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'remains', 'remain', 'seems', 'appears', "isn't", 'isn’t', "wasn't", 'wasn’t']);
const HOLDER_REACH = 3;
/** Verbs of wanting, whose object may be followed by what is wanted for it. */
const DESIRE_WORDS = new Set(['want', 'wants', 'wanted', 'wanting']);
/** A complement after a wanted object: a participle ("squeezed", "gone") or an infinitive ("to leave"). */
const opensComplement = (tokens: Tokens, i: number) => {
  const lower = tokens.lower(i);
  return lower === 'to' || lower === 'gone' || (/^\p{Ll}/u.test(tokens.text(i)) && lower.endsWith('ed'));
};

/**
 * An ungoverned mention that opens its clause and is not followed by a copula is the clause's subject:
 * "al-Assad's regime described the protesters as criminals" says nothing for or against al-Assad, while
 * "Assad is a threat" does.
 */
function actsAsSubject(tokens: Tokens, target: { first: number; last: number }, clauseFrom: number, phraseNoun: Set<number>): boolean {
  // After an opening phrase set off by a comma ("In state-run media, al-Assad's regime ...").
  for (let i = target.first - 1; i >= clauseFrom && tokens.text(i) !== ','; i--)
    if (!DETERMINERS.has(tokens.lower(i)) && !/^[\p{P}]+$/u.test(tokens.text(i))) return false;
  let next = target.last + 1;
  if (phraseNoun.has(next)) next++;
  return !copulaAt(tokens, next);
}

/** Adverbs that may stand between a subject and its copula ("X clearly is", "X also remains"). */
const ADVERBS_BEFORE_COPULA = new Set(['also', 'still', 'now', 'already', 'always', 'clearly', 'really', 'certainly']);
/** Auxiliaries before "be"/"been" ("has been", "will be"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'must', 'should']);

/** Whether a copula starts at token i, past adverbs: "is", "clearly is", "has been", "will be". */
function copulaAt(tokens: Tokens, i: number): boolean {
  while (ADVERBS_BEFORE_COPULA.has(tokens.lower(i))) i++;
  const word = tokens.lower(i);
  if (COPULAS.has(word)) return true;
  // (a subject's phrase may have taken the auxiliary as its noun: "X has been" is then read from "been")
  if ((word === 'been' || word === 'be') && AUXILIARIES.has(tokens.lower(i - 1))) return true;
  const next = tokens.lower(i + 1);
  return AUXILIARIES.has(word) && (next === 'been' || next === 'be');
}

/**
 * A mention inside the subject phrase of a copula, after the phrase's own noun ("a text focused on issues
 * linked to X will be acceptable"), with the clause's opinion words all after the copula: they evaluate the
 * phrase's noun, not X. Not through an infinitive ("a strategy to prop up X is doomed"): what is done to X
 * is what the words evaluate.
 */
function insideSubject(
  tokens: Tokens,
  target: { first: number; last: number },
  clauseFrom: number,
  clauseTo: number,
  phraseNoun: Set<number>,
  isMentionToken: (i: number) => boolean,
): boolean {
  let copula = target.last + 1;
  while (copula < clauseTo && !COPULAS.has(tokens.lower(copula)) && tokens.lower(copula) !== 'be') copula++;
  if (copula === clauseTo) return false;
  let noun = -1;
  for (let i = clauseFrom; i < copula; i++) {
    if (isMentionToken(i) || phraseNoun.has(i)) continue;
    // A participle after the phrase's noun describes it ("a text focused on ..."): no evaluation of the phrase.
    const describing = noun >= 0 && !tokens.cap(i) && tokens.lower(i).endsWith('ed');
    if (!describing && signedPolarity(tokens, i, clauseFrom) !== 0) return false;
    if (i < target.first && noun < 0 && !tokens.cap(i) && tokens.word(i).lemmaId >= 0) noun = i;
    if (noun >= 0 && i < target.first && tokens.lower(i) === 'to' && !tokens.cap(i + 1) && !isMentionToken(i + 1)) return false;
  }
  return noun >= 0;
}

/**
 * The stance toward each topic mention (token ranges, in order) inside the scope [from, to).
 * `isMentionToken(i)` tells tokens that belong to some topic mention: they are neither governors nor holders'
 * gaps. Linear in the scope's length (each mention looks back a bounded number of tokens).
 */
export function stancesInScope(
  tokens: Tokens,
  from: number,
  to: number,
  targets: { first: number; last: number }[],
  isMentionToken: (i: number) => boolean,
): TargetStance[] {
  if (!targets.length) return [];
  const starts = clauseStarts(tokens, from, to);
  const results: TargetStance[] = [];
  let clause = 0;
  let t = 0;
  while (t < targets.length) {
    while (clause + 1 < starts.length && starts[clause + 1] <= targets[t].first) clause++;
    const clauseFrom = starts[clause];
    const clauseTo = clause + 1 < starts.length ? starts[clause + 1] : to;
    // All targets of this clause share its evaluation words.
    const inClause: number[] = [];
    while (t < targets.length && targets[t].first < clauseTo) inClause.push(t++);
    /** Governor phrases [start, governor, mention's first token], and each target's phrase start. */
    const laterPhrases: [number, number, number][] = [];
    const governorStart = new Map<number, number>();
    const found = inClause.map((k) => {
      const target = targets[k];
      // A place named as the setting ("the talks in Norway") has no governor: the stance is about the talks.
      let before = target.first - 1;
      while (before > clauseFrom && DETERMINERS.has(tokens.lower(before))) before--;
      const setting = before >= clauseFrom && LOCATIVES.has(tokens.lower(before));
      let governor = -1;
      for (let i = target.first - 1; !setting && i >= Math.max(clauseFrom, target.first - GOVERNOR_REACH); i--) {
        if (isMentionToken(i)) continue;
        if (signedPolarity(tokens, i, clauseFrom) !== 0) {
          governor = i;
          break;
        }
      }
      // "wants X squeezed out", "wants X to leave": what is wanted for X is in the complement; the verb of
      // wanting says nothing for or against X (and is no evaluation of it either).
      const wantedFor = governor >= 0 && DESIRE_WORDS.has(tokens.lower(governor)) && opensComplement(tokens, target.last + 1);
      let phraseStart = governor;
      if (governor >= 0) {
        // "the battle against X", "air strikes against X": the noun before "against" is the same relation.
        if (tokens.lower(governor) === 'against') phraseStart = Math.max(clauseFrom, governor - 2);
        laterPhrases.push([phraseStart, governor, target.first]);
      }
      governorStart.set(k, phraseStart);
      let holderToken = -1;
      for (let i = phraseStart - 1; governor >= 0 && i >= Math.max(clauseFrom, phraseStart - HOLDER_REACH); i--) {
        if (isMentionToken(i) || ['its', 'their'].includes(tokens.lower(i))) {
          holderToken = i;
          break;
        }
        if (/^[,;:]$/.test(tokens.text(i))) break;
      }
      return { k, governor, holderToken, setting, wantedFor };
    });
    // A noun right after a mention belongs to its phrase ("Islamic State rebels"), not to the evaluation.
    // A verb after a mention ("Finland condemned the ...") is not: it ends in -ed or opens an object.
    const phraseNoun = new Set(
      inClause
        .map((k) => targets[k].last + 1)
        // (what follows the clause opens no object: "... Security Council resolutions. The ...")
        .filter((i) => i < clauseTo && /^\p{Ll}/u.test(tokens.text(i)) && !tokens.lower(i).endsWith('ed') && !(i + 1 < clauseTo && opensObject(tokens, i + 1))),
    );
    let clauseEvaluation = 0;
    for (let i = clauseFrom; i < clauseTo; i++) if (!isMentionToken(i) && !phraseNoun.has(i)) clauseEvaluation += signedPolarity(tokens, i, clauseFrom);
    for (const { k, governor, holderToken, setting, wantedFor } of found) {
      // Evaluation: the clause's other opinion words, except the governors of mentions that come later
      // ("support for X and the fight against Y": the fight does not evaluate X); earlier ones scope over it
      // ("warned Russia that its support for X") unless they are prepositional.
      const excluded = new Set<number>();
      if (governor >= 0) for (let i = governorStart.get(k)!; i <= governor; i++) excluded.add(i);
      for (const [start, end, first] of laterPhrases) {
        // A prepositional relation ("the battle against IS") is complete in itself and evaluates nothing else.
        const closed = tokens.lower(end) === 'against';
        if (first > targets[k].first || (closed && first !== targets[k].first)) for (let i = start; i <= end; i++) excluded.add(i);
      }
      let evaluation = clauseEvaluation;
      for (const i of excluded) if (!isMentionToken(i) && !phraseNoun.has(i)) evaluation -= signedPolarity(tokens, i, clauseFrom);
      let evaluationBefore = 0;
      for (let i = clauseFrom; governor >= 0 && i < governorStart.get(k)!; i++) if (!excluded.has(i) && !isMentionToken(i) && !phraseNoun.has(i)) evaluationBefore += signedPolarity(tokens, i, clauseFrom);
      const relation = governor >= 0 && !wantedFor ? Math.sign(signedPolarity(tokens, governor, clauseFrom)) : 0;
      // A favourable relation ("support for X") turns with any unfavourable word of its clause ("... is
      // counterproductive", "concern about ..."). An unfavourable one ("accused X of brutal tactics") turns
      // only under words before it ("condemned the strikes against X"): the words after describe X.
      const turned = relation > 0 ? evaluation < 0 : evaluationBefore < 0;
      const polarity = relation !== 0 ? (turned ? -relation : relation) : setting || actsAsSubject(tokens, targets[k], clauseFrom, phraseNoun) || insideSubject(tokens, targets[k], clauseFrom, clauseTo, phraseNoun, isMentionToken) ? 0 : Math.sign(evaluation);
      results.push({ mention: k, polarity, relation, holderToken, governor });
    }
  }
  return results;
}

/** Markers of agreement between parties ("share the same goals", "opinions coincide"). */
const AGREEMENT_WORDS = new Set(['agree', 'agrees', 'agreed', 'share', 'shares', 'shared', 'same', 'common', 'coincide', 'coincides', 'overlap', 'consensus', 'together', 'joint', 'jointly', 'mutual']);
/** Markers of disagreement between parties. */
const DIVERGENCE_WORDS = new Set(['disagree', 'disagrees', 'disagreed', 'disagreement', 'disagreements', 'differ', 'differs', 'differences', 'divergence', 'divergences', 'dispute']);

/** Whether the scope speaks of agreement (+1), disagreement (-1), both or neither (0). */
export function agreementIn(tokens: Tokens, from: number, to: number): { agree: boolean; differ: boolean } {
  let agree = false;
  let differ = false;
  for (let i = from; i < to; i++) {
    const classes = tokens.classes(i);
    if (!(classes & (WORD_CLASS.agreement | WORD_CLASS.divergence))) continue;
    const negated = i > from && (tokens.classes(i - 1) & WORD_CLASS.negator) !== 0;
    if (classes & WORD_CLASS.agreement) (negated ? (differ = true) : (agree = true));
    if (classes & WORD_CLASS.divergence) (negated ? (agree = true) : (differ = true));
  }
  return { agree, differ };
}
