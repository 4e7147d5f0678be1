// The background's engine warm-up: its text runs every stage; one run at a page's prepare, more once a real
// analysis has been idle a while, a run per task, until the engine has run WARM_UP_RUNS times.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze, analyzeStatements } from '../lib/analyze';
import { summarize } from '../lib/positions';
import { createEngineWarmUp, WARM_UP_PAUSE_MS, WARM_UP_RUNS, WARM_UP_TEXT } from '../entrypoints/background/warm-up';

vi.mock('../lib/analyze', async (original) => {
  const engine = await original<typeof import('../lib/analyze')>();
  return { ...engine, analyzeStatements: vi.fn(engine.analyzeStatements) };
});
vi.mock('../lib/positions', async (original) => {
  const positions = await original<typeof import('../lib/positions')>();
  return { ...positions, summarize: vi.fn(positions.summarize) };
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(analyzeStatements).mockClear();
  vi.mocked(summarize).mockClear();
});

describe('the engine warm-up', () => {
  it('its text gives direct and reported statements of several sides, and positions', () => {
    const { quotes, sides, summary } = analyze(WARM_UP_TEXT);
    expect(quotes.some((q) => q.kind === 'direct' && q.country)).toBe(true);
    expect(quotes.some((q) => q.kind === 'indirect' && q.country)).toBe(true);
    expect(sides.length).toBeGreaterThanOrEqual(2);
    expect(summary.sides.some((s) => s.topics.length > 0)).toBe(true);
  });

  it('at a page’s prepare: the statements, then the summary in a later task, once however often pages ask', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.prepare();
    warmUp.prepare();
    expect(analyzeStatements).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    expect(summarize).not.toHaveBeenCalled();
    vi.runAllTimers();
    warmUp.prepare();
    vi.runAllTimers();
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    expect(summarize).toHaveBeenCalledTimes(1);
  });

  it('does not run at prepare what a real analysis has begun to pay for itself', () => {
    vi.useFakeTimers();
    const before = createEngineWarmUp();
    before.analysisBegins();
    before.prepare();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    expect(analyzeStatements).not.toHaveBeenCalled();
    // (Its run after the pause is the next test's.)
    vi.clearAllTimers();
    const between = createEngineWarmUp();
    between.prepare();
    vi.advanceTimersToNextTimer();
    between.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    expect(summarize).not.toHaveBeenCalled();
  });

  it('goes on after a real analysis has been idle a while, a run per task, until the engine has run WARM_UP_RUNS times', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.prepare();
    vi.runAllTimers();
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    // A second analysis begins just before the pause ends: the pause starts again.
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    vi.advanceTimersToNextTimer();
    expect(analyzeStatements).toHaveBeenCalledTimes(2);
    expect(summarize).toHaveBeenCalledTimes(1);
    vi.advanceTimersToNextTimer();
    expect(summarize).toHaveBeenCalledTimes(2);
    vi.runAllTimers();
    // One warm-up run and two real analyses before the pause ended: WARM_UP_RUNS in all.
    expect(analyzeStatements).toHaveBeenCalledTimes(WARM_UP_RUNS - 2);
    expect(summarize).toHaveBeenCalledTimes(WARM_UP_RUNS - 2);
    warmUp.analysisBegins();
    vi.runAllTimers();
    expect(analyzeStatements).toHaveBeenCalledTimes(WARM_UP_RUNS - 2);
  });
});
