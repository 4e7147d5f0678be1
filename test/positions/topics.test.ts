import { describe, expect, it } from 'vitest';
import { findTopics, tokenize } from '../../lib/topics';

// Fixture sentences written for these tests (no publisher text).
const text = [
  'Swedish Prime Minister Erik Lund met leaders of the Free Harbour Movement (FHM) on Monday.',
  'Lund said the FHM must give up its weapons. The Swedish government backs the ceasefire, and Stockholm’s envoy agreed.',
  'The ceasefire was holding. Daesh fighters attacked a village, and the Islamic State later denied that the ceasefire was real.',
  'Either way, the port of Malmo, also known as Malmoe, stayed quiet.',
].join('\n\n');

describe('findTopics', () => {
  const index = findTopics(text);
  const surfaces = (name: string) => {
    const topic = index.topics.find((t) => t.name === name);
    return topic ? index.mentions.filter((m) => m.topic === topic.id).map((m) => text.slice(m.start, m.end)) : [];
  };

  it('reaches a country through its adjective and its capital', () => {
    expect(surfaces('Sweden')).toEqual(['Swedish', 'Stockholm']);
    expect(findTopics('Swedish-backed forces moved in.').topics.map((t) => t.country)).toEqual(['SE']);
  });

  it('keys people by surname and strips their titles', () => {
    expect(surfaces('Erik Lund')).toEqual(['Erik Lund', 'Lund', 'Swedish government']);
    expect(index.topics.find((t) => t.name === 'Erik Lund')?.affiliation).toBe('SE');
  });

  it('ties an acronym to its expansion and a name to what it is "also known as"', () => {
    expect(surfaces('Free Harbour Movement')).toEqual(['Free Harbour Movement', 'FHM', 'FHM']);
    expect(surfaces('Malmoe')).toEqual(['Malmo', 'Malmoe']);
  });

  it('merges synonyms from the actor dictionaries', () => {
    expect(surfaces('Islamic State')).toEqual(['Daesh', 'Islamic State']);
  });

  it('finds a common noun the text keeps returning to, but not sentence-opening words or weekdays', () => {
    expect(surfaces('ceasefire')).toHaveLength(3);
    const names = index.topics.map((t) => t.name);
    expect(names).not.toContain('Either');
    expect(names).not.toContain('Monday');
  });

  it('gives no topics for empty or punctuation-only text', () => {
    expect(findTopics('').topics).toEqual([]);
    expect(findTopics('... !!! ---').topics).toEqual([]);
  });
});

describe('findTopics: names as written, not fragments of them', () => {
  const names = (sentences: string[]) => findTopics(sentences.join('\n\n')).topics.map((t) => t.name);

  it('keeps a name whose first words the text also writes in lower case, unless a title proper follows them', () => {
    const found = names([
      'The war ended and the bowl was full, a super result for the new world.',
      'Veterans of World War II watched the Super Bowl in New Hampshire.',
      'Foreign Minister Erik Lund spoke to the foreign press.',
    ]);
    expect(found).toEqual(expect.arrayContaining(['World War II', 'Super Bowl', 'New Hampshire', 'Erik Lund']));
    expect(found).not.toContain('II');
    expect(found).not.toContain('Hampshire');
  });

  it('reads an abbreviation as a title and a month alone as no topic, but keeps a surname that is a month', () => {
    const found = names(['Gen. Ivanov and Sen. Ruiz met on Feb. 12 with Anna May.', 'Ivanov spoke first.']);
    expect(found).toEqual(expect.arrayContaining(['Ivanov', 'Ruiz', 'Anna May']));
    for (const fragment of ['Gen', 'Sen', 'Feb']) expect(found).not.toContain(fragment);
  });

  it('continues a name across a common noun’s possessive, and stops it at a day', () => {
    const found = names(['The people voted.', 'The Free People’s Front of Nordland met in Bergen Tuesday.']);
    expect(found).toContain('Free People’s Front of Nordland');
    expect(found).toContain('Bergen');
  });

  it('reads a name shaped like an adjective that only ever stands before a noun as a modifier, not a topic', () => {
    const found = names(['The Western press praised the GOP nominee.', 'Western leaders and the GOP agreed.']);
    expect(found).not.toContain('Western');
    expect(found).toContain('GOP');
  });

  it('takes an outlet the text mostly uses as audience or channel for no topic', () => {
    const found = names([
      'OSLO, Norway (Radio Nordland) -- The envoy told Radio Nordland the talks were over.',
      'According to the Nordland Herald, Lund told Kerry that the dam was safe. Kerry said the dam was old.',
    ]);
    expect(found).not.toContain('Radio Nordland');
    expect(found).not.toContain('Nordland Herald');
    expect(found).toEqual(expect.arrayContaining(['Lund', 'Kerry']));
  });

  it('keys a person whose last word has one or two letters by the whole name, apart from an acronym', () => {
    const index = findTopics('Leader Kim Jong Un tested a rocket. The U.N. condemned the test.');
    const names = index.topics.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Kim Jong Un', 'United Nations']));
  });

  it('reads a body’s names and acronyms as the body, as countries are read', () => {
    const index = findTopics(
      'The UNSC met on Monday. Envoys at the U.N. Security Council and the Security Council of the United Nations spoke, and NATO listened.',
    );
    expect(index.topics.filter((t) => t.country).map((t) => [t.name, t.country])).toEqual([
      ['United Nations', 'UN'],
      ['NATO', 'NATO'],
    ]);
  });

  it('keeps a thing named after a country or body as a topic, and an institution as the country', () => {
    const index = findTopics('The EU Association Agreement was signed. The association wanted an agreement, and the Russian Defense Ministry spoke.');
    expect(index.topics.map((t) => t.name)).toEqual(expect.arrayContaining(['EU Association Agreement', 'Russia']));
    expect(index.topics.find((t) => t.name === 'Russia')?.key).toBe('C:RU');
    expect(index.topics.find((t) => t.name === 'European Union')).toBeUndefined();
  });

  it('takes no names but countries from a headline in title case', () => {
    expect(names(['Why Lund Could Lose The Vote In Bergen And Oslo'])).toEqual(['Norway']);
  });

  it('counts no nouns of speech, relation or class as issues, and merges -es plurals', () => {
    const index = findTopics(
      'The statement praised the marches. Her statement and his wife backed new marches. The country wants a march, and the wife of the envoy agreed with the country.',
    );
    const issues = index.topics.filter((t) => t.kind === 'issue').map((t) => t.name);
    expect(issues).toEqual(['march']);
  });
});

describe('findTopics: names that are not the topic they contain', () => {
  const topicsOf = (sentences: string[]) => {
    const text = sentences.join(' ');
    const index = findTopics(text);
    return index.mentions.map((m) => `${text.slice(m.start, m.end)} -> ${index.topics[m.topic].name}`);
  };

  it('keeps a thing named after a body or country whole, and a person after a nationality apart', () => {
    expect(topicsOf(['The envoys cited the U.N. Charter twice.', 'Swedish Lund spoke.'])).toEqual([
      'U.N. Charter -> U.N. Charter',
      'Swedish -> Sweden',
      'Lund -> Lund',
    ]);
  });

  it('names an issue by the name written before it, apart from the bare issue, and reads "the deal" as the one named', () => {
    const text = 'Critics condemn the Norway fishing deal. Oslo defended its Norway deal, and Lund defended the deal too. Lund wants a better deal.';
    const index = findTopics(text);
    const deals = index.topics.filter((t) => t.kind === 'issue').map((t) => `${t.name} ${index.mentions.filter((m) => m.topic === t.id).length}`);
    expect(deals).toEqual(['Norway deal 3', 'deal 1']);
    expect(index.topics.find((t) => t.name === 'Norway deal')?.qualified).toEqual({ by: 'C:NO', key: 'I:deal', name: 'deal' });
    // the name inside "the Norway deal" is no mention of its own; Oslo still is
    expect(index.mentions.filter((m) => index.topics[m.topic].name === 'Norway').map((m) => text.slice(m.start, m.end))).toEqual(['Oslo']);
  });

  it('reads a country acronym and the first word of a country written in full as that country', () => {
    // (North Korea is named here only by its acronym, so "the North" is not tied to it)
    expect(topicsOf(['South Korea warned the DPRK.', 'The South said the North must stop.'])).toEqual([
      'South Korea -> South Korea',
      'DPRK -> North Korea',
      'South -> South Korea',
      'North -> North',
    ]);
  });
});

describe('tokenize', () => {
  it('keeps dotted acronyms and splits possessives and sentences', () => {
    const tokens = tokenize('The U.S. envoy met Mr. Lund. Russia’s reply came.');
    const words = Array.from({ length: tokens.length }, (_, i) => tokens.text(i));
    expect(words).toContain('U.S.');
    const russia = words.indexOf('Russia');
    expect(tokens.poss(russia)).toBe(true);
    expect(tokens.sentence[words.indexOf('Lund')]).toBe(0);
    expect(tokens.sentence[russia]).toBe(1);
  });

  it('reads past the last token as no token', () => {
    const tokens = tokenize('Lund spoke.');
    expect(tokens.length).toBe(2);
    expect([tokens.text(2), tokens.lower(-1), tokens.cap(2), tokens.sentence[2]]).toEqual(['', '', false, undefined]);
  });
});
