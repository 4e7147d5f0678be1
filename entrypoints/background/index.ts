// The background runs the engine for the content scripts and keeps each tab's result.
//
// The engine (lib/analyze, with its 430 kB knowledge base) lives here, not in the content script: a
// page only ever loads the small detection and highlighting code, and the engine's cost falls on the
// extension's own thread, not the page's. A candidate page's prepare message starts a stopped worker, so
// its script is evaluated while the page reads its article. The engine's first run pays its first-use
// costs (code compiled, lookups set up), and its code gets fast only over the runs after it (warm-up.ts).
// The engine then stays ready while the background lives: for the browser session in Firefox (a
// persistent MV2 page), for the service worker's lifetime in Chrome (it stops after ~30 s without
// events, and the next article meets the engine cold again).
//
// Only a page with a candidate article wakes the service worker: it listens to nothing but messages,
// and a page that is no article sends none (the popup asks the tab itself). No tab event is listened
// to, since any listener would wake the worker, and evaluate this whole script, on every navigation
// in the browser. Each tab's result is kept in storage.session, which outlives the service worker and
// is cleared with the browser session; a record is of the page that reported it (the popup checks its
// URL against the tab's), and the records of closed tabs are dropped whenever a result is kept. The
// tab's number of quotes is its badge, which the browser clears when the tab navigates.
//
// The reply and the summary: tab-findings.ts.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { countryColour } from '../../lib/palette';
import {
  contentScriptTab,
  MAX_STORED_QUOTES,
  parseAnalyzeRequest,
  parsePageResultMessage,
  parsePrepareRequest,
  storageKey,
  tabOfStorageKey,
  type AnalysisReplyMessage,
  type PageResult,
  type ReportAnswer,
} from './messages';
import { createTabFindings, timedSummary } from './tab-findings';
import { createEngineWarmUp } from './warm-up';

function badgeText(result: PageResult): string {
  return result.state === 'done' ? String(result.quotes.length) : '';
}

/** Epoch milliseconds, comparable with the content script's clock (npm run bench splits the round trip with them). */
const epochNow = () => performance.timeOrigin + performance.now();

/** The keys of storage.session (getKeys where the browser has it: Chrome 130, Firefox 143). */
async function sessionKeys(): Promise<string[]> {
  const session = browser.storage.session as typeof browser.storage.session & { getKeys?: () => Promise<string[]> };
  return typeof session.getKeys === 'function' ? session.getKeys() : Object.keys(await session.get(null));
}

export default defineBackground(() => {
  // User-timing marks, for the cold-start bench (scripts/bench-worker-wakes.ts reads them from the worker):
  // this script evaluated, each analysis request received, and each warm-up task (warm-up.ts).
  performance.mark('stancemark:evaluated');
  // MV3 has `action`, Firefox's MV2 `browserAction`; both have the same badge calls.
  const action = browser.action ?? browser.browserAction;
  const findings = createTabFindings(`${Math.round(performance.timeOrigin)}-`);
  const warmUp = createEngineWarmUp();

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

  /**
   * Drops what is kept of closed tabs: no tab event wakes the worker to say a tab closed. The keys are read
   * before the tabs, so a record kept meanwhile for a tab opened meanwhile is never taken for a closed tab's.
   */
  const forgetClosedTabs = async () => {
    const keys = await sessionKeys();
    const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
    findings.keepOnly(open as ReadonlySet<number>);
    const closed = keys.filter((key) => {
      const tabId = tabOfStorageKey(key);
      return tabId !== null && !open.has(tabId);
    });
    if (closed.length) await browser.storage.session.remove(closed);
  };

  const keepResult = (tabId: number, result: PageResult) => {
    void Promise.all([
      store(tabId, result),
      action.setBadgeText({ tabId, text: badgeText(result) }),
      // The badge takes the colour of the most quoted side.
      action.setBadgeBackgroundColor({ tabId, color: result.sides[0] ? countryColour(result.sides[0].country).accent : '#3b3b48' }),
      forgetClosedTabs(),
    ]).catch((error: unknown) => console.warn('Stancemark: could not keep the result of tab', tabId, error));
  };

  // Only our own content scripts, in the top frame of a web page, are answered; anything else is ignored.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const receivedAt = epochNow();
    const tabId = contentScriptTab(sender, browser.runtime.id);
    if (tabId === null) return;
    // Its work is done: it started the worker.
    if (parsePrepareRequest(message)) return;
    const request = parseAnalyzeRequest(message);
    if (request) performance.mark('stancemark:analyze');
    // A promise, so an engine failure reaches the content script as a rejection (it then shows state `error`).
    if (request) {
      warmUp.analysisBegins();
      return new Promise<AnalysisReplyMessage>((resolve) => resolve(findings.analyze(tabId, request.text, request.date, receivedAt)));
    }
    const received = parsePageResultMessage(message);
    if (!received) return;
    if ('result' in received) {
      const { result, text } = received;
      // Findings this worker no longer has (it restarted after its reply), sent back with their text: their summary.
      if (text !== undefined && result.state === 'done' && result.quotes.length) {
        const { summary, ms } = timedSummary(result.quotes, result.sides, text);
        const timings = result.timings && { ...result.timings, summary: ms };
        keepResult(tabId, { ...result, ...(timings ? { timings } : {}), summary });
        return Promise.resolve({ summary } satisfies ReportAnswer);
      }
      keepResult(tabId, result);
      return;
    }
    const kept = findings.summarised(tabId, received.analysis);
    if (!kept?.summary) return Promise.resolve(false);
    const { summary } = kept;
    const { report } = received;
    // The summary's time, spent after the reply (off the page's wait), goes with the page's timings.
    const timings = report.timings && { ...report.timings, summary: kept.summaryMs };
    keepResult(tabId, { ...report, ...(timings ? { timings } : {}), quotes: kept.quotes, sides: kept.sides, summary });
    return Promise.resolve({ summary } satisfies ReportAnswer);
  });
});
