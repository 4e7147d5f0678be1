// The background's engine warm-up: its text runs every stage, and it runs at most once, never after a real analysis.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../lib/analyze';
import { createEngineWarmUp, WARM_UP_TEXT } from '../entrypoints/background/warm-up';

vi.mock('../lib/analyze', async (original) => {
  const engine = await original<typeof import('../lib/analyze')>();
  return { ...engine, analyze: vi.fn(engine.analyze) };
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(analyze).mockClear();
});

describe('the engine warm-up', () => {
  it('its text gives direct and reported statements of several sides, and positions', async () => {
    const { analyze: realAnalyze } = await vi.importActual<typeof import('../lib/analyze')>('../lib/analyze');
    const { quotes, sides, summary } = realAnalyze(WARM_UP_TEXT);
    expect(quotes.some((q) => q.kind === 'direct' && q.country)).toBe(true);
    expect(quotes.some((q) => q.kind === 'indirect' && q.country)).toBe(true);
    expect(sides.length).toBeGreaterThanOrEqual(2);
    expect(summary.sides.some((s) => s.topics.length > 0)).toBe(true);
  });

  it('runs the engine once, in a task of its own, however often a page asks', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.prepare();
    warmUp.prepare();
    expect(analyze).not.toHaveBeenCalled();
    vi.runAllTimers();
    warmUp.prepare();
    vi.runAllTimers();
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  it('does not run once a real analysis has begun', () => {
    vi.useFakeTimers();
    const warmUp = createEngineWarmUp();
    warmUp.analysisBegins();
    warmUp.prepare();
    vi.runAllTimers();
    expect(analyze).not.toHaveBeenCalled();
  });
});
