// On every http(s) page: start Stancemark's content-script features, then run the pipeline once.
//
// Each feature is a function of the page session and one AbortSignal, the content script context's:
// every listener, observer and timer a feature makes uses that signal, so invalidation (extension
// reloaded, updated or removed) tears everything down with one abort. To add a feature, write
// features/<name>.ts exporting a `Feature` and list it in FEATURES.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { backForwardCache } from './features/back-forward-cache';
import { lateContent } from './features/late-content';
import { popupRequests } from './features/popup-requests';
import { createPageSession, type Feature } from './session';
import './style.css';

const FEATURES: readonly Feature[] = [popupRequests, backForwardCache, lateContent];

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const session = createPageSession(ctx.signal);
    for (const feature of FEATURES) {
      // One broken feature must not stop the others.
      try {
        feature(session, ctx.signal);
      } catch (error) {
        console.warn(`Stancemark: the ${feature.name} feature failed to start:`, error);
      }
    }
    void session.setHighlights(true);
  },
});
