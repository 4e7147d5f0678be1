// The background's engine warm-up: its text runs every stage, and it runs at most once, never after a real analysis.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze, analyzeStatements } from '../lib/analyze';
import { summarize } from '../lib/positions';
import { createEngineWarmUp, WARM_UP_TEXT } from '../entrypoints/background/warm-up';

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

  it('runs the statements, then the summary in a later task, once however often a page asks', () => {
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

  it('does not run what a real analysis has begun to pay for itself', () => {
    vi.useFakeTimers();
    const before = createEngineWarmUp();
    before.analysisBegins();
    before.prepare();
    vi.runAllTimers();
    expect(analyzeStatements).not.toHaveBeenCalled();
    const between = createEngineWarmUp();
    between.prepare();
    vi.advanceTimersToNextTimer();
    between.analysisBegins();
    vi.runAllTimers();
    expect(analyzeStatements).toHaveBeenCalledTimes(1);
    expect(summarize).not.toHaveBeenCalled();
  });
});
