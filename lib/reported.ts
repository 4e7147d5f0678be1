import { DETERMINERS, isPunct, isVerbAt, mention, phraseEndForward, subjectBefore, TIME_WORDS, type SourcePhrase } from './attribution';
import { isParticiple, LISTENER_VERBS } from './lexicon';
import { sentenceEnd, tokenize, type Token } from './text';
import type { Attribution, Paragraph, QuoteSpan } from './types';

// Reported speech: statements attributed without quotation marks. Its own stage after the direct
// quotes' attribution, sharing that stage's phrase readers (subjects, mentions, speech verbs).

const SPEECH_HINT = /\b(?:said|says|told|tells|added|adds|warned|warns|insisted|noted|wrote|argued|stressed|stated|declared|announced|explained|claimed|asserted|acknowledged|admitted|complained|suggested|urged|predicted|recalled|emphasi[sz]ed|conceded|contended|maintained|vowed|pledged|promised|threatened|charged|cautioned|countered|denied|confirmed|reported|agreed|according to)\b/i;

/**
 * Reported speech without quotation marks, in sentences that hold no quote: "X said (that) ...",
 * "X told reporters that ...", "according to X, ...". Emitted only when the sentence names its
 * subject and the content runs to at least four words.
 */
export function reportedSpeech(text: string, paragraphs: Paragraph[], quotes: QuoteSpan[]): Attribution[] {
  const found: Attribution[] = [];
  let q = 0;
  for (const p of paragraphs) {
    for (let from = p.start; from < p.end; ) {
      const to = sentenceEnd(text, from, p.end);
      const sentence = text.slice(from, to);
      while (q < quotes.length && quotes[q].close <= from) q++;
      const holdsQuote = q < quotes.length && quotes[q].open < to;
      if (!holdsQuote && SPEECH_HINT.test(sentence) && !/["“”«»]/.test(sentence)) {
        const statement = reportedStatement(text, tokenize(text, from, to));
        if (statement) found.push(statement);
      }
      from = to;
      while (from < p.end && /\s/.test(text[from])) from++;
    }
  }
  return found;
}

function reportedStatement(text: string, tokens: Token[]): Attribution | null {
  const last = tokens.length - 1;
  // a sentence-final "X said." governs the whole sentence, whatever verbs the content holds
  const final = [last, last - 1].find((k) => k > 3 && isVerbAt(tokens, k) && !isParticiple(tokens[k].key));
  for (let v = final ?? 0; v <= last; v++) {
    const t = tokens[v];
    const according = t.key === 'according' && tokens[v + 1]?.key === 'to';
    if (!according && (!isVerbAt(tokens, v) || isParticiple(t.key))) continue;
    let source: SourcePhrase | null;
    let content = v + 1;
    if (according) {
      // "According to X, the talks failed."
      const end = phraseEndForward(tokens, v + 2, last);
      source = end >= v + 2 ? mention(text, tokens, v + 2, end) : null;
      content = end + 1;
      if (tokens[content]?.text === ',') content++;
      if (v > 0) return null;
    } else if (v >= last - 1 && v > 3) {
      // the content before: "The talks will go on, Poroshenko said."
      source = subjectBefore(text, tokens, v, 0);
      const subjectStart = source ? tokens.findIndex((w) => w.start >= source!.start) : -1;
      let contentEnd = subjectStart - 1;
      while (contentEnd >= 0 && (isPunct(tokens[contentEnd]) || DETERMINERS.has(tokens[contentEnd].key))) contentEnd--;
      if (!source || contentEnd < 3 || source.kind === 'pronoun' && source.text.toLowerCase() === 'it') return null;
      const start = tokens[0].start, end = tokens[contentEnd].end;
      return { start, end, text: text.slice(start, end), kind: 'indirect', quote: null, cue: t.text, source };
    } else {
      source = subjectBefore(text, tokens, v, 0);
      // "told reporters that", "warned Moscow that": skip the listener
      if (LISTENER_VERBS.has(t.key)) {
        const that = tokens.slice(v + 1, v + 5).findIndex((w) => w.key === 'that');
        if (that >= 0) content = v + 2 + that;
        else if (t.key.startsWith('t')) return null;
      }
      while (content <= last && (TIME_WORDS.has(tokens[content].key) || tokens[content].key === 'on')) content++;
      if (tokens[content]?.key === 'that') content++;
    }
    if (!source || source.kind === 'pronoun' && source.text.toLowerCase() === 'it' || last - content < 3) return null;
    const start = tokens[content].start;
    const end = tokens[last].end - (/[.!?]$/.test(tokens[last].text) ? 1 : 0);
    return { start, end, text: text.slice(start, end), kind: 'indirect', quote: null, cue: according ? 'according to' : t.text, source };
  }
  return null;
}
