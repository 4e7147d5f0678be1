// What the background knows of each tab's last analysis, between its reply and the page's report.
//
// The reply carries what highlighting needs and leaves before anything else; the summary (a third to a
// half of the engine's time) is computed only when the page's report asks for it, after its highlights
// are in, so it never competes with the page's highlighting for the processor. The findings are kept in
// memory by the name the reply gave them: the report names them instead of sending them back. A
// service worker that restarted meanwhile has forgotten them; the page then sends its whole result with
// the article's text, and the summary is computed from those.
import { analyzeStatements } from '../../lib/analyze';
import { summarize } from '../../lib/positions';
import type { Summary } from '../../lib/types';
import type { AnalysisReplyMessage, PageResult } from './messages';

/** The longest article text a tab's findings keep once summarised, to recognise a re-run on the same article. */
const MAX_KEPT_TEXT = 1_000_000;

/** A tab's last findings, by the name the reply gave them, with the text and date they are of. */
export interface KeptFindings extends Pick<PageResult, 'quotes' | 'sides'> {
  analysis: string;
  /** Dropped after summarising when longer than MAX_KEPT_TEXT. */
  text?: string;
  date?: string;
  summary?: Summary;
  /** How long summarising took, ms (0 when the findings were reused). */
  summaryMs?: number;
}

const NO_SUMMARY: Summary = { sides: [], agreement: [], divergence: [] };

/** The summary of `quotes` and `sides` in `text`, and how long it took (an empty one if the engine fails on it). */
export function timedSummary(quotes: PageResult['quotes'], sides: PageResult['sides'], text: string): { summary: Summary; ms: number } {
  const began = performance.now();
  let summary = NO_SUMMARY;
  try {
    summary = summarize(quotes, sides, text);
  } catch (error) {
    console.warn('Stancemark: could not summarise the sides’ positions', error);
  }
  return { summary, ms: performance.now() - began };
}

export interface TabFindings {
  /** Analyses `text` for the tab (or takes its last findings again, when the text and date are the same): the reply. */
  analyze(tabId: number, text: string, date: string | undefined, receivedAt: number): AnalysisReplyMessage;
  /** The tab's findings named `analysis`, summarised; null when they are not (or no longer) kept. */
  summarised(tabId: number, analysis: string): KeptFindings | null;
  /** Forgets the findings of every tab not in `open`. */
  keepOnly(open: ReadonlySet<number>): void;
}

/** `namePrefix` makes the names unique across restarts of the service worker (each restart forgets the findings). */
export function createTabFindings(namePrefix: string): TabFindings {
  const lastFindings = new Map<number, KeptFindings>();
  let analyses = 0;
  return {
    analyze(tabId, text, date, receivedAt) {
      const began = performance.now();
      const previous = lastFindings.get(tabId);
      // A re-run on the unchanged article (highlights switched off and on, the page changing around the
      // article) takes the tab's findings again, under a new name.
      const kept: KeptFindings =
        previous?.text === text && previous.date === date
          ? { ...previous, analysis: namePrefix + ++analyses, summaryMs: previous.summary && 0 }
          : { analysis: namePrefix + ++analyses, ...analyzeStatements(text, { date }), text, date };
      lastFindings.set(tabId, kept);
      const quotes = kept.quotes.map(({ text: _text, ...quote }) => quote);
      const ended = performance.now();
      return { quotes, sides: kept.sides, analysis: kept.analysis, engineMs: ended - began, receivedAt, repliedAt: performance.timeOrigin + ended };
    },
    summarised(tabId, analysis) {
      const kept = lastFindings.get(tabId);
      if (kept?.analysis !== analysis) return null;
      if (!kept.summary) {
        const { summary, ms } = timedSummary(kept.quotes, kept.sides, kept.text ?? '');
        kept.summary = summary;
        kept.summaryMs = ms;
        if (kept.text && kept.text.length > MAX_KEPT_TEXT) kept.text = undefined;
      }
      return kept;
    },
    keepOnly(open) {
      for (const tabId of lastFindings.keys()) if (!open.has(tabId)) lastFindings.delete(tabId);
    },
  };
}
