import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, highlightsOn, orderSides, parseSettings, siteOf, withSite } from '../../extension/settings';
import { closedPage, parseStatus } from '../../extension/status-probe';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored or anything that is not an object', () => {
    for (const stored of [null, undefined, 42, 'on', [], {}]) expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces each invalid one by its default', () => {
    const parsed = parseSettings({
      highlight: false,
      offSites: ['WWW.Example.com', 'news.example.org', 'news.example.org', 7, 'not a host!'],
      analysis: 'sometimes',
      scheme: 'colour-blind',
      pair: ['RU', 'US'],
      extra: 'ignored',
    });
    expect(parsed).toEqual({ highlight: false, offSites: ['example.com', 'news.example.org'], analysis: 'auto', scheme: 'colour-blind', pair: ['RU', 'US'] });
  });

  it('drops a pair that is not two distinct codes', () => {
    for (const pair of [['US'], ['US', 'US'], ['US', 'russia'], 'US,RU', ['US', 'RU', 'CN']]) expect(parseSettings({ pair }).pair).toBeNull();
  });
});

describe('sites', () => {
  it('keys a page by its hostname without www; pages without one have none', () => {
    expect(siteOf('https://www.Example.com/world/1?x=2')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:8080/a.html')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('switches highlighting off and on per site, under the global switch', () => {
    const url = 'https://www.example.com/story';
    const off = withSite(DEFAULT_SETTINGS, url, false);
    expect(highlightsOn(off, url)).toBe(false);
    expect(highlightsOn(off, 'https://other.example.net/story')).toBe(true);
    expect(highlightsOn(withSite(off, url, true), url)).toBe(true);
    expect(withSite(withSite(off, url, false), url, false).offSites).toEqual(['example.com']);
    expect(highlightsOn({ ...DEFAULT_SETTINGS, highlight: false }, 'https://other.example.net/')).toBe(false);
  });
});

describe('orderSides', () => {
  it('puts the pinned pair first when its countries speak, then the ranking', () => {
    expect(orderSides(['US', 'RU', 'SY', 'TR'], ['TR', 'SY'])).toEqual(['TR', 'SY', 'US', 'RU']);
    expect(orderSides(['US', 'RU', 'SY'], ['SY', 'CN'])).toEqual(['SY', 'US', 'RU']);
    expect(orderSides(['US', 'RU'], null)).toEqual(['US', 'RU']);
  });
});

describe('status probe (extension/status-probe.ts)', () => {
  it('reads a content script’s answer; anything else is no answer', () => {
    expect(parseStatus({ url: 'https://news.example.com/a', contentType: 'application/pdf', state: 'done' })).toEqual({ url: 'https://news.example.com/a', contentType: 'application/pdf', state: 'done' });
    expect(parseStatus({ url: 'https://news.example.com/a' })).toEqual({ url: 'https://news.example.com/a', contentType: '', state: null });
    expect(parseStatus({ url: 'https://news.example.com/a', state: 'x'.repeat(21) })?.state).toBeNull();
    expect(parseStatus({ url: 'https://news.example.com/a', contentType: 7 })?.contentType).toBe('');
    for (const answer of [null, undefined, 'https://x.example', {}, { url: 'javascript:alert(1)' }, { url: 'x'.repeat(10_001) }, { url: 42 }]) {
      expect(parseStatus(answer)).toBeNull();
    }
  });

  it('says from a tab’s URL why no content script runs there', () => {
    const cases: [string | null | undefined, string][] = [
      [undefined, 'unknown'],
      [null, 'unknown'],
      ['', 'unknown'],
      ['about:blank', 'empty-tab'],
      ['chrome://newtab/', 'empty-tab'],
      ['chrome://version/', 'browser-page'],
      ['chrome-extension://abcdefghijklmnop/options.html', 'browser-page'],
      ['edge://settings', 'browser-page'],
      ['view-source:https://news.example.com/', 'browser-page'],
      ['file:///home/reader/saved.html', 'file'],
      ['https://chromewebstore.google.com/detail/x/abc', 'extension-store'],
      ['https://chrome.google.com/webstore/category/extensions', 'extension-store'],
      ['https://addons.mozilla.org/en-US/firefox/', 'extension-store'],
      ['https://chromewebstore.google.com.example.net/', 'needs-reload'],
      ['https://news.example.com/story', 'needs-reload'],
    ];
    for (const [url, why] of cases) expect(closedPage(url), String(url)).toBe(why);
  });
});
