// Getting the engine ready before an article's text arrives.
//
// In a service worker that has just started, the first analysis pays for everything the engine sets up
// or compiles on first use: the knowledge base's lookups, country names (Intl.DisplayNames), hundreds of
// regular expressions and the code of every stage (demo article in the worker, tables built beforehand:
// 48-118 ms the first time, 10-14 ms the second, at load 3-15). Analysing a short text of
// our own pays those fixed costs while the page is still reading its article, so the article's own
// analysis starts with them paid. Once per worker lifetime, only when a page asks (a candidate article),
// and never after a real analysis has begun (it would have paid them already).
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

export interface EngineWarmUp {
  /** Schedules the warm-up (two tasks), unless it was asked for before or a real analysis began. */
  prepare(): void;
  /** Called as a real analysis begins: a warm-up not yet run is no longer needed. */
  analysisBegins(): void;
}

export function createEngineWarmUp(): EngineWarmUp {
  let asked = false;
  let analysisBegan = false;
  /** Runs `step` in a task of its own, unless a real analysis has begun (it pays the same costs itself). */
  const later = (step: () => void) =>
    setTimeout(() => {
      if (analysisBegan) return;
      try {
        step();
      } catch (error) {
        console.warn('Stancemark: the engine warm-up failed', error);
      }
    }, 0);
  return {
    prepare() {
      if (asked || analysisBegan) return;
      asked = true;
      // The statements, then the summary in a task of its own: an analysis request arriving meanwhile
      // waits only for the part it needs before its reply (the background summarises after replying).
      later(() => {
        const { quotes, sides } = analyzeStatements(WARM_UP_TEXT, { date: WARM_UP_DATE });
        later(() => summarize(quotes, sides, WARM_UP_TEXT));
      });
    },
    analysisBegins() {
      analysisBegan = true;
    },
  };
}
