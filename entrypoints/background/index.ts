// The background runs the engine for the content scripts and keeps each tab's result.
//
// The engine (lib/analyze, with its 430 kB knowledge base) lives here, not in the content script: a
// page only ever loads the small detection and highlighting code, and the engine's cost falls on the
// extension's own thread, not the page's. The engine's first run pays its first-use costs (code compiled,
// lookups set up); a candidate page's prepare message has a short warm-up run pay them while the page
// reads its article (warm-up.ts). The engine then stays ready while the background lives: for the
// browser session in Firefox (a persistent MV2 page), for the service worker's lifetime in Chrome (it
// stops after ~30 s without events, and the next article meets the engine cold again). Each tab's
// result is kept in storage.session, which outlives the service worker and is cleared with the browser
// session; the tab's number of quotes is its badge.
//
// The reply carries what highlighting needs (quotes without their text, which the page has, and sides)
// and leaves before anything else: the summary (a third to a half of the engine's time) is computed in
// the task after it, and nothing is stored before the page reports. The background keeps each tab's last
// findings, so the content script's report after highlighting names them instead of sending them back
// (no second copy of a long article's quotes is serialised on the page's main thread, nor parsed here),
// and gets their summary in answer, for the quote cards.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeStatements } from '../../lib/analyze';
import { summarize } from '../../lib/positions';
import type { Summary } from '../../lib/types';
import { countryColour } from '../../lib/palette';
import {
  contentScriptTab,
  MAX_STORED_QUOTES,
  parseAnalyzeRequest,
  parsePageResultMessage,
  parsePrepareRequest,
  storageKey,
  type AnalysisReplyMessage,
  type PageResult,
  type ReportAnswer,
} from './messages';
import { createEngineWarmUp } from './warm-up';

/** The longest article text a tab's findings keep once summarised, to recognise a re-run on the same article. */
const MAX_KEPT_TEXT = 1_000_000;

/** A tab's last findings, by the name the reply gave them, with the text and date they are of. */
interface KeptFindings extends Pick<PageResult, 'quotes' | 'sides'> {
  analysis: string;
  /** Dropped after summarising when longer than MAX_KEPT_TEXT. */
  text?: string;
  date?: string;
  summary?: Summary;
  /** How long summarising took for this reply, ms (0 when the findings were reused). */
  summaryMs?: number;
}

/** The findings' summary, computed on first need (an empty one if the engine fails on it). */
function summaryOf(kept: KeptFindings): Summary {
  if (!kept.summary) {
    const began = performance.now();
    try {
      kept.summary = summarize(kept.quotes, kept.sides, kept.text);
    } catch (error) {
      console.warn('Stancemark: could not summarise the sides’ positions', error);
      kept.summary = { sides: [], agreement: [], divergence: [] };
    }
    kept.summaryMs = performance.now() - began;
    if (kept.text && kept.text.length > MAX_KEPT_TEXT) kept.text = undefined;
  }
  return kept.summary;
}

function badgeText(result: PageResult): string {
  return result.state === 'done' ? String(result.quotes.length) : '';
}

/** Epoch milliseconds, comparable with the content script's clock (npm run bench splits the round trip with them). */
const epochNow = () => performance.timeOrigin + performance.now();

export default defineBackground(() => {
  // MV3 has `action`, Firefox's MV2 `browserAction`; both have the same badge calls.
  const action = browser.action ?? browser.browserAction;

  const store = (tabId: number, result: PageResult) => {
    const key = storageKey(tabId);
    // A result too large for storage.session's quota (tens of thousands of quotes) is kept with its first
    // quotes only, so the popup still has the sides and says what was left out.
    return browser.storage.session.set({ [key]: result }).catch((error: unknown) => {
      if (result.quotes.length <= MAX_STORED_QUOTES) throw error;
      const quotesLeftOut = result.quotes.length - MAX_STORED_QUOTES;
      return browser.storage.session.set({ [key]: { ...result, quotes: result.quotes.slice(0, MAX_STORED_QUOTES), quotesLeftOut } });
    });
  };

  const keepResult = (tabId: number, result: PageResult) => {
    void Promise.all([
      store(tabId, result),
      action.setBadgeText({ tabId, text: badgeText(result) }),
      // The badge takes the colour of the most quoted side.
      action.setBadgeBackgroundColor({ tabId, color: result.sides[0] ? countryColour(result.sides[0].country).accent : '#3b3b48' }),
    ]).catch((error: unknown) => console.warn('Stancemark: could not keep the result of tab', tabId, error));
  };

  // Each tab's last findings, by the name its reply gave them. Names are unique across restarts of the
  // service worker (which forget the findings: a report naming them is then refused and resent whole).
  const lastFindings = new Map<number, KeptFindings>();
  const namePrefix = `${Math.round(performance.timeOrigin)}-`;
  let analyses = 0;
  const warmUp = createEngineWarmUp();

  /** Analyses `text` for the tab and keeps the findings; they are summarised after the reply has left. */
  const analyzeAndKeep = (tabId: number, text: string, date: string | undefined): KeptFindings => {
    const { quotes, sides } = analyzeStatements(text, { date });
    const kept: KeptFindings = { analysis: namePrefix + ++analyses, quotes, sides, text, date };
    // The reply is sent in a microtask of this task; findings replaced meanwhile need no summary.
    setTimeout(() => lastFindings.get(tabId) === kept && summaryOf(kept), 0);
    return kept;
  };

  const analyzeForTab = (tabId: number, text: string, date: string | undefined, receivedAt: number): AnalysisReplyMessage => {
    warmUp.analysisBegins();
    const began = performance.now();
    const previous = lastFindings.get(tabId);
    // A re-run on the unchanged article (highlights switched off and on, the page changing around the
    // article) takes the tab's findings again, under a new name.
    const kept =
      previous?.text === text && previous.date === date
        ? { ...previous, analysis: namePrefix + ++analyses, summaryMs: previous.summary && 0 }
        : analyzeAndKeep(tabId, text, date);
    lastFindings.set(tabId, kept);
    const quotes = kept.quotes.map(({ text: _text, ...quote }) => quote);
    const ended = performance.now();
    return { quotes, sides: kept.sides, analysis: kept.analysis, engineMs: ended - began, receivedAt, repliedAt: performance.timeOrigin + ended };
  };

  // Only our own content scripts, in the top frame of a web page, are answered; anything else is ignored.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const receivedAt = epochNow();
    const tabId = contentScriptTab(sender, browser.runtime.id);
    if (tabId === null) return;
    if (parsePrepareRequest(message)) {
      warmUp.prepare();
      return;
    }
    const request = parseAnalyzeRequest(message);
    // A promise, so an engine failure reaches the content script as a rejection (it then shows state `error`).
    if (request) return new Promise<AnalysisReplyMessage>((resolve) => resolve(analyzeForTab(tabId, request.text, request.date, receivedAt)));
    const received = parsePageResultMessage(message);
    if (!received) return;
    if ('result' in received) {
      keepResult(tabId, received.result);
      return;
    }
    const kept = lastFindings.get(tabId);
    if (kept?.analysis !== received.analysis) return Promise.resolve(false);
    const summary = summaryOf(kept);
    const { report } = received;
    // The summary's time, spent after the reply (off the page's wait), goes with the page's timings.
    const timings = report.timings && { ...report.timings, summary: kept.summaryMs };
    keepResult(tabId, { ...report, ...(timings ? { timings } : {}), quotes: kept.quotes, sides: kept.sides, summary });
    return Promise.resolve({ summary } satisfies ReportAnswer);
  });

  // A new page in the tab will report afresh; a closed tab needs nothing kept.
  const forget = (tabId: number) => {
    lastFindings.delete(tabId);
    void browser.storage.session.remove(storageKey(tabId));
  };
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forget(tabId);
  });
  browser.tabs.onRemoved.addListener(forget);
});
