// Pages that build their article with scripts may not have it yet at document_idle: look once more
// later, and only if the page's visible text (innerText: no script or style text) has grown since.
import { setTimeoutUntil } from '../abort';
import type { Feature } from '../session';

const LATE_CONTENT_DELAY_MS = 3000;
const LATE_CONTENT_CHARS = 500;

export const lateContent: Feature = (session, signal) => {
  let textLength = -1;
  session.onResult((result) => {
    if (textLength >= 0 || result.state === 'done') return;
    // Once, after the first run that found nothing.
    textLength = document.body?.innerText.length ?? 0;
    setTimeoutUntil(
      signal,
      () => {
        const grown = (document.body?.innerText.length ?? 0) > textLength + LATE_CONTENT_CHARS;
        if (grown && session.result?.state !== 'done') void session.setHighlights(true);
      },
      LATE_CONTENT_DELAY_MS,
    );
  }, signal);
};
