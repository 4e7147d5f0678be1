import { describe, expect, it } from 'vitest';
import {
  contentScriptTab,
  parsePageResult,
  MAX_ARTICLE_TEXT,
  parseAnalysisReply,
  parseAnalyzeRequest,
  parsePageResultMessage,
  parsePrepareRequest,
  parseReportAnswer,
  parseTabRequest,
  storageKey,
  tabOfStorageKey,
  type PageResult,
} from '../../entrypoints/background/messages';

const result: PageResult = {
  url: 'https://news.example/story',
  title: 'A story',
  state: 'done',
  highlighted: true,
  quotes: [
    { start: 3, end: 9, text: 'hello!', kind: 'direct', speaker: 'Ana Lima', role: null, country: 'BR', evidence: null, paragraph: 0 },
  ],
  sides: [{ country: 'BR', name: 'Brazil', direct: 1, indirect: 0, speakers: [{ name: 'Ana Lima', role: null, count: 1 }] }],
  summary: {
    sides: [{
      country: 'BR', name: 'Brazil', speakers: [{ name: 'Ana Lima', role: null, count: 1 }], statements: [0],
      topics: [{ topic: 'trade deal', stance: 'supports', evidence: [0] }], gist: [0],
    }],
    agreement: [{ topic: 'ceasefire', stance: 'supports', evidence: [0] }],
    divergence: [{ topic: 'trade deal', stances: { BR: 'supports', AR: 'opposes' }, evidence: [0] }],
  },
};

describe('parsePageResult', () => {
  it('accepts a well-formed result and keeps only the known fields', () => {
    expect(parsePageResult(result)).toEqual(result);
    const withExtras = {
      ...result,
      injected: '<img onerror=x>',
      quotes: [{ ...result.quotes[0], html: '<b>' }],
      summary: { ...result.summary, agreement: [{ ...result.summary.agreement[0], provenance: 'both' }] },
    };
    expect(parsePageResult(withExtras)).toEqual(result);
  });

  it('rejects wrong shapes', () => {
    const broken: unknown[] = [
      null, 'done', [], { ...result, state: 'finished' }, { ...result, url: 5 }, { ...result, highlighted: 'yes' },
      { ...result, quotes: {} }, { ...result, quotes: [{ ...result.quotes[0], start: -1 }] },
      { ...result, quotes: [{ ...result.quotes[0], end: 1 }] }, { ...result, quotes: [{ ...result.quotes[0], kind: 'rumour' }] },
      { ...result, sides: [{ ...result.sides[0], speakers: [{ name: 'x' }] }] },
      { ...result, quotes: Array.from({ length: 100_001 }, () => result.quotes[0]) },
      { ...result, summary: undefined }, { ...result, summary: { ...result.summary, agreement: [{ topic: 'x', stance: 'loves', evidence: [] }] } },
      { ...result, summary: { ...result.summary, divergence: [{ topic: 'x', stances: { BR: 'maybe' }, evidence: [] }] } },
      { ...result, summary: { ...result.summary, sides: [{ ...result.summary.sides[0], gist: [-1] }] } },
    ];
    for (const value of broken) expect(parsePageResult(value)).toBeNull();
    // Malformed timings are dropped, the result kept.
    expect(parsePageResult({ ...result, timings: { detect: -1 } })).toEqual(result);
  });

  it('keeps the count of quotes left out of a stored result that was too large, when well-formed', () => {
    expect(parsePageResult({ ...result, quotesLeftOut: 21_000 })).toEqual({ ...result, quotesLeftOut: 21_000 });
    for (const quotesLeftOut of [0, -5, 1.5, '21000']) expect(parsePageResult({ ...result, quotesLeftOut })).toEqual(result);
  });

  it('keeps well-formed timings, the optional ones when well-formed', () => {
    const timings = { detect: 0.4, read: 3, analysis: 20, engine: 15, highlight: 2, total: 26, longestTask: 3.4 };
    expect(parsePageResult({ ...result, timings })).toEqual({ ...result, timings });
    const split = { ...timings, toBackground: 1.5, fromBackground: 2, ui: 1.2, startDelay: 9, readerLoad: 6, readerWait: 0, summary: 4.5 };
    expect(parsePageResult({ ...result, timings: split })).toEqual({ ...result, timings: split });
    expect(parsePageResult({ ...result, timings: { ...timings, ui: -1, startDelay: 'soon', readerLoad: Infinity, readerWait: null } })).toEqual({ ...result, timings });
  });
});

describe('the analysis exchange between content script and background', () => {
  it('accepts a text with an optional date, nothing else', () => {
    expect(parseAnalyzeRequest({ type: 'stancemark:analyze', text: 'abc', date: '2015-09-30', extra: 1 })).toEqual({
      type: 'stancemark:analyze', text: 'abc', date: '2015-09-30',
    });
    expect(parseAnalyzeRequest({ type: 'stancemark:analyze', text: 'abc' })).toEqual({ type: 'stancemark:analyze', text: 'abc' });
    for (const bad of [null, { type: 'stancemark:analyze' }, { type: 'stancemark:analyze', text: 5 }, { type: 'other', text: 'a' },
      { type: 'stancemark:analyze', text: 'a', date: 'yesterday' }, { type: 'stancemark:analyze', text: 'a'.repeat(MAX_ARTICLE_TEXT + 1) }]) {
      expect(parseAnalyzeRequest(bad)).toBeNull();
    }
  });

  it('accepts a reply whose quotes lie inside the text it was asked about, and gives them their text from it', () => {
    const text = 'He said hello!';
    const { text: _quoteText, ...sent } = { ...result.quotes[0], start: 8, end: 14 };
    const reply = { quotes: [{ ...sent, text: 'hello!' }], sides: result.sides };
    expect(parseAnalysisReply({ quotes: [sent], sides: result.sides, entities: [] }, text)).toEqual(reply);
    // A text sent along is not taken from the message: the page's own text is the quote's.
    expect(parseAnalysisReply({ quotes: [{ ...sent, text: '<b>x</b>' }], sides: result.sides }, text)).toEqual(reply);
    // So is a summary: the background gives it in answer to the report.
    expect(parseAnalysisReply({ quotes: [sent], sides: result.sides, summary: result.summary, engineMs: 12.5 }, text)).toEqual({ ...reply, engineMs: 12.5 });
    const named = { analysis: '1764000000000-3', receivedAt: 1764000000100.5, repliedAt: 1764000000112.5 };
    expect(parseAnalysisReply({ quotes: [sent], sides: result.sides, ...named }, text)).toEqual({ ...reply, ...named });
    // A malformed name or clock is dropped, the findings kept.
    expect(parseAnalysisReply({ quotes: [sent], sides: result.sides, analysis: 'a"]', receivedAt: -1, repliedAt: 5 }, text)).toEqual(reply);
    expect(parseAnalysisReply({ quotes: [sent], sides: result.sides }, text.slice(0, 13))).toBeNull();
    expect(parseAnalysisReply({ quotes: [{ ...sent, end: 7 }], sides: result.sides }, text)).toBeNull();
    expect(parseAnalysisReply({ quotes: [sent] }, text)).toBeNull();
    expect(parseAnalysisReply(undefined, text)).toBeNull();
  });

  it('takes the summary from the answer to a report, and nothing else', () => {
    expect(parseReportAnswer({ summary: result.summary })).toEqual(result.summary);
    for (const answer of [false, true, undefined, { summary: { sides: 'x' } }, result.summary]) expect(parseReportAnswer(answer)).toBeNull();
  });
});

describe('message parsers', () => {
  it('accept only their own message type', () => {
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result })).toEqual({ result });
    expect(parsePageResultMessage({ type: 'other', result })).toBeNull();
    expect(parsePageResultMessage(result)).toBeNull();
    expect(parseTabRequest({ type: 'stancemark:set-highlights', on: false })).toEqual({ type: 'stancemark:set-highlights', on: false });
    expect(parseTabRequest({ type: 'stancemark:set-highlights', on: true, anyway: true })).toEqual({ type: 'stancemark:set-highlights', on: true, anyway: true });
    expect(parseTabRequest({ type: 'stancemark:set-highlights', on: true, anyway: 'yes' })).toEqual({ type: 'stancemark:set-highlights', on: true });
    expect(parseTabRequest({ type: 'stancemark:set-highlights', on: 'no' })).toBeNull();
    expect(parseTabRequest({ type: 'stancemark:reveal-quote', quote: 3, extra: 1 })).toEqual({ type: 'stancemark:reveal-quote', quote: 3 });
    expect(parseTabRequest({ type: 'stancemark:reveal-quote', quote: '3"]' })).toBeNull();
    expect(parseTabRequest(undefined)).toBeNull();
    expect(parsePrepareRequest({ type: 'stancemark:prepare', text: 'ignored' })).toEqual({ type: 'stancemark:prepare' });
    expect(parsePrepareRequest({ type: 'stancemark:analyze', text: 'x' })).toBeNull();
    expect(parsePrepareRequest('stancemark:prepare')).toBeNull();
  });
});

describe('a report naming the findings the background kept', () => {
  const { quotes: _quotes, sides: _sides, summary: _summary, ...report } = result;

  it('is the result without its findings, and the analysis it names', () => {
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result: report, analysis: '17-1' })).toEqual({ report, analysis: '17-1' });
    // Findings sent along with a name are not taken from the page.
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result, analysis: '17-1' })).toEqual({ report, analysis: '17-1' });
  });

  it('is refused with a malformed name or header', () => {
    for (const analysis of [5, '', 'x'.repeat(65), 'a b', null]) {
      expect(parsePageResultMessage({ type: 'stancemark:page-result', result: report, analysis })).toBeNull();
    }
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result: { ...report, state: 'finished' }, analysis: '17-1' })).toBeNull();
    // Without a name, the findings are required.
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result: report })).toBeNull();
  });
});

describe('a whole result sent back after the background forgot its findings', () => {
  it('comes with the article text its findings are of, which must be a string of at most MAX_ARTICLE_TEXT', () => {
    const text = 'The envoy said “we will sign” on Monday.';
    expect(parsePageResultMessage({ type: 'stancemark:page-result', result, text })).toEqual({ result, text });
    for (const bad of [5, null, 'x'.repeat(MAX_ARTICLE_TEXT + 1)]) expect(parsePageResultMessage({ type: 'stancemark:page-result', result, text: bad })).toBeNull();
  });
});

describe('storage keys', () => {
  it('name the tab whose result they keep, and nothing else', () => {
    expect(tabOfStorageKey(storageKey(42))).toBe(42);
    for (const key of ['tab:', 'tab:x', 'settings', 'tab:4 ', `tab:${'9'.repeat(16)}`]) expect(tabOfStorageKey(key)).toBeNull();
  });
});

describe('contentScriptTab', () => {
  const ownScript = { id: 'stancemark-id', url: 'https://news.example/story', frameId: 0, tab: { id: 7 } };

  it('accepts our content script in the top frame of a web page', () => {
    expect(contentScriptTab(ownScript, 'stancemark-id')).toBe(7);
  });

  it('ignores other extensions, our own extension pages, frames and senders without a tab', () => {
    expect(contentScriptTab({ ...ownScript, id: 'another-extension' }, 'stancemark-id')).toBeNull();
    expect(contentScriptTab({ ...ownScript, url: 'chrome-extension://stancemark-id/popup.html' }, 'stancemark-id')).toBeNull();
    expect(contentScriptTab({ ...ownScript, frameId: 3 }, 'stancemark-id')).toBeNull();
    expect(contentScriptTab({ id: 'stancemark-id', url: ownScript.url, frameId: 0 }, 'stancemark-id')).toBeNull();
  });
});
