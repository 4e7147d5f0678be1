// The messages between the content script, the background and the popup, and the checks that
// turn anything received into a well-formed value or null.
import type { PageState } from '../../dom/page';
import type { Quote, Side, SideSpeaker, SideSummary, StatementKind, Summary, TopicStance } from '../../lib/types';

/** What the content script concluded about a page. `error` is an internal failure, logged in the page. */
export type ResultState = PageState | 'error';

/** The per-tab result the background keeps and the popup shows. */
export interface PageResult {
  url: string;
  title: string;
  state: ResultState;
  /** Whether the quotes are highlighted on the page right now. */
  highlighted: boolean;
  quotes: Quote[];
  sides: Side[];
  /** The sides' positions by topic, where they agree and where they differ. */
  summary: Summary;
  /** What the run cost the page, in milliseconds (npm run bench reads it from the stored result). */
  timings?: PageTimings;
  /**
   * Set by the background on a stored result too large for storage.session: how many quotes after the
   * first MAX_STORED_QUOTES were left out (sides and summary are whole, and may name quotes left out).
   */
  quotesLeftOut?: number;
}

/**
 * Milliseconds of one content-script run. detect, read and highlight are main-thread time in the page;
 * analysis is the wait for the background (off the page's main thread), engine the part of it the
 * engine ran; total runs from the start of detection to the last highlight; longestTask is the longest
 * stretch the run held the main thread.
 */
export interface PageTimings {
  detect: number;
  read: number;
  analysis: number;
  engine: number;
  highlight: number;
  total: number;
  longestTask: number;
  /**
   * Of `analysis`: the request's way to the background and the reply's way back (queueing, copying and
   * the wait for the page's main thread included), from both sides' clocks.
   */
  toBackground?: number;
  fromBackground?: number;
  /** Reporting the result and updating the reader UI (colours, legend): main-thread time, in `total`. */
  ui?: number;
  /** First run only: from the content script's start to the run's start (reading the reader's settings). */
  startDelay?: number;
  /**
   * Of the run: loading the reader module (highlighter, reader UI), which overlaps reading and the
   * analysis; readerWait is the part of it the run waited for after the reply.
   */
  readerLoad?: number;
  readerWait?: number;
  /** Set by the background: summarising the findings, which it does after its reply (not in `engine`). */
  summary?: number;
}

/** Content script -> background: run the engine on an article's text. Answered with an AnalysisReplyMessage. */
export interface AnalyzeRequest {
  type: 'stancemark:analyze';
  text: string;
  /** The article's date, YYYY-MM-DD. */
  date?: string;
}

/**
 * Content script -> background, once the settings allow a run on a candidate article whose text is still
 * being read: a stopped service worker starts (its script evaluated) while the page reads. Not answered.
 */
export interface PrepareRequest {
  type: 'stancemark:prepare';
}

/** A quote as a reply carries it: without its text, which is the page's own text from start to end. */
export type ReplyQuote = Omit<Quote, 'text'>;

/**
 * Background -> content script, the answer to an AnalyzeRequest: what highlighting needs of the engine's
 * Analysis. The summary is not in it: the background computes it after replying and gives it in the
 * answer to the run's report (a ReportAnswer); entities stay in the background.
 */
export interface AnalysisReplyMessage extends Omit<AnalysisReply, 'quotes'> {
  quotes: ReplyQuote[];
}

/** The analysis reply as the page takes it (parseAnalysisReply): each quote's text restored from the page's text. */
export interface AnalysisReply {
  quotes: Quote[];
  sides: Side[];
  /** Names these findings: a later report refers to them by it instead of sending them back. */
  analysis?: string;
  /** How long the engine ran, in milliseconds. */
  engineMs?: number;
  /** When the background received the request and sent the reply: epoch milliseconds (performance.timeOrigin + now). */
  receivedAt?: number;
  repliedAt?: number;
}

/** Background -> content script, the answer to a report naming kept findings: their summary. */
export interface ReportAnswer {
  summary: Summary;
}

/** A PageResult without its findings. */
export type PageReport = Omit<PageResult, 'quotes' | 'sides' | 'summary'>;

/**
 * Content script -> background, after a run that asked the background for something (a page that is no
 * article sends nothing: the popup asks the tab): the whole result, or (`analysis` set) the report of a
 * run whose findings are those of the background's reply `analysis`, which the background kept; it then
 * answers with their summary (a ReportAnswer), or false when it no longer has them (its service worker
 * restarted meanwhile). The whole result is then sent with `text`, the article text the findings are of,
 * and answered with their summary too (a ReportAnswer), since the page never got one.
 */
export type PageResultMessage =
  | { type: 'stancemark:page-result'; result: PageResult; text?: string }
  | { type: 'stancemark:page-result'; result: PageReport; analysis: string };

/**
 * Popup -> content script: highlights on (re-runs the whole pipeline; `anyway` skips the is-it-an-article
 * gate) or off. Answered with the PageResult.
 */
export interface SetHighlightsMessage {
  type: 'stancemark:set-highlights';
  on: boolean;
  anyway?: boolean;
}

/** Popup -> content script: scroll to a highlighted quote (its index in PageResult.quotes) and flash it. Answered with whether it was found. */
export interface RevealQuoteMessage {
  type: 'stancemark:reveal-quote';
  quote: number;
}

/** What the content script accepts from the extension's own pages. */
export type TabRequest = SetHighlightsMessage | RevealQuoteMessage;

export const storageKey = (tabId: number) => `tab:${tabId}`;

/** The tab whose result is kept under `key`, or null for any other key. */
export function tabOfStorageKey(key: string): number | null {
  const match = /^tab:(\d{1,15})$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** The fields of runtime.MessageSender the background checks. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * The tab of a message sent by our own content script from the top frame of a web page (where it
 * runs), or null for anything else: other extensions, our extension pages, frames.
 */
export function contentScriptTab(sender: Sender, extensionId: string): number | null {
  const tabId = sender.tab?.id;
  const fromWebPage = typeof sender.url === 'string' && /^https?:/.test(sender.url);
  return sender.id === extensionId && typeof tabId === 'number' && tabId >= 0 && sender.frameId === 0 && fromWebPage
    ? tabId
    : null;
}

const STATES: readonly ResultState[] = ['done', 'not-article', 'no-quotes', 'error'];
const KINDS: readonly StatementKind[] = ['direct', 'indirect'];
const STANCES: readonly TopicStance['stance'][] = ['supports', 'opposes', 'mixed', 'mentions'];
/**
 * Bounds on what is accepted, far beyond any real article (a generated 1 MB page has 13,000 quotes with
 * reported speech), so a runaway value is refused rather than stored.
 */
const MAX_QUOTES = 100_000;
const MAX_TEXT = 100_000;
/** The quotes a stored result keeps when the whole result does not fit storage.session. */
export const MAX_STORED_QUOTES = 5_000;
/** The longest article text the background analyses (far beyond any article; a 5 MB page still ends in a state). */
export const MAX_ARTICLE_TEXT = 8_000_000;
const TIMING_FIELDS = ['detect', 'read', 'analysis', 'engine', 'highlight', 'total', 'longestTask'] as const;
const OPTIONAL_TIMING_FIELDS = ['toBackground', 'fromBackground', 'ui', 'startDelay', 'readerLoad', 'readerWait', 'summary'] as const;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;
const isTextOrNull = (value: unknown): value is string | null => value === null || isText(value);

function parseReplyQuote(value: unknown): ReplyQuote | null {
  if (!isObject(value)) return null;
  const { start, end, kind, speaker, role, country, evidence, paragraph } = value;
  if (!isCount(start) || !isCount(end) || end < start || !KINDS.includes(kind as StatementKind) || !isTextOrNull(speaker)) return null;
  if (!isTextOrNull(role) || !isTextOrNull(country) || !isTextOrNull(evidence) || !Number.isInteger(paragraph)) return null;
  return { start, end, kind: kind as StatementKind, speaker, role, country, evidence, paragraph: paragraph as number };
}

function parseQuote(value: unknown): Quote | null {
  const quote = parseReplyQuote(value);
  const { text } = value as Fields;
  // A quote's text is a stretch of the article, which may be long.
  return quote && typeof text === 'string' && text.length <= MAX_ARTICLE_TEXT ? { ...quote, text } : null;
}

function parseSpeaker(value: unknown): SideSpeaker | null {
  if (!isObject(value)) return null;
  const { name, role, count } = value;
  if (!isText(name) || !isTextOrNull(role) || !isCount(count)) return null;
  return { name, role, count };
}

function parseSide(value: unknown): Side | null {
  if (!isObject(value)) return null;
  const { country, name, direct, indirect, speakers } = value;
  if (!isText(country) || !isText(name) || !isCount(direct) || !isCount(indirect) || !Array.isArray(speakers)) return null;
  const parsed = speakers.map(parseSpeaker);
  if (parsed.some((s) => s === null)) return null;
  return { country, name, direct, indirect, speakers: parsed as SideSpeaker[] };
}

const isStance = (value: unknown): value is TopicStance['stance'] => STANCES.includes(value as TopicStance['stance']);

function parseIndices(value: unknown): number[] | null {
  return Array.isArray(value) && value.length <= MAX_QUOTES && value.every(isCount) ? [...value] : null;
}

/** Every element parsed, or null when one fails. */
function parseAll<T>(value: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > MAX_QUOTES) return null;
  const parsed = value.map(parse);
  return parsed.some((item) => item === null) ? null : (parsed as T[]);
}

function parseTopicStance(value: unknown): TopicStance | null {
  if (!isObject(value) || !isText(value.topic) || !isStance(value.stance)) return null;
  const evidence = parseIndices(value.evidence);
  return evidence && { topic: value.topic, stance: value.stance, evidence };
}

function parseSideSummary(value: unknown): SideSummary | null {
  if (!isObject(value) || !isText(value.country) || !isText(value.name)) return null;
  const speakers = parseAll(value.speakers, parseSpeaker);
  const statements = parseIndices(value.statements);
  const topics = parseAll(value.topics, parseTopicStance);
  const gist = parseIndices(value.gist);
  if (!speakers || !statements || !topics || !gist) return null;
  return { country: value.country, name: value.name, speakers, statements, topics, gist };
}

/** The summary's core fields (the engine may add more; the popup shows these). */
function parseSummary(value: unknown): Summary | null {
  if (!isObject(value)) return null;
  const sides = parseAll(value.sides, parseSideSummary);
  const agreement = parseAll(value.agreement, parseTopicStance);
  const divergence = parseAll(value.divergence, (item) => {
    if (!isObject(item) || !isText(item.topic) || !isObject(item.stances)) return null;
    const stances = Object.entries(item.stances);
    const evidence = parseIndices(item.evidence);
    if (!evidence || stances.length > 50 || !stances.every(([code, stance]) => code.length <= 10 && isStance(stance))) return null;
    return { topic: item.topic, stances: Object.fromEntries(stances) as Record<string, TopicStance['stance']>, evidence };
  });
  return sides && agreement && divergence && { sides, agreement, divergence };
}

const isDuration = (ms: unknown): ms is number => typeof ms === 'number' && ms >= 0 && Number.isFinite(ms);

function parseTimings(value: unknown): PageTimings | null {
  if (!isObject(value)) return null;
  const timings = Object.fromEntries(TIMING_FIELDS.map((field) => [field, value[field]]));
  if (!Object.values(timings).every(isDuration)) return null;
  for (const field of OPTIONAL_TIMING_FIELDS) if (isDuration(value[field])) timings[field] = value[field];
  return timings as unknown as PageTimings;
}

/** Quotes, sides and summary, or null when anything is missing or mistyped. */
function parseFindings(value: Fields): Pick<PageResult, 'quotes' | 'sides' | 'summary'> | null {
  const quotes = parseAll(value.quotes, parseQuote);
  const sides = parseAll(value.sides, parseSide);
  const summary = parseSummary(value.summary);
  return quotes && sides && summary && { quotes, sides, summary };
}

function parsePageReport(value: unknown): PageReport | null {
  if (!isObject(value)) return null;
  const { url, title, state, highlighted } = value;
  if (!isText(url) || !isText(title) || !STATES.includes(state as ResultState) || typeof highlighted !== 'boolean') return null;
  const timings = parseTimings(value.timings);
  return { url, title, state: state as ResultState, highlighted, ...(timings ? { timings } : {}) };
}

/** A PageResult rebuilt from its known fields only, or null when anything is missing or mistyped. */
export function parsePageResult(value: unknown): PageResult | null {
  const report = parsePageReport(value);
  const findings = report && parseFindings(value as Fields);
  if (!findings) return null;
  const { quotesLeftOut } = value as Fields;
  return { ...report, ...findings, ...(isCount(quotesLeftOut) && quotesLeftOut > 0 ? { quotesLeftOut } : {}) };
}

/** Names of analyses: letters, digits and dashes. */
const isAnalysisName = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{1,64}$/.test(value);

export function parseAnalyzeRequest(value: unknown): AnalyzeRequest | null {
  if (!isObject(value) || value.type !== 'stancemark:analyze') return null;
  const { text, date } = value;
  if (typeof text !== 'string' || text.length > MAX_ARTICLE_TEXT) return null;
  if (date !== undefined && !(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))) return null;
  return { type: value.type, text, ...(date ? { date } : {}) };
}

export function parsePrepareRequest(value: unknown): PrepareRequest | null {
  return isObject(value) && value.type === 'stancemark:prepare' ? { type: value.type } : null;
}

/**
 * The background's reply about `text`, each quote with its text from `text`; null when malformed or
 * pointing outside the text.
 */
export function parseAnalysisReply(value: unknown, text: string): AnalysisReply | null {
  if (!isObject(value)) return null;
  const quotes = parseAll(value.quotes, parseReplyQuote);
  const sides = parseAll(value.sides, parseSide);
  if (!quotes || !sides || !quotes.every((q) => q.end <= text.length)) return null;
  const { analysis, engineMs, receivedAt, repliedAt } = value;
  return {
    quotes: quotes.map((quote) => ({ ...quote, text: text.slice(quote.start, quote.end) })),
    sides,
    ...(isAnalysisName(analysis) ? { analysis } : {}),
    ...(isDuration(engineMs) ? { engineMs } : {}),
    ...(isDuration(receivedAt) && isDuration(repliedAt) ? { receivedAt, repliedAt } : {}),
  };
}

/** The summary in the background's answer to a report naming kept findings; null for any other answer (false: not kept). */
export function parseReportAnswer(value: unknown): Summary | null {
  return isObject(value) ? parseSummary(value.summary) : null;
}

/**
 * A page-result message: the whole result (with the article text its findings are of, when given), or a
 * report naming the analysis whose findings it has.
 */
export function parsePageResultMessage(value: unknown): { result: PageResult; text?: string } | { report: PageReport; analysis: string } | null {
  if (!isObject(value) || value.type !== 'stancemark:page-result') return null;
  if (value.analysis === undefined) {
    const result = parsePageResult(value.result);
    const { text } = value;
    if (text !== undefined && !(typeof text === 'string' && text.length <= MAX_ARTICLE_TEXT)) return null;
    return result && { result, ...(text ? { text } : {}) };
  }
  const report = isAnalysisName(value.analysis) ? parsePageReport(value.result) : null;
  return report && { report, analysis: value.analysis as string };
}

export function parseTabRequest(value: unknown): TabRequest | null {
  if (!isObject(value)) return null;
  if (value.type === 'stancemark:set-highlights' && typeof value.on === 'boolean') {
    return { type: value.type, on: value.on, ...(value.anyway === true ? { anyway: true } : {}) };
  }
  if (value.type === 'stancemark:reveal-quote' && isCount(value.quote)) return { type: value.type, quote: value.quote };
  return null;
}
