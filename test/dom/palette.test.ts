import { describe, expect, it } from 'vitest';
import { countryName } from '../../lib/country-names';
import { contrast, countryColour, sidePalette, type CountryColour } from '../../lib/palette';

type Rgb = [number, number, number];
const toLinear = (hex: string): Rgb =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;

/** CIELAB (D65) from linear sRGB. */
function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, on linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

function seenAs(hex: string, matrix?: number[][]): Rgb {
  const rgb = toLinear(hex);
  if (!matrix) return lab(rgb);
  return lab(matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Rgb);
}

/** CIE76 colour difference, as a viewer with `matrix`'s deficiency (or normal vision) sees it. */
function deltaE(a: string, b: string, matrix?: number[][]): number {
  const [p, q] = [seenAs(a, matrix), seenAs(b, matrix)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const COMMON = ['US', 'RU', 'UA', 'SY', 'IR', 'IL', 'CN', 'GB', 'FR', 'DE', 'TR', 'NATO', 'UN', 'EU'];
/** Sides news often sets against each other. */
const OPPONENTS = [['US', 'RU'], ['RU', 'UA'], ['US', 'CN'], ['US', 'IR'], ['IL', 'PS'], ['IL', 'IR'], ['RU', 'NATO'], ['SY', 'TR'], ['US', 'SY'], ['GB', 'EU']];
const WHITE = '#ffffff';
const DARK_PAGE = '#121212';

function readable(colour: CountryColour, label: string): void {
  expect(contrast(colour.text, colour.background), `${label} text on tint`).toBeGreaterThanOrEqual(7);
  expect(contrast(colour.onAccent, colour.accent), `${label} label text`).toBeGreaterThanOrEqual(4.5);
  // The underline of reported speech and the label's box stand out on light and dark pages alike.
  expect(contrast(colour.accent, WHITE), `${label} accent on a light page`).toBeGreaterThanOrEqual(3);
  expect(contrast(colour.accent, DARK_PAGE), `${label} accent on a dark page`).toBeGreaterThanOrEqual(3);
}

describe('countryColour (standard scheme)', () => {
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

  it('keeps usual opponents clearly apart (CIE76 ΔE of the accents >= 25)', () => {
    for (const [a, b] of OPPONENTS) expect(deltaE(countryColour(a).accent, countryColour(b).accent), `${a}/${b}`).toBeGreaterThanOrEqual(25);
  });

  it('is grey for unknown', () => {
    const grey = countryColour(null);
    expect(countryColour('unknown')).toEqual(grey);
    expect(countryColour('')).toEqual(grey);
    const [r, g, b] = [1, 3, 5].map((i) => grey.background.slice(i, i + 2));
    expect(r === g && g === b).toBe(true);
  });

  it('is readable on light and dark pages for every code', () => {
    for (const code of [...COMMON, 'BR', 'ZA', 'KE', 'ISIS', 'PS', null]) readable(countryColour(code), String(code));
  });
});

describe('sidePalette', () => {
  it('the standard scheme is countryColour whatever the ranking', () => {
    const palette = sidePalette(['RU', 'US'], 'standard');
    expect(palette('US')).toEqual(countryColour('US'));
  });

  it('the colour-blind scheme colours sides by rank, unknown and unranked codes grey', () => {
    const palette = sidePalette(['US', 'RU', 'SY'], 'colour-blind');
    const swapped = sidePalette(['RU', 'US'], 'colour-blind');
    expect(palette('us')).toEqual(swapped('RU'));
    expect(palette('RU')).not.toEqual(palette('US'));
    expect(palette(null)).toEqual(countryColour(null));
    expect(palette('FR')).toEqual(countryColour(null));
    for (const code of ['US', 'RU', 'SY']) readable(palette(code), code);
  });

  it('keeps the first four sides apart for protan, deutan and tritan viewers (ΔE >= 15 accents, >= 8 tints)', () => {
    const ranked = ['A1', 'A2', 'A3', 'A4'];
    const palette = sidePalette(ranked, 'colour-blind');
    for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
      for (let i = 0; i < ranked.length; i++) {
        for (let j = i + 1; j < ranked.length; j++) {
          const [a, b] = [palette(ranked[i]), palette(ranked[j])];
          expect(deltaE(a.accent, b.accent, matrix), `${name} accents ${i}/${j}`).toBeGreaterThanOrEqual(15);
          expect(deltaE(a.background, b.background, matrix), `${name} tints ${i}/${j}`).toBeGreaterThanOrEqual(8);
        }
      }
    }
    // And the main pair stays apart from the grey of unknown speakers.
    for (const code of ranked.slice(0, 2)) {
      for (const matrix of Object.values(DEFICIENCIES)) expect(deltaE(palette(code).accent, countryColour(null).accent, matrix)).toBeGreaterThanOrEqual(15);
    }
  });

  it('keeps the tints of usual opponents apart too (ΔE >= 10)', () => {
    for (const [a, b] of OPPONENTS) expect(deltaE(countryColour(a).background, countryColour(b).background), `${a}/${b}`).toBeGreaterThanOrEqual(10);
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
