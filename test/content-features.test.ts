// Each content-script feature (one file in entrypoints/content/features/) is started by the content
// script and documented in the README, so none is added, or left behind, silently.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const features = readdirSync(new URL('entrypoints/content/features/', root)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const entry = readFileSync(new URL('entrypoints/content/index.ts', root), 'utf8');
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('content-script features', () => {
  it('there are features to check', () => {
    expect(features.length).toBeGreaterThan(0);
  });

  it.each(features)('%s is imported by the content script and documented in the README', (feature) => {
    expect(entry).toContain(`from './features/${feature}'`);
    expect(readme).toContain(`| \`${feature}\` |`);
  });
});
