// Settings that decide whether the page is analysed: the first run (automatic, unless the site is
// off or the reader analyses on click) and later switches from the options page or the popup, applied
// at once: switching the site off removes the highlights, switching it on brings them back.
import type { PageSession, Feature } from '../session';
import type { ReaderSettings } from '../reader-settings';

/** Whether the page should be analysed without being asked: highlighting on here and automatic analysis. */
export function analysesByItself(settings: ReaderSettings): boolean {
  return settings.highlightsHere() && settings.current.analysis === 'auto';
}

/** Whether a change of the page (new content, another article) calls for a new run. */
export function rerunsOnChange(settings: ReaderSettings, session: PageSession): boolean {
  return settings.highlightsHere() && (settings.current.analysis === 'auto' || session.result?.highlighted === true);
}

export const highlightSwitch =
  (settings: ReaderSettings): Feature =>
  (session, signal) => {
    let wasOn = false;
    void settings.ready.then(() => {
      // From the stored settings, not the defaults the features started with.
      wasOn = settings.highlightsHere();
      if (!signal.aborted && analysesByItself(settings)) void session.setHighlights(true);
    });
    settings.onChange((next, previous) => {
      const on = settings.highlightsHere();
      if (on === wasOn && next.analysis === previous.analysis) return;
      wasOn = on;
      if (!on) {
        if (session.result?.highlighted) void session.setHighlights(false);
      } else if (next.analysis === 'auto' && !session.result?.highlighted) {
        void session.setHighlights(true);
      }
    }, signal);
  };
