// The harness figure (scripts/country-eval.ts) on ../shared's dev and seed gold speakers.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCountries, readGold } from '../../scripts/country-gold';

const data = new URL('../../../shared/data', import.meta.url).pathname;

describe.skipIf(!existsSync(`${data}/dev`))('country stage on gold speakers (needs ../shared)', () => {
  it('dev: at least 0.95 of quotes get the gold country (null included) and none a wrong one', () => {
    const results = evaluateCountries(readGold(`${data}/dev`));
    const right = results.filter((r) => r.got === r.gold).length;
    expect(results.length).toBeGreaterThan(500);
    expect(right / results.length).toBeGreaterThanOrEqual(0.95);
    expect(results.filter((r) => r.got !== null && r.got !== r.gold)).toEqual([]);
  });

  it('seed: every quote gets the gold country or null, and the article-anchored ones the gold country', () => {
    const results = evaluateCountries(readGold(`${data}/seed`));
    expect(results.filter((r) => r.got !== null && r.got !== r.gold)).toEqual([]);
    const codes = new Set(results.map((r) => r.got));
    expect(codes.has('US') && codes.has('RU')).toBe(true);
  });
});
