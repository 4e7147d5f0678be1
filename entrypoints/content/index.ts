// On every http(s) page: gate, article body, engine, highlights; then report to the background and
// mark <html data-stancemark-state>. Everything it adds to the page goes away with ctx invalidation.
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { HIGHLIGHT_CLASS, highlightQuotes, removeHighlights } from '../../dom/highlight';
import { analyzePage } from '../../dom/page';
import { parseTabRequest, type PageResult, type PageResultMessage } from '../background/messages';
import './style.css';

const LATE_CONTENT_DELAY_MS = 3000;
const LATE_CONTENT_CHARS = 500;
const FLASH_CLASS = 'stancemark-flash';
const FLASH_MS = 1600;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    runStancemark(ctx);
  },
});

function runStancemark(ctx: ContentScriptContext): void {
  const html = document.documentElement;
  let result: PageResult | null = null;

  const report = (next: PageResult): PageResult => {
    result = next;
    html.dataset.stancemarkState = next.state;
    const message: PageResultMessage = { type: 'stancemark:page-result', result: next };
    browser.runtime.sendMessage(message).catch(() => {
      // The background is gone (extension reloaded or updated): ctx invalidation cleans up.
    });
    return next;
  };

  const analyseAndHighlight = (anyway: boolean): PageResult => {
    const base = {
      url: location.href,
      title: document.title,
      highlighted: false,
      quotes: [],
      sides: [],
      summary: { sides: [], agreement: [], divergence: [] },
    };
    try {
      const page = analyzePage(document, { anyway });
      if (page.state !== 'done') return { ...base, state: page.state };
      highlightQuotes(page.article.map, page.analysis.quotes);
      const { quotes, sides, summary } = page.analysis;
      return { ...base, state: 'done', highlighted: true, quotes, sides, summary };
    } catch (error) {
      removeHighlights(document);
      console.warn('Stancemark could not analyse this page:', error);
      return { ...base, state: 'error' };
    }
  };

  // Once the reader asked to analyse this page anyway, later runs skip the article gate too.
  let anyway = false;

  /** Removes our highlights, then (when `on`) runs the whole pipeline again on the page as it is now. */
  const setHighlights = (on: boolean, analyseAnyway = false): PageResult => {
    anyway ||= analyseAnyway;
    removeHighlights(document);
    return report(on || !result ? analyseAndHighlight(anyway) : { ...result, highlighted: false });
  };

  /** Scrolls to a highlighted quote and flashes its marks; false when it is not highlighted. */
  const revealQuote = (quote: number): boolean => {
    const marks = [...document.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}[data-stancemark-quote="${quote}"]`)];
    if (!marks.length) return false;
    marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const mark of marks) mark.classList.add(FLASH_CLASS);
    ctx.setTimeout(() => marks.forEach((mark) => mark.classList.remove(FLASH_CLASS)), FLASH_MS);
    return true;
  };

  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const request = parseTabRequest(message);
    if (!request) return;
    return Promise.resolve(
      request.type === 'stancemark:set-highlights' ? setHighlights(request.on, request.anyway) : revealQuote(request.quote),
    );
  };
  browser.runtime.onMessage.addListener(onMessage);
  // A page restored from the back/forward cache keeps its highlights but the background dropped its
  // result when the tab navigated: report it again.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted && result) report(result);
  });
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    removeHighlights(document);
    delete html.dataset.stancemarkState;
  });

  const first = setHighlights(true);
  // Pages that build their article with scripts may not have it yet at document_idle: look once more
  // later, and only if the page's visible text (innerText: no script or style text) has grown since.
  if (first.state !== 'done') {
    const visibleLength = () => document.body?.innerText.length ?? 0;
    const textLength = visibleLength();
    ctx.setTimeout(() => {
      const grown = visibleLength() > textLength + LATE_CONTENT_CHARS;
      if (grown && result?.state !== 'done') setHighlights(true);
    }, LATE_CONTENT_DELAY_MS);
  }
}
