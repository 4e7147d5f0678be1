import { describe, expect, it } from 'vitest';
import { agreementIn, stancesInScope, wordPolarity } from '../../lib/stance';
import { findTopics } from '../../lib/topics';

// Fixture sentences written for these tests (no publisher text).
function stanceOf(sentence: string, topic: string) {
  const index = findTopics(sentence);
  const id = index.topics.find((t) => t.name === topic)!.id;
  const targets = index.mentions.filter((m) => m.topic === id);
  const all = stancesInScope(index.tokens, 0, index.tokens.length, index.mentions, (i) => index.mentionAt[i] !== -1);
  const mine = all.filter((s) => targets.includes(index.mentions[s.mention]));
  return { ...mine[0], holder: mine[0].holderToken >= 0 ? index.tokens.text(mine[0].holderToken) : null };
}

describe('wordPolarity', () => {
  it('reads the AFINN lexicon through inflection and negating prefixes', () => {
    expect(wordPolarity('welcome')).toBeGreaterThan(0);
    expect(wordPolarity('opposes')).toBeLessThan(0);
    expect(wordPolarity('unhelpful')).toBeLessThan(0);
    expect(wordPolarity('instability')).toBeLessThan(0);
    expect(wordPolarity('concern')).toBeLessThan(0);
    expect(wordPolarity('table')).toBe(0);
  });
});

describe('stancesInScope', () => {
  it('reads a copula past an adverb or an auxiliary, and a participle in a copula\'s subject as describing it', () => {
    expect(stanceOf('In Oslo, Lund also remains a disgrace.', 'Lund').polarity).toBe(-1);
    expect(stanceOf('In Oslo, Lund has been a disgrace.', 'Lund').polarity).toBe(-1);
    // the evaluation is of the plan, not of Norway, though a rated participle describes the plan
    expect(stanceOf('A plan focused on fishing rights linked to Norway will be acceptable.', 'Norway').polarity).toBe(0);
  });

  it('takes the governing word: support for, the fight against', () => {
    expect(stanceOf('We will support Norway in the talks.', 'Norway').polarity).toBe(1);
    expect(stanceOf('We joined the fight against Daesh.', 'Daesh').polarity).toBe(-1);
  });

  it('flips a relation the clause evaluates negatively, and names its holder', () => {
    const s = stanceOf('Finland warned that Denmark’s support for Erik Lund is a dangerous mistake.', 'Erik Lund');
    expect(s).toMatchObject({ polarity: -1, relation: 1, holder: 'Denmark' });
  });

  it('reads a condition as a clause of its own', () => {
    expect(stanceOf('They will take serious steps if Norway sends troops.', 'Norway').polarity).toBe(0);
  });

  it('gives a copula’s evaluation to its subject’s noun, not to a name inside that phrase, unless an infinitive links them', () => {
    expect(stanceOf('A draft text about trade with Norway will be acceptable to us.', 'Norway').polarity).toBe(0);
    expect(stanceOf('A plan to prop up Erik Lund is doomed to failure.', 'Erik Lund').polarity).toBe(-1);
  });

  it('turns an unfavourable relation only under words before it', () => {
    expect(stanceOf('Finland condemned the air strikes against Norway.', 'Norway').polarity).toBe(1);
    expect(stanceOf('Finland accused Norway of brutal and dangerous tactics.', 'Norway').polarity).toBe(-1);
  });

  it('reads a clause’s subject as only mentioned, unless a copula makes the clause about it', () => {
    expect(stanceOf('In a statement, Finland described the plan as a dangerous mistake.', 'Finland').polarity).toBe(0);
    expect(stanceOf('Norway is a dangerous threat.', 'Norway').polarity).toBe(-1);
  });

  it('reads nothing for or against what a speaker wants something done to', () => {
    expect(stanceOf('He wants Norway squeezed out of the region.', 'Norway').polarity).toBe(0);
    expect(stanceOf('He wants Norway in the talks.', 'Norway').polarity).toBe(1);
  });

  it('negates within a few words', () => {
    expect(stanceOf('We do not support Norway.', 'Norway').polarity).toBe(-1);
  });

  it('keeps clauses apart at "but"', () => {
    const text = 'We welcome Norway, but Erik Lund is a threat.';
    expect(stanceOf(text, 'Norway').polarity).toBe(1);
    expect(stanceOf(text, 'Erik Lund').polarity).toBe(-1);
  });

  it('only mentions a topic when nothing in the clause is rated, or when it is the setting', () => {
    expect(stanceOf('The delegation flew to Norway on a plane.', 'Norway').polarity).toBe(0);
    expect(stanceOf('We welcome the talks in Norway.', 'Norway').polarity).toBe(0);
  });
});

describe('agreementIn', () => {
  it('tells agreement and disagreement words, with negation', () => {
    const index = findTopics('Our views coincide. We do not agree on borders. The sides differ.');
    const t = index.tokens;
    const sentence = (n: number) => [t.sentence.indexOf(n), t.sentence.lastIndexOf(n) + 1] as const;
    expect(agreementIn(t, ...sentence(0))).toEqual({ agree: true, differ: false });
    expect(agreementIn(t, ...sentence(1))).toEqual({ agree: false, differ: true });
    expect(agreementIn(t, ...sentence(2))).toEqual({ agree: false, differ: true });
  });
});
