// One page's Stancemark run: detect, read the article, have the background analyse its text,
// highlight, report. Features (entrypoints/content/features/) drive it and listen to its results.
//
// Detection runs as the session starts, while the reader's settings are being read; on a candidate the
// article is read then too, and the reader module (./reader/: legend, card, keys) starts loading, off the
// way to the highlights. The engine never loads here (the background runs it). The highlighting of a
// long article is split into slices so no task holds the page for long.
import { browser } from 'wxt/browser';
import { highlightInSlices, planHighlights, removeHighlights as removeMarks, yieldToTasks } from '../../dom/highlight';
import { articleIn, articleRoot, detectArticle, hasQuotationMarks, type ArticleText } from '../../dom/page';
import {
  parseAnalysisReply,
  parseReportAnswer,
  type PrepareRequest,
  type AnalyzeRequest,
  type PageReport,
  type PageResult,
  type PageResultMessage,
  type PageTimings,
  type ResultState,
} from '../background/messages';
import { onAbort } from './abort';

export interface PageSession {
  /** The latest result, null until the first run ends. */
  readonly result: PageResult | null;
  /**
   * Removes the highlights and, when `on` (or before any result), runs the whole pipeline on the page
   * as it is now; `anyway` skips the is-it-an-article gate from then on. A newer call supersedes an
   * unfinished one (which then resolves with the newer one's result). Resolves with the result reported;
   * never settles once the content script is torn down.
   */
  setHighlights(on: boolean, options?: { anyway?: boolean }): Promise<PageResult>;
  /** Calls `listener` with every result reported from now until `signal` aborts. */
  onResult(listener: (result: PageResult) => void, signal: AbortSignal): void;
  /**
   * For a result listener: runs `work` in a task of its own once the result is shown (the reader UI's
   * legend and card, after the coloured marks). A run counts it in its reader UI time and reports after it.
   */
  soon(work: () => void): void;
}

/** A content-script feature: starts with the session, and releases everything it holds when `signal` aborts. */
export type Feature = (session: PageSession, signal: AbortSignal) => void;

/** The reader module: what a page needs once it has a candidate article (./reader/index.ts). */
export type ReaderModule = typeof import('./reader/index');

type Findings = Pick<PageResult, 'quotes' | 'sides' | 'summary'>;

/** A result's summary before the background has given it (it summarises after replying). */
const NO_SUMMARY: PageResult['summary'] = { sides: [], agreement: [], divergence: [] };

/** A task of the run that has held the main thread this long yields before the next stage (half a highlighting slice). */
const YIELD_AFTER_MS = 4;
/** Where a result's findings came from: the article text analysed, and the background's name for them when it gave one. */
interface Source {
  text: string;
  analysis?: string;
}

type RunOutcome = { state: Exclude<ResultState, 'done'> } | { state: 'done'; findings: Findings; source: Source };

/** Where one run stands on the main thread: when its current task began (for the longest task). */
interface RunClock {
  taskBegan: number;
}

/** The run was stopped by a newer one or by teardown: it has nothing to report. */
class Superseded extends Error {}

/**
 * `loadReader` imports the reader module (and starts its UI). Detection runs at once, while the settings
 * are read; the first run takes its verdict unless the page was asked to be analysed anyway.
 */
export function createPageSession(signal: AbortSignal, loadReader: () => Promise<ReaderModule>): PageSession {
  const html = document.documentElement;
  const createdAt = performance.now();
  /** How long the reader module took to arrive (ms); null until it has. */
  let readerLoad: number | null = null;
  let readerRequested = false;
  /** Settles once the reader module has arrived (its UI started) or failed to. */
  let readerArrival: Promise<void> | null = null;
  const removeHighlights = () => removeMarks(document);

  /**
   * On a candidate article: the reader module (legend, card, keys) starts loading while the page reads its
   * settings and its article text, off the way to the highlights. Only a candidate pays for it; a page that
   * is no article loads nothing more. It asks nothing of the background.
   */
  const loadReaderModule = () => {
    if (readerRequested) return;
    readerRequested = true;
    const loadBegan = performance.now();
    readerArrival = loadReader().then(
      () => {
        readerLoad = performance.now() - loadBegan;
      },
      (error: unknown) => {
        // The highlights stand without it; a later run tries again.
        readerRequested = false;
        console.warn('Stancemark: the reader UI could not load:', error);
      },
    );
  };

  /**
   * Finds the article body and reads its text, `pause` between the two (a yield when the task has run
   * long), adding the main-thread time to `timings.read`. Null when the article has no quotation mark.
   */
  const readCandidate = async (timings: Pick<PageTimings, 'read'>, pause: () => Promise<void>): Promise<ArticleText | null> => {
    const rootBegan = performance.now();
    let root = articleRoot(document);
    timings.read += performance.now() - rootBegan;
    if (!root) return null;
    await pause();
    const readBegan = performance.now();
    // The page may have replaced its article meanwhile.
    if (!root.isConnected) root = articleRoot(document) ?? document.documentElement;
    const article = articleIn(document, root);
    timings.read += performance.now() - readBegan;
    return hasQuotationMarks(article.map.text) ? article : null;
  };

  let backgroundStarted = false;
  /**
   * Starts a stopped background (once per page), for a run whose text is still being read, so its script is
   * evaluated meanwhile: sent only once the settings allowed the run, so a site the reader switched off never
   * wakes the background. A run whose text is ready sends the text at once instead, which starts it too.
   */
  const startBackground = () => {
    if (backgroundStarted) return;
    backgroundStarted = true;
    browser.runtime.sendMessage({ type: 'stancemark:prepare' } satisfies PrepareRequest).catch(() => {
      // The background is gone (extension reloaded or updated): the teardown cleans up.
    });
  };

  let firstDetection: { detected: ReturnType<typeof detectArticle>; ms: number } | null = {
    detected: detectArticle(document),
    ms: performance.now() - createdAt,
  };
  /**
   * A candidate's article is read in the tasks after detection, while the settings are on their way: the
   * first run, once they allow it, only hands the text over. Nothing leaves the page before that.
   */
  let firstReading: Promise<{ article: ArticleText | null; read: number; longestTask: number }> | null = null;
  /** Whether the first reading has ended (its article read, or given up). */
  let firstReadingDone = false;
  if (firstDetection.detected === 'candidate') {
    loadReaderModule();
    const early = { read: 0, longestTask: 0 };
    let taskBegan = 0;
    const pause = async () => {
      if (performance.now() - taskBegan < YIELD_AFTER_MS) return;
      early.longestTask = Math.max(early.longestTask, performance.now() - taskBegan);
      await yieldToTasks();
      taskBegan = performance.now();
    };
    firstReading = yieldToTasks()
      .then(() => {
        taskBegan = performance.now();
        return signal.aborted ? null : readCandidate(early, pause);
      })
      .then((article) => {
        early.longestTask = Math.max(early.longestTask, performance.now() - taskBegan);
        return { article, ...early };
      })
      .finally(() => {
        firstReadingDone = true;
      });
    firstReading.catch(() => {
      // The run reads again.
    });
  }
  const listeners = new Set<(result: PageResult) => void>();
  let result: PageResult | null = null;
  /** Where the findings of `result` came from, when they came from one of the background's replies. */
  let resultSource: Source | undefined;
  let anyway = false;
  let runs = 0;
  let currentRun: AbortController | null = null;
  let latest: Promise<PageResult> | null = null;

  /** The main-thread time (ms) of each piece of work the listeners of the latest result left for later (soon). */
  let later: Promise<number>[] = [];

  /** Makes `next` the page's result and calls the listeners (the reader UI among them). */
  const show = (next: PageResult, source: Source | undefined) => {
    later = [];
    result = next;
    resultSource = source;
    for (const listener of listeners) listener(next);
  };

  /** Says the state on <html>, once the result is shown and its reader UI is in. */
  const markState = (state: ResultState) => {
    // An attribute, not dataset: the root of an XML or SVG document may have no dataset.
    html.setAttribute('data-stancemark-state', state);
  };

  /**
   * Hands `next` to the background; findings it already has (`source.analysis`) are named, not sent back.
   * A page that is no article sends nothing, so it never wakes the background (the popup asks the tab).
   */
  const send = (next: PageResult, source: Source | undefined) => {
    if (next.state === 'not-article') return;
    // A whole result comes with its article text, from which the background summarises it.
    const whole: PageResultMessage = { type: 'stancemark:page-result', result: next, ...(source ? { text: source.text } : {}) };
    const analysis = source?.analysis;
    let sent: Promise<unknown>;
    if (analysis) {
      const { quotes: _quotes, sides: _sides, summary: _summary, ...report } = next;
      const named: PageResultMessage = { type: 'stancemark:page-result', result: report satisfies PageReport, analysis };
      // Answered with the summary of the findings it kept, or refused when the background no longer has them
      // (its service worker restarted meanwhile): the whole result then goes, and is answered the same way. The
      // summary joins the result still shown (the card's stances).
      sent = browser.runtime.sendMessage(named).then(async (answer) => {
        const summary = parseReportAnswer(answer) ?? parseReportAnswer(await browser.runtime.sendMessage(whole));
        if (summary && result === next) show({ ...next, summary }, source);
      });
    } else {
      sent = browser.runtime.sendMessage(whole);
    }
    sent.catch(() => {
      // The background is gone (extension reloaded or updated): the teardown cleans up.
    });
  };

  const report = (next: PageResult, source?: Source): PageResult => {
    show(next, source);
    markState(next.state);
    send(next, source);
    return next;
  };

  /**
   * The pipeline, filling `timings` as it goes. Detection, finding the article body, reading its text
   * (handing it to the background), and taking the reply are stages; a stage starts a new task once the
   * current one has held the main thread for YIELD_AFTER_MS, so a long page never holds it for all of
   * them at once while a short one is not delayed by the page's other tasks in between.
   */
  const run = async (runSignal: AbortSignal, timings: PageTimings, clock: RunClock): Promise<RunOutcome> => {
    const endTask = () => {
      timings.longestTask = Math.max(timings.longestTask, performance.now() - clock.taskBegan);
    };
    const yieldIfLong = async () => {
      if (performance.now() - clock.taskBegan < YIELD_AFTER_MS) return;
      endTask();
      await yieldToTasks();
      if (runSignal.aborted) throw new Superseded();
      clock.taskBegan = performance.now();
    };
    const detection = firstDetection;
    firstDetection = null;
    let detected: ReturnType<typeof detectArticle>;
    if (detection && !anyway) {
      ({ detected, ms: timings.detect } = detection);
    } else {
      const detectBegan = (clock.taskBegan = performance.now());
      detected = detectArticle(document, { anyway });
      timings.detect = performance.now() - detectBegan;
    }
    if (detected !== 'candidate') return { state: detected };
    loadReaderModule();

    const reading = firstReading;
    firstReading = null;
    let article: ArticleText | null = null;
    if (reading && !anyway && !firstReadingDone) startBackground();
    const earlyRead = reading && !anyway ? await reading.catch(() => null) : null;
    if (runSignal.aborted) throw new Superseded();
    if (earlyRead && (!earlyRead.article || earlyRead.article.root.isConnected)) {
      ({ article, read: timings.read } = earlyRead);
      timings.longestTask = Math.max(timings.longestTask, earlyRead.longestTask);
      clock.taskBegan = performance.now();
    } else {
      await yieldIfLong();
      article = await readCandidate(timings, yieldIfLong);
    }
    if (!article) return { state: 'no-quotes' };
    const { map, date } = article;
    const request: AnalyzeRequest = { type: 'stancemark:analyze', text: map.text, ...(date ? { date } : {}) };
    const sendBegan = performance.now();
    const sentAt = performance.timeOrigin + sendBegan;
    const answered = browser.runtime.sendMessage(request);
    // Handing the text over (its serialisation) is part of reading.
    const sent = performance.now();
    timings.read += sent - sendBegan;
    endTask();
    const reply = await answered;
    const arrived = performance.now();
    timings.analysis = arrived - sent;
    const replyBegan = (clock.taskBegan = performance.now());
    if (runSignal.aborted) throw new Superseded();

    const parsed = parseAnalysisReply(reply, map.text);
    if (!parsed) throw new Error('the background sent no well-formed analysis');
    const { analysis, engineMs, receivedAt, repliedAt, ...statements } = parsed;
    // The summary comes later, as the answer to the report (send).
    const findings: Findings = { ...statements, summary: NO_SUMMARY };
    timings.engine = engineMs ?? 0;
    if (receivedAt !== undefined && repliedAt !== undefined) {
      timings.toBackground = Math.max(0, receivedAt - sentAt);
      timings.fromBackground = Math.max(0, performance.timeOrigin + arrived - repliedAt);
    }
    // Taking the reply and planning the marks count as highlighting.
    timings.highlight = performance.now() - replyBegan;
    if (!findings.quotes.length) return { state: 'no-quotes' };
    await yieldIfLong();
    const planBegan = performance.now();
    const plan = planHighlights(map, findings.quotes);
    timings.highlight += performance.now() - planBegan;
    await yieldIfLong();
    let slices = 0;
    const highlighted = await highlightInSlices(plan, {
      signal: runSignal,
      onSlice: (ms) => {
        // The first slice may run in the task that took the reply; each later one is a task of its own.
        if (slices++ > 0) clock.taskBegan = performance.now() - ms;
        timings.highlight += ms;
        endTask();
      },
    });
    if (highlighted < 0) throw new Superseded();
    return { state: 'done', findings, source: { text: map.text, ...(analysis ? { analysis } : {}) } };
  };

  const resultOf = (outcome: RunOutcome, timings?: PageTimings): PageResult => ({
    url: location.href,
    title: document.title,
    state: outcome.state,
    highlighted: outcome.state === 'done',
    ...(outcome.state === 'done' ? outcome.findings : { quotes: [], sides: [], summary: NO_SUMMARY }),
    ...(timings ? { timings } : {}),
  });

  const runAndReport = async (): Promise<PageResult> => {
    const controller = new AbortController();
    currentRun = controller;
    const began = performance.now();
    const timings: PageTimings = { detect: 0, read: 0, analysis: 0, engine: 0, highlight: 0, total: 0, longestTask: 0 };
    if (runs++ === 0) timings.startDelay = began - createdAt;
    const clock: RunClock = { taskBegan: began };
    try {
      const outcome = await run(controller.signal, timings, clock);
      // The reader UI (colours, then legend and card) runs in the run's last tasks and counts as its main-thread
      // time. Marks go in back to front, so the last slice holds the article's start: it is coloured in
      // the task that wraps it, never painted in the browser's default <mark> style.
      const source = outcome.state === 'done' ? outcome.source : undefined;
      const uiBegan = performance.now();
      const next = resultOf(outcome, timings);
      show(next, source);
      const ended = performance.now();
      timings.ui = ended - uiBegan;
      timings.total = ended - began;
      timings.longestTask = Math.max(timings.longestTask, ended - clock.taskBegan);
      // The legend, card and keys come with the reader module: the state and the report wait for them, the
      // coloured highlights (above) did not.
      if (outcome.state === 'done' && readerArrival) {
        await readerArrival;
        timings.readerWait = performance.now() - ended;
        // The first run says how long the module took to arrive.
        if (timings.startDelay !== undefined && readerLoad !== null) timings.readerLoad = readerLoad;
      }
      for (const ms of await Promise.all(later)) {
        timings.ui += ms;
        timings.longestTask = Math.max(timings.longestTask, ms);
      }
      markState(next.state);
      send(next, source);
      return next;
    } catch (error) {
      // A torn-down session has no one left to answer: its unfinished runs never settle.
      if (signal.aborted) return new Promise<PageResult>(() => {});
      // A newer run took over: its result is the answer.
      if (error instanceof Superseded && currentRun !== controller && latest) return latest;
      removeHighlights();
      console.warn('Stancemark could not analyse this page:', error);
      return report(resultOf({ state: 'error' }));
    }
  };

  const session: PageSession = {
    get result() {
      return result;
    },
    setHighlights(on, options = {}) {
      anyway ||= options.anyway === true;
      currentRun?.abort();
      currentRun = null;
      removeHighlights();
      latest = !on && result ? Promise.resolve(report({ ...result, highlighted: false }, resultSource)) : runAndReport();
      return latest;
    },
    onResult(listener, listenerSignal) {
      listeners.add(listener);
      onAbort(listenerSignal, () => listeners.delete(listener));
    },
    soon(work) {
      later.push(
        yieldToTasks().then(() => {
          if (signal.aborted) return 0;
          const began = performance.now();
          try {
            work();
          } catch (error) {
            console.warn('Stancemark: the reader UI failed:', error);
          }
          return performance.now() - began;
        }),
      );
    },
  };

  onAbort(signal, () => {
    currentRun?.abort();
    listeners.clear();
    removeHighlights();
    html.removeAttribute('data-stancemark-state');
  });
  return session;
}
