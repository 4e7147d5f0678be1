import { attribute } from './attribution';
import { assignCountries } from './countries';
import { resolveSpeakers } from './entities';
import { summarize } from './positions';
import { findQuotes } from './quotes';
import { reportedSpeech } from './reported';
import { rankSides } from './sides';
import { newTextTokens, splitParagraphs, type TextTokens } from './text';
import type { Analysis, AnalyzeOptions, AnalyzeStage, Paragraph, Quote } from './types';

/** The whole engine: article text in (paragraphs separated by blank lines), analysis out. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const { tokens, ...statements } = statementsOf(text, options);
  return { ...statements, summary: timedStage(options, 'summary', () => summarize(statements.quotes, statements.sides, text, tokens)) };
}

/**
 * The engine up to the sides, without the summary: what highlighting needs (the background answers the
 * page with it and summarises afterwards, off the page's wait). `analyze` is this plus the summary.
 */
export function analyzeStatements(text: string, options: AnalyzeOptions = {}): Omit<Analysis, 'summary'> {
  const { tokens: _, ...statements } = statementsOf(text, options);
  return statements;
}

/** analyzeStatements, with the sentences and tokens its stages read (the summary reads them too). */
function statementsOf(text: string, options: AnalyzeOptions): Omit<Analysis, 'summary'> & { tokens: TextTokens } {
  const stage = <T>(name: AnalyzeStage, run: () => T): T => timedStage(options, name, run);
  const paragraphs = stage('paragraphs', () => splitParagraphs(text));
  // Cut anew, not taken from lib/text.ts's keeping: a text analysed twice (benchmarks) pays for its cut each time.
  const tokens = stage('tokens', () => newTextTokens(text, paragraphs));
  const quoteSpans = stage('quotes', () => findQuotes(text, paragraphs));
  const direct = stage('attribution', () => attribute(text, paragraphs, quoteSpans, tokens));
  const attributions = [...direct, ...stage('reported', () => reportedSpeech(text, paragraphs, quoteSpans, tokens))];
  const { entities, statements } = stage('entities', () => resolveSpeakers(text, paragraphs, attributions));
  const countries = stage('countries', () => assignCountries(text, entities, options, undefined, tokens));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const quotes: Quote[] = statements
    .map((s) => {
      const entity = s.entity === null ? undefined : byId.get(s.entity);
      const country = entity ? countries.get(entity.id) : undefined;
      return {
        start: s.start,
        end: s.end,
        text: s.text,
        kind: s.kind,
        speaker: entity?.name ?? null,
        role: entity?.descriptors[0] ?? null,
        country: country?.code ?? null,
        evidence: country?.evidence ?? null,
        paragraph: paragraphAt(paragraphs, s.start),
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { quotes, entities, sides: stage('sides', () => rankSides(quotes)), tokens };
}

/** Runs one stage, telling options.onStage its time when asked to. */
function timedStage<T>({ onStage }: AnalyzeOptions, name: AnalyzeStage, run: () => T): T {
  if (!onStage) return run();
  const start = performance.now();
  const result = run();
  onStage(name, performance.now() - start);
  return result;
}

/** Index of the paragraph holding `offset` (binary search: statements are many on long texts), or -1. */
function paragraphAt(paragraphs: Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < paragraphs[mid].start) hi = mid - 1;
    else if (offset >= paragraphs[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
