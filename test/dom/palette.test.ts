import { describe, expect, it } from 'vitest';
import { countryName } from '../../lib/country-names';
import { countryColour } from '../../lib/palette';

/** WCAG relative luminance contrast between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

const COMMON = ['US', 'RU', 'UA', 'SY', 'IR', 'IL', 'CN', 'GB', 'FR', 'DE', 'TR', 'NATO', 'UN', 'EU'];

describe('countryColour', () => {
  it('is stable and case-insensitive', () => {
    expect(countryColour('US')).toEqual(countryColour('us'));
    expect(countryColour('BR')).toEqual(countryColour('BR'));
  });

  it('gives the common sides distinct colours, and unlisted codes a colour too', () => {
    const backgrounds = COMMON.map((code) => countryColour(code).background);
    expect(new Set(backgrounds).size).toBe(COMMON.length);
    expect(countryColour('BR').background).toMatch(/^#[0-9a-f]{6}$/);
    expect(countryColour('BR')).not.toEqual(countryColour('AR'));
  });

  it('is grey for unknown', () => {
    const grey = countryColour(null);
    expect(countryColour('unknown')).toEqual(grey);
    expect(countryColour('')).toEqual(grey);
    const [r, g, b] = [1, 3, 5].map((i) => grey.background.slice(i, i + 2));
    expect(r === g && g === b).toBe(true);
  });

  it('keeps dark text readable on every background, and white text on every accent', () => {
    for (const code of [...COMMON, 'BR', 'ZA', 'KE', 'ISIS', null]) {
      const colour = countryColour(code);
      expect(contrast(colour.text, colour.background), `${code} text`).toBeGreaterThanOrEqual(7);
      expect(contrast('#ffffff', colour.accent), `${code} label`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('countryName', () => {
  it('names countries and bodies, and falls back to the code', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('ru')).toBe('Russia');
    expect(countryName('NATO')).toBe('NATO');
    expect(countryName('UN')).toBe('United Nations');
    expect(countryName('XYZ')).toBe('XYZ');
  });
});
