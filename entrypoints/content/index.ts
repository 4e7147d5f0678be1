// On every http(s) page: start Stancemark's content-script features; the first run waits for the
// reader's settings (highlight-switch), which may leave the page alone.
//
// Each feature is a function of the page session and one AbortSignal, the content script context's:
// every listener, observer and timer a feature makes uses that signal, so invalidation (extension
// reloaded, updated or removed) tears everything down with one abort. To add a feature, write
// features/<name>.ts exporting a `Feature` and list it in the features below.
//
// This script holds detection, reading, messaging, the highlighter and the colours. The reader module
// (./reader/: the legend, the hover card and the quote keys) is imported only when a page passes
// detection, and starts as one more feature when it arrives: nothing on the way to the highlights waits
// for it.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { backForwardCache } from './features/back-forward-cache';
import { highlightColours } from './features/highlight-colours';
import { highlightSwitch } from './features/highlight-switch';
import { liveUpdates } from './features/live-updates';
import { popupRequests } from './features/popup-requests';
import { readerSettings } from './reader-settings';
import { createPageSession, type Feature, type PageSession, type ReaderModule } from './session';

/** Where the build puts the reader module (wxt.config.ts), listed in web_accessible_resources. */
const READER_MODULE = '/content-scripts/reader.js';

function start(feature: Feature, session: PageSession, signal: AbortSignal): void {
  // One broken feature must not stop the others.
  try {
    feature(session, signal);
  } catch (error) {
    console.warn(`Stancemark: the ${feature.name} feature failed to start:`, error);
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The settings are asked for first: detection (in createPageSession) runs while they are on their way.
    const settings = readerSettings(ctx.signal);
    // The reader module, imported by the session on a candidate article (once per page); its reader UI
    // then starts as one more feature.
    const loadReader = async () => {
      const module = (await import(/* @vite-ignore */ browser.runtime.getURL(READER_MODULE as '/'))) as ReaderModule;
      start(module.readerUi(settings), session, ctx.signal);
      return module;
    };
    const session = createPageSession(ctx.signal, loadReader);
    const features: readonly Feature[] = [popupRequests, backForwardCache, highlightColours(settings), liveUpdates(settings), highlightSwitch(settings)];
    for (const feature of features) start(feature, session, ctx.signal);
  },
});
