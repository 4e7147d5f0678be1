import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { summarize } from '../../lib/positions';
import { rankSides } from '../../lib/sides';
import type { Quote } from '../../lib/types';

// The seed article (the one text the project carries) with its statements built by hand: the direct quotes
// of its gold, plus the reported ones another stage will find (Earnest, "the United States", "Washington").
const text = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8');

function statement(words: string, speaker: string, country: string, kind: Quote['kind'] = 'direct', role: string | null = null): Quote {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the seed: ${words}`);
  return { start, end: start + words.length, text: words, kind, speaker, role, country, evidence: null, paragraph: 0 };
}

const quotes: Quote[] = [
  statement('complete and clear understanding', 'John Kerry', 'US'),
  statement('The secretary and the minister talked about areas where the United States and Russia’s perspectives overlap and areas of divergence', 'Pentagon', 'US'),
  statement('is open to any ideas Moscow might have about taking the fight to the IS group', 'United States', 'US', 'indirect'),
  statement('its support for Syrian President Bashar al-Assad is counterproductive', 'United States', 'US', 'indirect'),
  statement('We welcome their help to get rid of ISIL and to have a legitimate political transition', 'John Kerry', 'US'),
  statement('the course of the conversation has shown that the sides’ opinions on the majority of issues under consideration are close or coincide', 'Igor Konashenkov', 'RU'),
  statement('We would welcome Russian contributions to the overall global effort against (the IS group) but things that continue to support the Assad regime, particularly military things, are unhelpful and risk adding greater instability to an already unstable situation', 'Davis', 'US'),
  statement('share the same goals', 'John Kerry', 'US'),
  statement('the administration’s stance on Russia’s moves in Syria remains the same', 'Earnest', 'US', 'indirect'),
  statement('doomed to failure', 'Obama', 'US'),
  statement('concern about Moscow’s growing military support for the Syrian regime', 'Washington', 'US', 'indirect'),
].sort((a, b) => a.start - b.start);
const at = (words: string) => quotes.findIndex((q) => q.text === words);

describe('summary of the seed article', () => {
  const summary = summarize(quotes, rankSides(quotes), text);
  const [us, ru] = summary.sides;

  it('sets the United States against Russia with their speakers', () => {
    expect(us.country).toBe('US');
    expect(ru.country).toBe('RU');
    expect(us.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['John Kerry', 'Pentagon', 'Davis', 'Obama', 'Earnest', 'United States', 'Washington']));
    expect(ru.speakers.map((s) => s.name)).toEqual(['Igor Konashenkov']);
    expect(us.statements).toHaveLength(10);
  });

  it('finds the US opposing the Islamic State and Assad, from its own statements', () => {
    const stance = (topic: string) => us.topics.find((t) => t.topic === topic);
    expect(stance('Islamic State')?.stance).toBe('opposes');
    expect(stance('Islamic State')?.evidence).toEqual(expect.arrayContaining([at('share the same goals')]));
    expect(stance('Bashar al-Assad')?.stance).toBe('opposes');
    expect(stance('Bashar al-Assad')?.evidence).toEqual(expect.arrayContaining([at('doomed to failure')]));
  });

  it('gives Russia no stance on a topic none of its statements names', () => {
    expect(ru.topics).toEqual([]);
  });

  it('lists Assad as a divergence the US claims: it opposes, Russia supports', () => {
    const assad = summary.divergence.find((d) => d.topic === 'Bashar al-Assad');
    expect(assad).toMatchObject({ stances: { US: 'opposes', RU: 'supports' }, provenance: 'claimed', claimedBy: 'US' });
    expect(assad?.evidence).toEqual(expect.arrayContaining([at('its support for Syrian President Bashar al-Assad is counterproductive')]));
    // "Syrian" only introduces Assad's name: Syria itself is no point of divergence.
    expect(summary.divergence.map((d) => d.topic)).toEqual(['Bashar al-Assad']);
  });

  it('lists the Islamic State as an agreement the US claims, with Russia’s “close or coincide” beside it', () => {
    const is = summary.agreement.find((a) => a.topic === 'Islamic State');
    expect(is).toMatchObject({ stance: 'opposes', provenance: 'claimed', claimedBy: 'US' });
    expect(is?.evidence).toContain(at('share the same goals'));
    expect(is?.general).toEqual([quotes.findIndex((q) => q.speaker === 'Igor Konashenkov')]);
    expect(summary.agreement.map((a) => a.topic)).toEqual(['Islamic State']);
  });

  it('gives each side a gist of its own statements, most representative first', () => {
    expect(us.gist.length).toBeGreaterThan(0);
    for (const i of us.gist) expect(quotes[i].country).toBe('US');
    expect(ru.gist).toEqual(ru.statements);
  });
});

describe('bad input', () => {
  it('summarises no quotes, no sides and no text without throwing', () => {
    expect(summarize([], [], '')).toEqual({ sides: [], agreement: [], divergence: [] });
    expect(summarize(quotes, rankSides(quotes)).sides[0].topics).toEqual([]);
  });
});

// The same bars through the whole engine: the reported statements come from lib/reported.ts, the speakers
// and countries from their stages. Davis's country is the country stage's to find: left out here.
describe('the engine on the seed article', () => {
  const analysis = analyze(text);
  const { summary, quotes: found } = analysis;
  const [us, ru] = summary.sides;
  const indirect = (speaker: string) => found.find((q) => q.kind === 'indirect' && q.speaker === speaker);

  it('finds the unquoted statements of Earnest, the United States and Washington, on the US side', () => {
    expect(indirect('Earnest')?.text).toBe('the administration’s stance on Russia’s moves in Syria remains the same as it was last week');
    expect(indirect('United States')?.text).toBe('its support for Syrian President Bashar al-Assad is counterproductive');
    expect(indirect('Washington')?.text).toMatch(/^concern about Moscow’s growing military support for the Syrian regime/);
    expect(us.country).toBe('US');
    expect(us.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Kerry', 'Pentagon', 'Obama', 'Earnest', 'United States', 'Washington']));
    expect(ru.country).toBe('RU');
    expect(ru.speakers.map((s) => s.name)).toEqual(['Igor Konashenkov']);
  });

  it('holds Kerry, the Pentagon and Obama quoted directly on the US side, Konashenkov on Russia’s', () => {
    const direct = (speaker: string, country: string) => found.some((q) => q.kind === 'direct' && q.speaker === speaker && q.country === country);
    for (const speaker of ['Kerry', 'Pentagon', 'Obama']) expect(direct(speaker, 'US')).toBe(true);
    expect(direct('Igor Konashenkov', 'RU')).toBe(true);
    for (const i of us.statements) expect(found[i].country).toBe('US');
  });

  it('finds Davis’s quote with its speaker, on the US side or on none', () => {
    // The article never places Davis and the countries stage has no general rule that does (notes,
    // 2026-11-24): his statement may stay on no side, never on a wrong one. The hand-built summary above puts it
    // on the US side.
    const davis = found.findIndex((q) => q.kind === 'direct' && q.speaker === 'Davis');
    expect(davis).toBeGreaterThanOrEqual(0);
    expect([null, 'US']).toContain(found[davis].country);
    expect(ru.statements).not.toContain(davis);
  });

  it('lists Assad as a divergence the US claims, from the reported statement', () => {
    const assad = summary.divergence.find((d) => d.topic === 'Bashar al-Assad');
    expect(assad).toMatchObject({ stances: { US: 'opposes', RU: 'supports' }, provenance: 'claimed', claimedBy: 'US' });
    expect(assad?.evidence).toContain(found.indexOf(indirect('United States')!));
  });

  it('lists the Islamic State as an agreement the US claims, with Konashenkov’s statement beside it', () => {
    const is = summary.agreement.find((a) => a.topic === 'Islamic State');
    expect(is).toMatchObject({ stance: 'opposes', provenance: 'claimed', claimedBy: 'US' });
    expect(is?.evidence).toContain(found.findIndex((q) => q.text === 'share the same goals'));
    expect(is?.general?.map((i) => found[i].speaker)).toEqual(['Igor Konashenkov']);
  });
});

describe('short statements', () => {
  // Written for this test: a fragment names nothing itself; its paragraph names what it is about.
  const text = 'Ruritania and Osterlich held talks on the river treaty.\n\nThe treaty talks ended late. "Open and useful," the Ruritanian minister said.\n\nOsterlich said the river treaty must protect the fisheries.';
  const at = (words: string, country: string, speaker: string): Quote => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, text: words, kind: 'direct', speaker, role: null, country, evidence: null, paragraph: 0 };
  };
  const quotes = [at('Open and useful,', 'RR', 'minister'), at('the river treaty must protect the fisheries', 'OS', 'Osterlich')];
  quotes[1].kind = 'indirect';
  const summary = summarize(quotes, rankSides(quotes), text);

  it('take the topics of their paragraph as mentioned, without a stance', () => {
    const [rr] = summary.sides.filter((s) => s.country === 'RR');
    expect(rr.topics.find((t) => t.topic === 'treaty')).toMatchObject({ stance: 'mentions', evidence: [0] });
  });
});

describe('gist', () => {
  // Written for this test: one remark quoted twice in slightly different words, and a second remark.
  const text =
    'The envoy said: "Our people want the dam finished and the river shared fairly."\n\n' +
    'Later he added: "Our people want the dam finished and the river fairly shared."\n\n' +
    'He also said: "We will not accept new tolls on the bridge at any price."';
  const quotes: Quote[] = ['Our people want the dam finished and the river shared fairly.', 'Our people want the dam finished and the river fairly shared.', 'We will not accept new tolls on the bridge at any price.'].map((words) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, text: words, kind: 'direct', speaker: 'envoy', role: null, country: 'RR', evidence: null, paragraph: 0 };
  });

  it('shows a remark quoted twice in nearly the same words once', () => {
    const [side] = summarize(quotes, rankSides(quotes), text).sides;
    expect(side.gist).toHaveLength(2);
    expect(side.gist.map((i) => quotes[i].text)).toContain('We will not accept new tolls on the bridge at any price.');
  });
});

describe('partial quotes', () => {
  // Written for this test: a short quotation set in the journalist's own sentence, and one framed by its speaker.
  const text =
    'Ruritania bombed the bridge and Osterlich condemned the raid, calling the attack on the bridge "shameful."\n\n' +
    'Hailing a glorious victory over Velmar, the Ruritanian army described its raid as "routine," the ministry said.\n\n' +
    'The envoy said the bridge deal was "fair," despite a disastrous flood on the bridge.';
  const at = (words: string, country: string, speaker: string): Quote => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, text: words, kind: 'direct', speaker, role: null, country, evidence: null, paragraph: 0 };
  };
  const quotes = [at('shameful.', 'OS', 'Osterlich'), at('routine,', 'RR', 'ministry'), at('fair,', 'OS', 'envoy')];
  const summary = summarize(quotes, rankSides(quotes), text);
  const side = (code: string) => summary.sides.find((s) => s.country === code)!;

  it('take no stance from the journalist’s words before them when no cue frames them', () => {
    // "a glorious victory over Velmar" is not the ministry's wording: its quote is one word.
    expect(side('RR').topics.find((t) => t.topic === 'Velmar')?.stance ?? 'mentions').toBe('mentions');
  });

  it('keep the speaker’s frame from the cue on, and end where a quote closes with its own punctuation', () => {
    // "despite a disastrous flood" after the quote is the journalist's.
    expect(side('OS').topics.find((t) => t.topic === 'bridge' && t.evidence.includes(2))).toMatchObject({ stance: 'supports' });
  });
});
