// Keeping the engine fast for the articles that follow one another in a service worker's lifetime.
//
// V8 optimises a function only after it has run a while: in the worker an article's analysis took 4-11 ms
// for its 2nd to 8th run against 1.3-2 ms from about its 10th (the demo article, runs in one worker), and
// the first run after the worker starts pays everything compiled or set up on first use (35-70 ms for
// the demo at load 15-21). So once a second article in the worker's lifetime has been idle a while (its
// page highlighted, reported and was summarised), the engine analyses a short text of our own, a run per
// task, until it has run WARM_UP_RUNS times in this worker (real analyses count). A reader opening several
// articles (tabs opened together, moving on within the ~30 s a worker lives idle in Chrome) gets the
// faster engine from the third on; one who reads a single article pays nothing for it. The warm-up
// pauses whenever an analysis begins, so that one waits for one short task at most.
//
// Not at a page's prepare message, before its first article: the worker has just started then, its
// warm-up run took 42-48 ms, the article's text arrived meanwhile and waited for it, and the article's own
// analysis was only 12-16 ms faster for it (bench-worker-wakes --cold-articles, 11-21 alternated loads at
// load 14-21: demo wait 122 -> 151 ms, 99 -> 108, 106 -> 202, and 145 -> 135 in the one run it helped;
// guardian-1 153 -> 190). The prepare message now only starts the worker, whose script evaluation then
// overlaps the page's reading.
import { analyzeStatements } from '../../lib/analyze';
import { summarize } from '../../lib/positions';

/**
 * Written for the warm-up (no publisher's text): direct quotes with named speakers, a surname-only
 * speaker, pronouns, reported speech with "according to", institutions of several words, demonyms and
 * two sides with opposed stances on shared topics, so every stage runs its usual paths.
 */
export const WARM_UP_TEXT = [
  'Foreign Minister Anna Keller of Germany said on Monday that Berlin would not send troops. “We will keep talking to Moscow, because sanctions alone will not end this war,” Keller told reporters in Berlin.',
  'The Kremlin rejected the plan. “This proposal threatens Russia’s security and we will not accept it,” said Dmitry Peskov, a spokesman for President Vladimir Putin. He added that Russian forces would stay.',
  'According to the State Department, the United States supports new sanctions on Russian banks. “We stand with Ukraine,” Secretary of State Antony Blinken said. NATO officials said the alliance was ready to defend its members.',
  'Lavrov accused Washington of prolonging the war, and the United Nations Security Council will meet on Friday.',
].join('\n\n');

/** The article date the warm-up analysis is given, so dated knowledge-base entries are read too. */
const WARM_UP_DATE = '2024-03-01';

/** How many engine runs (warm-up and real) the warm-up aims at in a worker's lifetime. */
export const WARM_UP_RUNS = 12;

/** How long a real analysis keeps the warm-up paused (its page highlights, then reports and is summarised), ms. */
export const WARM_UP_PAUSE_MS = 1_000;

export interface EngineWarmUp {
  /**
   * A real analysis begins: it counts as a run and a pending warm-up task is dropped; from the second
   * analysis on, the warm-up goes on WARM_UP_PAUSE_MS after the last one began, a run per task (the
   * statements, then the summary), until the engine has run WARM_UP_RUNS times.
   */
  analysisBegins(): void;
}

export function createEngineWarmUp(): EngineWarmUp {
  let analyses = 0;
  let runs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (step: () => void, delay: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      const began = performance.now();
      try {
        step();
      } catch (error) {
        // An engine that fails on our own text is not warmed up again.
        runs = WARM_UP_RUNS;
        console.warn('Stancemark: the engine warm-up failed', error);
      }
      // A user-timing entry per warm-up task (at most 2 × WARM_UP_RUNS per worker lifetime): the cold-start
      // bench (scripts/bench-worker-wakes.ts) checks that none ran before a worker's first analysis.
      performance.measure('stancemark:warm-up', { start: began });
    }, delay);
  };
  /** One run: the statements in this task, their summary in the next, then the next run. */
  const run = () => {
    runs++;
    const { quotes, sides } = analyzeStatements(WARM_UP_TEXT, { date: WARM_UP_DATE });
    later(() => {
      summarize(quotes, sides, WARM_UP_TEXT);
      if (runs < WARM_UP_RUNS) later(run, 0);
    }, 0);
  };
  return {
    analysisBegins() {
      analyses++;
      runs++;
      clearTimeout(timer);
      timer = undefined;
      if (analyses >= 2 && runs < WARM_UP_RUNS) later(run, WARM_UP_PAUSE_MS);
    },
  };
}
