// Requests from the extension's own pages (the popup): highlights on or off, reveal a quote, and the
// status probe (answered with the page's URL, which the popup cannot read without the `tabs` permission, its
// content type: on Chromium's PDF viewer the script runs at the PDF's URL, and the state and timings of the last run).
// Messages from anything else (web pages cannot reach runtime.onMessage, other extensions can) are ignored.
import { browser, type Browser } from 'wxt/browser';
import { HIGHLIGHT_CLASS } from '../../../dom/highlight';
import { isStatusRequest, type StatusAnswer } from '../../../extension/status-probe';
import { parseTabRequest, type PageResult } from '../../background/messages';
import { onAbort, setTimeoutUntil } from '../abort';
import type { Feature } from '../session';

const FLASH_CLASS = 'stancemark-flash';
const FLASH_MS = 1600;

/** Scrolls to a highlighted quote and flashes its marks; false when it is not highlighted. */
function revealQuote(quote: number, signal: AbortSignal): boolean {
  const marks = [...document.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}[data-stancemark-quote="${quote}"]`)];
  if (!marks.length) return false;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) mark.classList.add(FLASH_CLASS);
  setTimeoutUntil(signal, () => marks.forEach((mark) => mark.classList.remove(FLASH_CLASS)), FLASH_MS);
  return true;
}

export const popupRequests: Feature = (session, signal) => {
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    if (isStatusRequest(message)) {
      // The state is null while the first run is still going (or before it starts). The run's timings come along
      // for the benchmark: a page that is no article keeps no result in the background to read them from.
      const state = session.result?.state ?? null;
      const timings = session.result?.timings;
      return Promise.resolve<StatusAnswer & Pick<PageResult, 'timings'>>({ url: location.href, contentType: document.contentType, state, ...(timings ? { timings } : {}) });
    }
    const request = parseTabRequest(message);
    if (!request) return;
    return request.type === 'stancemark:set-highlights'
      ? session.setHighlights(request.on, { anyway: request.anyway })
      : Promise.resolve(revealQuote(request.quote, signal));
  };
  browser.runtime.onMessage.addListener(onMessage);
  onAbort(signal, () => browser.runtime.onMessage.removeListener(onMessage));
};
