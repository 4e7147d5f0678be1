// A page restored from the back/forward cache keeps its highlights, but the background dropped its
// result when the tab navigated away: report it again.
import type { Feature } from '../session';

export const backForwardCache: Feature = (session, signal) => {
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted && session.result) void session.setHighlights(session.result.highlighted);
    },
    { signal },
  );
};
