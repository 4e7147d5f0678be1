// New article content appearing after load (single-page sites, "load more", live blogs) is analysed
// and highlighted; a navigation to another article without a page load starts afresh. The watching,
// debouncing and circuit breaker are dom/live.ts.
import { watchPage } from '../../../dom/live';
import { isOwnUi } from '../../../dom/shadow-ui';
import type { ReaderSettings } from '../reader-settings';
import type { Feature } from '../session';
import { rerunsOnChange } from './highlight-switch';

export const liveUpdates =
  (settings: ReaderSettings): Feature =>
  (session, signal) => {
    const html = document.documentElement;
    watchPage(document, {
      signal,
      isOwn: isOwnUi,
      onContent: () => {
        if (rerunsOnChange(settings, session)) void session.setHighlights(true);
      },
      onNavigate: () => {
        // The previous article's highlights and result go; the new one is analysed when allowed.
        if (rerunsOnChange(settings, session)) void session.setHighlights(true);
        else if (session.result) void session.setHighlights(false);
      },
      // Said on <html> so a developer (and the e2e tests) can see why a busy page stopped being followed.
      onBackOff: (backingOff) => {
        if (backingOff) html.dataset.stancemarkLive = 'backing-off';
        else delete html.dataset.stancemarkLive;
      },
    });
    signal.addEventListener('abort', () => delete html.dataset.stancemarkLive, { once: true });
  };
