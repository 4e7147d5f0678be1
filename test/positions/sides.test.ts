import { describe, expect, it } from 'vitest';
import { rankSides } from '../../lib/sides';
import type { Quote } from '../../lib/types';

// Invented speakers and countries.
const said = (speaker: string, country = 'RR', kind: Quote['kind'] = 'direct'): Quote => ({
  start: 0,
  end: 1,
  text: 'x',
  kind,
  speaker,
  role: null,
  country,
  evidence: null,
  paragraph: 0,
});

describe('rankSides', () => {
  it('ranks sides by direct quotes, then reported ones', () => {
    const sides = rankSides([said('Lund', 'OS', 'indirect'), said('Lund', 'OS', 'indirect'), said('Ana Ruiz')]);
    expect(sides.map((s) => [s.country, s.direct, s.indirect])).toEqual([
      ['RR', 1, 0],
      ['OS', 0, 2],
    ]);
  });

  it('lists one speaker written several ways once, under the fullest spelling', () => {
    const [side] = rankSides(['Ruiz', 'Ana M Ruiz', 'Ana M. Ruiz', 'Ruiz administration', 'official', 'border official'].map((n) => said(n)));
    expect(side.speakers.map((s) => [s.name, s.count])).toEqual([
      ['Ana M. Ruiz', 3],
      ['Ruiz administration', 1],
      ['official', 1],
      ['border official', 1],
    ]);
  });
});
