// Getting the engine ready before an article's text arrives, and keeping it fast for the next one.
//
// In a service worker that has just started, the first analysis pays for everything the engine sets up
// or compiles on first use: the knowledge base's lookups, country names (Intl.DisplayNames), hundreds of
// regular expressions and the code of every stage (demo article in the worker, tables built beforehand:
// 48-118 ms the first time, 10-14 ms the second, at load 3-15). Analysing a short text of our own pays
// those fixed costs while the page is still reading its article, so the article's own analysis starts
// with them paid.
//
// One run is not enough for the engine's code to be fast: V8 optimises a function only after it has run
// a while, and in the worker an article's analysis took 4-11 ms for its 2nd to 8th run against 1.3-2 ms
// from about its 10th (the demo article, runs in one worker). So once a real analysis has been idle for a
// while (its page highlighted, reported and was summarised), the warm-up goes on, a short run per task,
// until the engine has run WARM_UP_RUNS times in this worker (real analyses count), for the articles
// that follow in the worker's lifetime (tabs opened together, a reader moving on within ~30 s). Not
// before the first article: in a worker just started those runs are still slow, and the article's text,
// arriving meanwhile, waited for them (A/B, worker stopped before each demo load, 11 loads at load 13-18:
// 116 -> 161 ms). It pauses whenever a real analysis begins, so that one waits for one short run at most.
// Only a page that asks (a candidate article) starts it, and it is paid once per worker lifetime.
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
  /** A candidate article: one warm-up run (statements, then summary), unless a run or a real analysis came before. */
  prepare(): void;
  /**
   * A real analysis begins: it counts as a run, a pending warm-up task is dropped, and the warm-up goes on
   * WARM_UP_PAUSE_MS after the last one began, a run per task, until the engine has run WARM_UP_RUNS times.
   */
  analysisBegins(): void;
}

export function createEngineWarmUp(): EngineWarmUp {
  let runs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (step: () => void, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      try {
        step();
      } catch (error) {
        // An engine that fails on our own text is not warmed up again.
        runs = WARM_UP_RUNS;
        console.warn('Stancemark: the engine warm-up failed', error);
      }
    }, delay);
  };
  /** The statements in one task, their summary in the next (`then` after it): a real request waits for one of them at most. */
  const run = (then?: () => void) => {
    runs++;
    const { quotes, sides } = analyzeStatements(WARM_UP_TEXT, { date: WARM_UP_DATE });
    later(() => {
      summarize(quotes, sides, WARM_UP_TEXT);
      then?.();
    }, 0);
  };
  const goOn = () => {
    if (runs < WARM_UP_RUNS) later(() => run(goOn), 0);
  };
  return {
    prepare() {
      if (runs === 0 && timer === undefined) later(() => run(), 0);
    },
    analysisBegins() {
      runs++;
      clearTimeout(timer);
      timer = undefined;
      if (runs < WARM_UP_RUNS) later(goOn, WARM_UP_PAUSE_MS);
    },
  };
}
