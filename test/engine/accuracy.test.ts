// The scorer (../shared/eval/score.mjs) on the gold sets, against the engine's bars. Skipped when
// ../shared is absent (a fresh clone elsewhere).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scorer = fileURLToPath(new URL('../../../shared/eval/score.mjs', import.meta.url));
const present = existsSync(scorer);

/** Runs the scorer with --min bars; returns its figures line and whether every bar held. */
function score(set: string, bars: Record<string, number>): { line: string; ok: boolean } {
  const args = [scorer, '--gold', `../shared/data/${set}`, ...Object.entries(bars).flatMap(([k, v]) => ['--min', `${k}=${v}`])];
  try {
    const out = execFileSync('node', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { line: out.trim().split('\n').pop()!, ok: true };
  } catch (error) {
    const out = String((error as { stdout?: string }).stdout ?? error);
    return { line: out.trim().split('\n').slice(-4).join('\n'), ok: false };
  }
}

/**
 * The issues' bars (issue 3's quotes and exact spans, issue 4's countries and sides), and a floor above the bar
 * where today's figure clears it well (speakerAcc 0.943-0.944 against bars of 0.90 and 0.92, attributionF1
 * 0.661 against 0.65). polnear-dev quoteF1 meets its bar of 0.97 with no margin (776 of 790 gold quotes found,
 * 810 found in all): PolNeAR's gold leaves many quoted paragraphs and scare quotes unlabelled.
 */
const BARS: Record<'dev' | 'polnear-dev', Record<string, number>> = {
  dev: { quoteF1: 0.97, speakerAcc: 0.93, countryAcc: 0.95, e2eCountryF1: 0.9, sidesAcc: 0.95 },
  'polnear-dev': { quoteF1: 0.97, exactSpan: 0.95, speakerAcc: 0.93, attributionF1: 0.66 },
};

describe.skipIf(!present)('accuracy on the gold sets (../shared)', () => {
  if (!present) console.warn('accuracy tests skipped: ../shared/eval/score.mjs not found');

  it('seed: every quote, every named speaker', () => {
    const { line, ok } = score('seed', { quoteF1: 1, exactSpan: 1, speakerAcc: 1, sidesAcc: 1 });
    expect(ok, line).toBe(true);
  }, 120_000);

  it('dev: quotes and speakers', () => {
    const { line, ok } = score('dev', BARS.dev);
    expect(ok, line).toBe(true);
  }, 300_000);

  it('polnear-dev: quotes, spans and speakers', () => {
    const { line, ok } = score('polnear-dev', BARS['polnear-dev']);
    expect(ok, line).toBe(true);
  }, 300_000);
});

