// On every http(s) page: start Stancemark's content-script features; the first run waits for the
// reader's settings (highlight-switch), which may leave the page alone.
//
// Each feature is a function of the page session and one AbortSignal, the content script context's:
// every listener, observer and timer a feature makes uses that signal, so invalidation (extension
// reloaded, updated or removed) tears everything down with one abort. To add a feature, write
// features/<name>.ts exporting a `Feature` and list it in the features below.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { backForwardCache } from './features/back-forward-cache';
import { highlightSwitch } from './features/highlight-switch';
import { liveUpdates } from './features/live-updates';
import { popupRequests } from './features/popup-requests';
import { readerUi } from './features/reader-ui';
import { readerSettings } from './reader-settings';
import { createPageSession, type Feature } from './session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = createPageSession(ctx.signal);
    const settings = readerSettings(ctx.signal);
    const features: readonly Feature[] = [popupRequests, backForwardCache, readerUi(settings), liveUpdates(settings), highlightSwitch(settings)];
    for (const feature of features) {
      // One broken feature must not stop the others.
      try {
        feature(session, ctx.signal);
      } catch (error) {
        console.warn(`Stancemark: the ${feature.name} feature failed to start:`, error);
      }
    }
  },
});
