// The background runs the engine for the content scripts and keeps each tab's result.
//
// The engine (lib/analyze, with its 430 kB knowledge base) lives here, not in the content script: a
// page only ever loads the small detection and highlighting code, and the engine's cost falls on the
// extension's own thread, not the page's. The knowledge base is parsed on the first article and stays
// parsed while the background lives: for the browser session in Firefox (a persistent MV2 page), for
// the service worker's lifetime in Chrome (it stops after ~30 s without events and parses again on the
// next article). Each tab's result is kept in storage.session, which outlives the service worker and
// is cleared with the browser session; the tab's number of quotes is its badge.
//
// The reply leaves before anything is stored, and the background keeps each tab's last findings, so
// the content script's report after highlighting names them instead of sending them back: no second
// copy of a long article's quotes is serialised on the page's main thread, nor parsed here.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyze } from '../../lib/analyze';
import { countryColour } from '../../lib/palette';
import {
  contentScriptTab,
  MAX_STORED_QUOTES,
  parseAnalyzeRequest,
  parsePageResultMessage,
  parsePrepareRequest,
  storageKey,
  type AnalysisReply,
  type PageResult,
} from './messages';
import { createEngineWarmUp } from './warm-up';

type Findings = Pick<PageResult, 'quotes' | 'sides' | 'summary'>;

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
  const lastFindings = new Map<number, { analysis: string; findings: Findings }>();
  const namePrefix = `${Math.round(performance.timeOrigin)}-`;
  let analyses = 0;
  const warmUp = createEngineWarmUp();

  const analyzeForTab = (tabId: number, text: string, date: string | undefined, receivedAt: number): AnalysisReply => {
    warmUp.analysisBegins();
    const began = performance.now();
    const { quotes, sides, summary } = analyze(text, { date });
    const ended = performance.now();
    const analysis = namePrefix + ++analyses;
    lastFindings.set(tabId, { analysis, findings: { quotes, sides, summary } });
    return { quotes, sides, summary, analysis, engineMs: ended - began, receivedAt, repliedAt: performance.timeOrigin + ended };
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
    if (request) return new Promise<AnalysisReply>((resolve) => resolve(analyzeForTab(tabId, request.text, request.date, receivedAt)));
    const received = parsePageResultMessage(message);
    if (!received) return;
    if ('result' in received) {
      keepResult(tabId, received.result);
      return;
    }
    const kept = lastFindings.get(tabId);
    if (kept?.analysis === received.analysis) keepResult(tabId, { ...received.report, ...kept.findings });
    return Promise.resolve(kept?.analysis === received.analysis);
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
