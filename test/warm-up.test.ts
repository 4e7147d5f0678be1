// The background's engine warm-up: its text runs every stage; from a worker's second analysis on, once that has
// been idle a while, a run per task until the engine has run WARM_UP_RUNS times, dropped whenever an analysis begins.
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

  it('waits for a second analysis, then goes on after it has been idle a while, a run per task, until the engine has run WARM_UP_RUNS times', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.analysisBegins();
    vi.runAllTimers();
    expect(analyzeStatements).not.toHaveBeenCalled();
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    // A third analysis begins just before the pause ends: the pause starts again.
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    expect(analyzeStatements).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    expect(summarize).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(summarize).toHaveBeenCalledTimes(1);
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    vi.advanceTimersToNextTimer();
    expect(analyzeStatements).toHaveBeenCalledTimes(2);
    vi.runAllTimers();
    // Three real analyses: WARM_UP_RUNS in all.
    expect(analyzeStatements).toHaveBeenCalledTimes(WARM_UP_RUNS - 3);
    expect(summarize).toHaveBeenCalledTimes(WARM_UP_RUNS - 3);
    warmUp.analysisBegins();
    vi.runAllTimers();
    expect(analyzeStatements).toHaveBeenCalledTimes(WARM_UP_RUNS - 3);
  });

  it('drops a pending task when an analysis begins, and goes on after the pause', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.analysisBegins();
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS);
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    // The run's summary, due in the next task, is dropped.
    warmUp.analysisBegins();
    vi.advanceTimersByTime(WARM_UP_PAUSE_MS - 1);
    expect(summarize).not.toHaveBeenCalled();
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(analyzeStatements).toHaveBeenCalledTimes(WARM_UP_RUNS - 3);
  });
});
