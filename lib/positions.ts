import { agreementIn, stancesInScope } from './stance';
import { countryName } from './country-names';
import type { TextTokens } from './text';
import { findTopics, normalizeKey, tokenize, type TopicIndex, type Tokens } from './topics';
import type { CountryCode, Quote, Side, Summary, SideSummary, TopicStance } from './types';

type Stance = TopicStance['stance'];

/** Words that end the attribution frame before a partial quote's content: "said", "told troops that". */
const CUES = new Set(
  'said says saying told tells telling added adding noted noting stated stating warned warning declared insisted argued wrote writes according that announced explained urged called claimed acknowledged'.split(' '),
);
/** Words that refer to both parties: a statement of agreement with one of them speaks about the two sides. */
const BOTH_WORDS = new Set(['both', 'sides', "sides'", 'side', 'two', 'each', 'partners', 'we']);
const GIST_SIZE = 3;
/** Statements shorter than this many words take their paragraph's topics as mentioned. */
const SHORT_STATEMENT_WORDS = 10;
const MIN_GIST_WORDS = 5;
const AUDIENCE_CUES = new Set(['told', 'tells', 'telling']);

interface Reading {
  statement: number;
  polarity: number;
}

interface Claim {
  /** The side that makes the claim (index into the two sides). */
  by: number;
  statement: number;
  topic: string;
  /** The stance claimed for the other side. */
  polarity: number;
}

/**
 * The popup's summary of the two main sides: who spoke, the topics each side addresses and its stance on
 * them, where the sides agree and where they differ (with evidence and provenance), and each side's most
 * representative statements. A pure function of the earlier stages' output and the article text; without
 * the text there are no topics, only statements and gist. `textTokens`, the text as the earlier stages cut it
 * (lib/text.ts), spares cutting it again.
 */
export function summarize(quotes: Quote[], sides: Side[], text = '', textTokens?: TextTokens): Summary {
  const top = sides.slice(0, 2);
  const holdsQuote = reportedAroundQuotes(quotes);
  const statements = top.map((side) => {
    const own: number[] = [];
    for (let i = 0; i < quotes.length; i++) if (quotes[i].country === side.country && !holdsQuote.has(i)) own.push(i);
    return own;
  });
  const index = text ? findTopics(text, tokenize(text, textTokens)) : null;
  const readings = top.map(() => new Map<string, Reading[]>());
  const claims: Claim[] = [];
  const general = top.map(() => ({ agree: [] as number[], differ: [] as number[] }));
  const names = new Map<string, string>();
  const sideCountryReadings: { side: number; key: string; statement: number; polarity: number }[] = [];

  if (index) {
    const speakerCountry = speakerCountries(quotes);
    const sideCodes = new Set(top.map((s) => s.country));
    /**
     * A mention's topic key; people who speak for a country stand for it ("Lavrov's support" -> Russia), and
     * so do people the article introduces as one side's ("U.S. Secretary of State John Kerry").
     */
    const topicKey = (id: number): string => {
      const topic = index.topics[id];
      // An issue named by one of the sides ("U.S. sanctions" where the US speaks) is the issue itself.
      const { qualified } = topic;
      if (qualified && sideCodes.has(qualified.by.slice(2)) && qualified.by.startsWith('C:')) {
        names.set(qualified.key, qualified.name);
        return qualified.key;
      }
      const affiliated = topic.affiliation && sideCodes.has(topic.affiliation) ? topic.affiliation : null;
      // Any of the topic's names may be how a speaker is named ("KCNA" speaks; "Korean Central News Agency" is the topic).
      const spoken = speakerCountry.get(topic.key) ?? speakerCountry.get(normalizeKey(topic.name)) ?? topic.aliases.map((a) => speakerCountry.get(a)).find(Boolean);
      const code = topic.country ?? spoken ?? affiliated;
      if (code) {
        const key = `C:${code}`;
        if (!names.has(key)) names.set(key, countryName(code));
        return key;
      }
      names.set(topic.key, topic.name);
      return topic.key;
    };
    // A mention's key, worked out once per topic: every statement's mentions ask for it.
    const keyOfTopic = new Map<number, string>();
    const keyOf = (mention: number): string => {
      const id = index.mentions[mention].topic;
      let key = keyOfTopic.get(id);
      if (key === undefined) keyOfTopic.set(id, (key = topicKey(id)));
      return key;
    };
    top.forEach((side, s) => {
      const other = top[1 - s]?.country;
      for (const qi of statements[s]) {
        const [from, to] = statementScope(index.tokens, quotes[qi]);
        // The audience of a speech verb ("told CNN") is not what the statement is about.
        // A country that only introduces a name ("Syrian President ...") is the name's, not a topic of its own.
        const inScope = mentionsIn(index, from, to).filter(
          (m) => !index.mentions[m].modifier && !AUDIENCE_CUES.has(index.tokens.lower(index.mentions[m].first - 1)),
        );
        const targets = inScope.map((m) => index.mentions[m]);
        const stances = stancesInScope(index.tokens, from, to, targets, (i) => index.mentionAt[i] !== -1);
        const keys = inScope.map(keyOf);
        const own = `C:${side.country}`;
        const otherKey = other ? `C:${other}` : null;
        const topicReadings: { key: string; polarity: number; governed: boolean }[] = [];
        for (const st of stances) {
          const key = keys[st.mention];
          if (key === own || key === otherKey) {
            sideCountryReadings.push({ side: s, key, statement: qi, polarity: st.polarity });
            continue;
          }
          topicReadings.push({ key, polarity: st.polarity, governed: st.relation !== 0 });
          const holder = st.holderToken >= 0 ? holderCountry(index, st.holderToken, keyOf) : null;
          if (otherKey && holder === otherKey && st.relation !== 0) claims.push({ by: s, statement: qi, topic: key, polarity: st.relation });
        }
        // One reading per topic and statement: its governed mentions ("against IS") outweigh the others
        // ("also known as Isil").
        const perTopic = new Map<string, number>();
        const governedTopics = new Set(topicReadings.filter((r) => r.governed).map((r) => r.key));
        for (const r of topicReadings) {
          if (governedTopics.has(r.key) && !r.governed) continue;
          perTopic.set(r.key, (perTopic.get(r.key) ?? 0) + r.polarity);
        }
        // A short statement ("cordial and constructive") is about what its paragraph names: those topics count
        // as mentioned, with no stance (a stance needs the statement's own words).
        if (wordCount(quotes[qi].text) < SHORT_STATEMENT_WORDS) {
          const [pFrom, pTo] = paragraphTokens(index.tokens, text, quotes[qi]);
          for (const m of mentionsIn(index, pFrom, pTo)) {
            const key = index.mentions[m].modifier ? null : keyOf(m);
            if (key && key !== own && key !== otherKey && !perTopic.has(key)) perTopic.set(key, 0);
          }
        }
        for (const [key, sum] of perTopic) {
          const list = readings[s].get(key) ?? [];
          list.push({ statement: qi, polarity: Math.sign(sum) });
          readings[s].set(key, list);
        }
        // Statements about agreement or disagreement between the two parties.
        const { agree, differ } = agreementIn(index.tokens, from, to);
        if (!agree && !differ) continue;
        const namesBoth = (otherKey && keys.includes(otherKey)) || anyWordIn(index.tokens, from, to, BOTH_WORDS);
        if (!namesBoth) continue;
        const polar = [...perTopic].filter(([, sum]) => sum !== 0);
        if (!polar.length) {
          if (agree) general[s].agree.push(qi);
          if (differ) general[s].differ.push(qi);
        } else if (otherKey && keys.includes(otherKey)) {
          for (const [key, sum] of polar) claims.push({ by: s, statement: qi, topic: key, polarity: agree && !differ ? Math.sign(sum) : -Math.sign(sum) });
        }
      }
    });
    // The sides' own countries are topics only where both sides speak of them ("Ukraine" in a dispute
    // between Ukraine and Russia); a side's stance on itself or on its opponent alone says little.
    for (const key of new Set(sideCountryReadings.map((r) => r.key))) {
      const of = sideCountryReadings.filter((r) => r.key === key);
      if (!of.some((r) => r.side === 0) || !of.some((r) => r.side === 1)) continue;
      for (const r of of) {
        const list = readings[r.side].get(key) ?? [];
        if (list.at(-1)?.statement === r.statement) list[list.length - 1].polarity = Math.sign(list[list.length - 1].polarity + r.polarity);
        else list.push({ statement: r.statement, polarity: Math.sign(r.polarity) });
        readings[r.side].set(key, list);
      }
    }
  }

  const sideKeys = new Set(top.map((side) => `C:${side.country}`));
  const rank = rankTopics(readings, sideKeys);
  const stanceOf = (s: number, key: string): Stance | null => (readings[s]?.get(key) ? aggregate(readings[s].get(key)!) : null);
  const summary: Summary = {
    sides: top.map((side, s): SideSummary => {
      const topics = rank
        .filter((key) => readings[s].has(key))
        .map((key) => {
          const list = readings[s].get(key)!;
          const stance = aggregate(list);
          const shows = list.filter((r) => (stance === 'supports' ? r.polarity > 0 : stance === 'opposes' ? r.polarity < 0 : true));
          return { topic: names.get(key) ?? key, stance, evidence: unique(shows.map((r) => r.statement)) };
        });
      return { country: side.country, name: side.name, speakers: side.speakers, statements: statements[s], topics, gist: gist(quotes, statements[s], readings[s], rank) };
    }),
    agreement: [],
    divergence: [],
  };
  if (top.length < 2) return summary;

  // Claims by topic, in statement order (each topic's are read once: a long article has thousands of both).
  const claimsOn = new Map<string, Claim[]>();
  for (const c of claims) {
    const list = claimsOn.get(c.topic);
    if (list) list.push(c);
    else claimsOn.set(c.topic, [c]);
  }
  for (const key of rank) {
    if (sideKeys.has(key)) continue;
    const a = stanceOf(0, key);
    const b = stanceOf(1, key);
    const topic = names.get(key) ?? key;
    const codes = [top[0].country, top[1].country];
    if (a && b && a !== 'mentions' && b !== 'mentions') {
      const evidence = unique([...stancedStatements(readings[0], key), ...stancedStatements(readings[1], key)]);
      if (a === b && a !== 'mixed') summary.agreement.push({ topic, stance: a, evidence, provenance: 'both', claimedBy: null });
      else if (a !== b) summary.divergence.push({ topic, stances: { [codes[0]]: a, [codes[1]]: b }, evidence, provenance: 'both', claimedBy: null });
      continue;
    }
    // One side's claim about the other, where the other's own statements take no stance on the topic.
    for (const by of [0, 1]) {
      const about = 1 - by;
      const ownStance = by === 0 ? a : b;
      const otherOwn = about === 0 ? a : b;
      const relevant = (claimsOn.get(key) ?? []).filter((c) => c.by === by);
      if (!relevant.length || !ownStance || ownStance === 'mentions' || ownStance === 'mixed' || (otherOwn && otherOwn !== 'mentions')) continue;
      const claimed = aggregate(relevant.map((c) => ({ statement: c.statement, polarity: c.polarity })));
      if (claimed === 'mentions' || claimed === 'mixed') continue;
      const evidence = unique([...relevant.map((c) => c.statement), ...stancedStatements(readings[by], key)]);
      if (claimed === ownStance)
        summary.agreement.push({ topic, stance: claimed, evidence, provenance: 'claimed', claimedBy: codes[by], general: general[about].agree });
      else
        summary.divergence.push({
          topic,
          stances: { [codes[by]]: ownStance, [codes[about]]: claimed },
          evidence,
          provenance: 'claimed',
          claimedBy: codes[by],
          general: general[about].differ,
        });
      break;
    }
  }
  return summary;
}

/**
 * Reported statements that take a direct quote in ("X said A “B”"): the quote is the statement the summary
 * shows (its scope already reaches back over A), so the reported one would only repeat it.
 */
function reportedAroundQuotes(quotes: Quote[]): Set<number> {
  const starts = quotes.flatMap((q) => (q.kind === 'direct' ? [q.start] : [])).sort((a, b) => a - b);
  const holding = new Set<number>();
  quotes.forEach((q, i) => {
    if (q.kind !== 'indirect') return;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < q.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && starts[lo] < q.end) holding.add(i);
  });
  return holding;
}

/** Speakers' surname keys -> the country they speak for, so a side's own people are not its topics. */
function speakerCountries(quotes: Quote[]): Map<string, CountryCode> {
  const map = new Map<string, CountryCode>();
  const setFirst = (key: string, code: CountryCode) => map.has(key) || map.set(key, code);
  // Backwards, so the last statement's country wins; a speaker and country already read add nothing.
  const done = new Map<string, CountryCode[]>();
  for (let i = quotes.length - 1; i >= 0; i--) {
    const q = quotes[i];
    if (!q.speaker || !q.country) continue;
    const codes = done.get(q.speaker);
    if (codes?.includes(q.country)) continue;
    if (codes) codes.push(q.country);
    else done.set(q.speaker, [q.country]);
    const words = q.speaker.split(/\s+/);
    setFirst(normalizeKey(q.speaker), q.country);
    setFirst(normalizeKey(words[words.length - 1].replace(/^(?:al|el|ad|as|ash|an|at|ar|az)-/i, '')), q.country);
  }
  return map;
}


/** The token range of the paragraph (a line of the text) that holds the statement. */
function paragraphTokens(tokens: Tokens, text: string, q: Quote): [number, number] {
  const end = text.indexOf('\n', q.end);
  return [tokens.firstStartingAt(text.lastIndexOf('\n', q.start) + 1), tokens.firstStartingAt(end < 0 ? text.length : end)];
}

/** Punctuation that ends the phrase a direct quote closes inside ("'share the same goals' in the battle against IS, ..."). */
const PHRASE_ENDS = new Set([',', ';', ':', '(', ')', '—', '–', '―', '--']);
/** A quotation that closes with its own punctuation ("time out," / "enormous."). */
const CLOSES_ITSELF = /[,.;:!?…]$/;

/**
 * The statement's scope as a token range: its own words, widened to the sentences it sits in, from just after
 * the last attribution cue before it ("Obama told troops that a strategy to prop up Assad is 'doomed to
 * failure'" -> "a strategy to prop up Assad is doomed to failure"). A direct quote's frame is the speaker's only
 * from a cue on: one set in the journalist's own sentence with no cue before it ("Beijing expressed its
 * 'dissatisfaction,' noting ...") starts at its own words. After a direct quote, the scope runs on to the end
 * of the phrase the quote closes inside, not to the end of the sentence: the words after a quote that closes
 * with its own punctuation ("'time out,' allowing Hamas to ...") are the journalist's.
 */
function statementScope(tokens: Tokens, q: Quote): [number, number] {
  const first = tokens.firstStartingAt(q.start);
  let last = tokens.firstStartingAt(q.end);
  if (first >= tokens.length) return [first, first];
  let from = first;
  while (from > 0 && tokens.sentence[from - 1] === tokens.sentence[first]) from--;
  let cued = false;
  // The cue itself stays in scope: a reporting verb's own wording ("warned", "welcomed") is the speaker's.
  for (let i = first - 1; i >= from; i--) {
    if (!CUES.has(tokens.lower(i))) continue;
    let cue = i;
    if (tokens.lower(i) === 'that') for (let k = i - 1; k >= Math.max(from, i - 4); k--) if (CUES.has(tokens.lower(k))) cue = k;
    from = cue;
    cued = true;
    break;
  }
  const lastSentence = tokens.sentence[Math.max(first, last - 1)];
  if (q.kind === 'direct') {
    if (!cued) from = first;
    if (CLOSES_ITSELF.test(q.text.trimEnd())) return [from, last];
    while (last < tokens.length && tokens.sentence[last] === lastSentence && !PHRASE_ENDS.has(tokens.text(last))) last++;
    return [from, last];
  }
  while (last < tokens.length && tokens.sentence[last] === lastSentence) last++;
  return [from, last];
}

/** Whether a token of [from, to) is one of `words`. */
function anyWordIn(tokens: Tokens, from: number, to: number, words: Set<string>): boolean {
  for (let i = from; i < to; i++) if (words.has(tokens.lower(i))) return true;
  return false;
}

/** Indices of the mentions that lie inside the token range, in order. */
function mentionsIn(index: TopicIndex, from: number, to: number): number[] {
  const out: number[] = [];
  let lo = 0;
  let hi = index.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.mentions[mid].first < from) lo = mid + 1;
    else hi = mid;
  }
  for (let m = lo; m < index.mentions.length && index.mentions[m].last < to; m++) out.push(m);
  return out;
}

/**
 * The country named as the holder of a relation: a country mention ("Moscow's support"), or "its"/"their"
 * resolved to the nearest country mentioned before it in the sentence ("warned Russia that its support").
 */
function holderCountry(index: TopicIndex, token: number, keyOf: (mention: number) => string): string | null {
  if (index.mentionAt[token] !== -1) {
    const key = keyOf(index.mentionAt[token]);
    return key.startsWith('C:') ? key : null;
  }
  if (index.tokens.lower(token + 1) === 'own') return null;
  for (let i = token - 1; i >= 0 && index.tokens.sentence[i] === index.tokens.sentence[token]; i--) {
    if (index.mentionAt[i] === -1) continue;
    const key = keyOf(index.mentionAt[i]);
    if (key.startsWith('C:')) return key;
  }
  return null;
}

/** The statements of a side's readings on `key` that take a stance. */
function stancedStatements(readings: Map<string, Reading[]>, key: string): number[] {
  return (readings.get(key) ?? []).filter((r) => r.polarity !== 0).map((r) => r.statement);
}

/** supports / opposes when the readings lean one way two to one, mixed when both, mentions when neither. */
function aggregate(list: Reading[]): Stance {
  const pos = list.filter((r) => r.polarity > 0).length;
  const neg = list.filter((r) => r.polarity < 0).length;
  if (!pos && !neg) return 'mentions';
  if (pos >= 2 * neg) return 'supports';
  if (neg >= 2 * pos) return 'opposes';
  return 'mixed';
}

/**
 * Topic keys ranked by how much both sides say about them: the smaller side's count first, then the total;
 * named people, groups and places before common-noun issues on a tie.
 */
function rankTopics(readings: Map<string, Reading[]>[], sideKeys: Set<string>): string[] {
  const keys = new Set(readings.flatMap((r) => [...r.keys()]));
  const score = new Map<string, number>();
  for (const key of keys) {
    const counts = readings.map((r) => r.get(key)?.length ?? 0);
    const stanced = readings.reduce((n, r) => n + (r.get(key)?.filter((x) => x.polarity !== 0).length ?? 0), 0);
    const both = counts.length < 2 ? 0 : Math.min(...counts);
    // The sides' own countries after every other shared topic.
    score.set(key, (sideKeys.has(key) ? 0 : both * 100) + counts.reduce((a, b) => a + b, 0) * 10 + stanced + (key.startsWith('I:') ? 0 : 0.5));
  }
  return [...keys].sort((a, b) => score.get(b)! - score.get(a)!);
}

/**
 * A side's most representative statements: those that take a stance on the topics ranked highest, direct
 * quotes before reported ones, longer before shorter, fragments last, each wording once.
 */
function gist(quotes: Quote[], statements: number[], readings: Map<string, Reading[]>, rank: string[]): number[] {
  const weight = new Map(rank.map((key, r) => [key, 1 / (1 + r)]));
  const score = new Map<number, number>(statements.map((qi) => [qi, (quotes[qi].kind === 'direct' ? 0.5 : 0) + Math.min(quotes[qi].text.length, 200) / 200]));
  for (const [key, list] of readings) for (const r of list) score.set(r.statement, (score.get(r.statement) ?? 0) + (weight.get(key) ?? 0) * (r.polarity !== 0 ? 2 : 1));
  // A fragment of a few words ("enormous,") shows little on its own, however topical its sentence.
  for (const qi of statements) if (wordCount(quotes[qi].text) < MIN_GIST_WORDS) score.set(qi, score.get(qi)! / 4);
  const chosen: number[] = [];
  /** The chosen statements' distinct words. */
  const chosenWords: Set<string>[] = [];
  for (const qi of [...statements].sort((a, b) => score.get(b)! - score.get(a)! || a - b)) {
    if (chosen.length === GIST_SIZE) break;
    // each wording once (an article may quote one remark twice in slightly different words), and no
    // statement inside another (a reported clause within a reported one)
    const q = quotes[qi];
    if (chosen.some((o) => quotes[o].start < q.end && q.start < quotes[o].end)) continue;
    const words = distinctWords(q.text);
    if (chosen.some((o, k) => quotes[o].text === q.text || sameWording(chosenWords[k], words))) continue;
    chosen.push(qi);
    chosenWords.push(words);
  }
  return chosen;
}

/** A statement's distinct words, lower case (worked out once per statement the gist weighs). */
function distinctWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Whether two statements say the same in nearly the same words: four in five of their distinct words shared. */
function sameWording(wa: Set<string>, wb: Set<string>): boolean {
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 0.8 * (wa.size + wb.size - shared);
}

/** The number of whitespace-separated pieces, as `words.split(/\s+/).length` counts them, without the array. */
function wordCount(words: string): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(words[i]));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

function unique(list: number[]): number[] {
  return [...new Set(list)].sort((a, b) => a - b);
}
