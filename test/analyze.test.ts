// The whole engine on the seed article (the one text the project carries): quotes, speakers, countries, sides.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../lib/analyze';

const seed = readFileSync(new URL('./fixtures/seed.txt', import.meta.url), 'utf8');

describe('analyze on the seed article', () => {
  const { quotes, sides, summary } = analyze(seed);
  const direct = quotes.filter((q) => q.kind === 'direct');
  const bySpeaker = (name: string) => direct.filter((q) => q.speaker?.includes(name));

  it('finds all nine direct quotes with their offsets', () => {
    expect(direct).toHaveLength(9);
    for (const q of direct) expect(seed.slice(q.start, q.end)).toBe(q.text);
    expect(direct[0].text).toBe('complete and clear understanding');
  });

  it('gives Kerry, the Pentagon and Obama the United States and Konashenkov Russia', () => {
    expect(bySpeaker('Kerry').map((q) => q.country)).toEqual(['US', 'US', 'US']);
    expect(bySpeaker('Pentagon').map((q) => q.country)).toEqual(['US']);
    expect(bySpeaker('Obama').map((q) => q.country)).toEqual(['US']);
    expect(bySpeaker('Konashenkov').map((q) => q.country)).toEqual(['RU']);
  });

  it('leaves the two quotes of the unnamed speaker unknown, and gives Davis no wrong country', () => {
    expect(direct.slice(-2).map((q) => [q.speaker, q.country])).toEqual([[null, null], [null, null]]);
    expect(['US', null]).toContain(bySpeaker('Davis')[0].country);
  });

  it('sets the United States against Russia, in the sides and in the summary', () => {
    expect(sides.slice(0, 2).map((s) => s.country)).toEqual(['US', 'RU']);
    expect(summary.sides.map((s) => s.name)).toEqual(['United States', 'Russia']);
    for (const side of summary.sides) for (const i of side.statements) expect(quotes[i].country).toBe(side.country);
  });

  it('gives an empty text and a text without quotes a clear, empty result', () => {
    for (const text of ['', 'No one said anything here.\n\nNothing at all.']) {
      const result = analyze(text);
      expect(result.quotes.filter((q) => q.kind === 'direct')).toEqual([]);
      expect(result.sides).toEqual([]);
    }
  });
});
