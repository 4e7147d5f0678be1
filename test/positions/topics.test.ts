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

describe('tokenize', () => {
  it('keeps dotted acronyms and splits possessives and sentences', () => {
    const tokens = tokenize('The U.S. envoy met Mr. Lund. Russia’s reply came.');
    expect(tokens.map((t) => t.text)).toContain('U.S.');
    const russia = tokens.find((t) => t.text === 'Russia');
    expect(russia?.poss).toBe(true);
    expect(tokens.find((t) => t.text === 'Lund')?.sentence).toBe(0);
    expect(russia?.sentence).toBe(1);
  });
});
