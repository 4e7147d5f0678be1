// The background's findings per tab: the reply without quote texts, the summary on the page's report, a
// re-run that reuses the findings, and the summary of a whole result sent back after a worker restart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../lib/analyze';
import { createTabFindings, timedSummary } from '../entrypoints/background/tab-findings';

const SEED = readFileSync('test/fixtures/seed.txt', 'utf8');

describe('a tab’s findings in the background', () => {
  it('the reply has the engine’s quotes without their text, and the report gets the summary the whole engine gives', () => {
    const findings = createTabFindings('7-');
    const reply = findings.analyze(3, SEED, undefined, 0);
    const whole = analyze(SEED);
    expect(reply.quotes).toEqual(whole.quotes.map(({ text: _text, ...quote }) => quote));
    expect(reply.sides).toEqual(whole.sides);
    expect(reply.analysis).toMatch(/^7-\d+$/);
    const kept = findings.summarised(3, reply.analysis!);
    expect(kept?.summary).toEqual(whole.summary);
    expect(kept?.quotes).toEqual(whole.quotes);
  });

  it('a report naming other findings, or another tab’s, is refused', () => {
    const findings = createTabFindings('7-');
    const first = findings.analyze(3, SEED, undefined, 0);
    const second = findings.analyze(3, SEED, undefined, 0);
    expect(second.analysis).not.toBe(first.analysis);
    expect(findings.summarised(3, first.analysis!)).toBeNull();
    expect(findings.summarised(4, second.analysis!)).toBeNull();
    expect(findings.summarised(3, second.analysis!)).not.toBeNull();
  });

  it('after a restart the findings are forgotten; the whole result sent back with its text gets the same summary', () => {
    const before = createTabFindings('1-');
    const reply = before.analyze(3, SEED, '2024-03-01', 0);
    const restarted = createTabFindings('2-');
    expect(restarted.summarised(3, reply.analysis!)).toBeNull();
    const whole = analyze(SEED, { date: '2024-03-01' });
    // The page restores each quote's text from its own text, as the content script does.
    const quotes = reply.quotes.map((quote) => ({ ...quote, text: SEED.slice(quote.start, quote.end) }));
    expect(timedSummary(quotes, reply.sides, SEED).summary).toEqual(whole.summary);
  });

  it('closed tabs’ findings are dropped', () => {
    const findings = createTabFindings('7-');
    const kept = findings.analyze(3, SEED, undefined, 0);
    const closed = findings.analyze(5, SEED, undefined, 0);
    findings.keepOnly(new Set([3]));
    expect(findings.summarised(5, closed.analysis!)).toBeNull();
    expect(findings.summarised(3, kept.analysis!)).not.toBeNull();
  });
});
