// The knowledge base: name folding, dated terms, surname rules, the committed KB, and its build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assignCountries } from '../../lib/countries';
import { createKnowledgeBase, defaultKnowledgeBase, encodeKb, nameKey, phraseKey, termAt, type KbEntries, type KbFile, type Term } from '../../lib/kb';
import type { Entity } from '../../lib/types';

const shared = new URL('../../../shared/data/dicts', import.meta.url).pathname;
const kbPath = new URL('../../assets/kb/kb.json', import.meta.url).pathname;
const acronymsPath = new URL('../../assets/kb/country-acronyms.json', import.meta.url).pathname;

const undated = (code: string): Term[] => [{ code, from: 0, to: 0 }];

/** A small KB of invented names: Brask and Holt families, a dated Kim Jae, one phrase, one demonym. */
function fixture(over: Partial<KbEntries> = {}): KbFile {
  return encodeKb({
    people: new Map([
      ['jon brask', undated('AA')],
      ['tova brask', undated('AA')],
      ['mira holt', undated('BB')],
      ['ulla holt', undated('BB')],
      ['peter holt', undated('CC')],
      [nameKey('Kim Jae'), [{ code: 'KR', from: 20040101, to: 20061231 }, { code: 'UN', from: 20070101, to: 20161231 }]],
    ]),
    phrases: new Map([['castle hill', undated('AA')]]),
    demonyms: new Map([['aalish', 'AA']]),
    familyFirst: new Set(),
    ...over,
  });
}

describe('name keys', () => {
  it('fold accents, initials, dots and transliterations', () => {
    expect(nameKey('John F. Kerry')).toBe(nameKey('John Kerry'));
    expect(nameKey('Sergey Lavrov')).toBe(nameKey('Sergei Lavrov'));
    expect(nameKey('Dmitriy Medvedev')).toBe(nameKey('Dmitry Medvedev'));
    expect(nameKey('Recep Tayyip Erdoğan')).toBe(nameKey('Recep Tayyip Erdogan'));
    expect(nameKey('Sergei Shoygu')).toBe(nameKey('Sergei Shoigu'));
    expect(nameKey('John Kerry')).not.toBe(nameKey('John Kelly'));
  });
});

describe('dated terms', () => {
  const kb = createKnowledgeBase(fixture());
  const terms = kb.person('Kim Jae')!;

  it('are found by surname, the term at the date first', () => {
    expect(kb.surname('Jae')).toEqual(['UN', 'KR']);
    expect(kb.surname('Jae', undefined, '2005-06-01')).toEqual(['KR', 'UN']);
  });

  it('pick the term in force at the date', () => {
    expect(termAt(terms, '2005-06-01')!.code).toBe('KR');
    expect(termAt(terms, '2010-06-01')!.code).toBe('UN');
  });

  it('pick the latest term before the date when none is in force, the earliest before all, the latest without a date', () => {
    expect(termAt(terms, '2020-01-01')!.code).toBe('UN');
    expect(termAt(terms, '1999-01-01')!.code).toBe('KR');
    expect(termAt(terms)!.code).toBe('UN');
  });

  it('flow through assignCountries with the article date', () => {
    const text = '"We must act," Kim Jae said.';
    const e: Entity = { id: 1, name: 'Kim Jae', type: 'person', gender: null, descriptors: [], mentions: [{ start: 15, end: 22 }] };
    expect(assignCountries(text, [e], { date: '2005-03-01' }, kb).get(1)!.code).toBe('KR');
    expect(assignCountries(text, [e], { date: '2012-03-01' }, kb).get(1)!.code).toBe('UN');
    // Without a (valid) date the latest term would be a guess: the article names neither side.
    expect(assignCountries(text, [e], { date: 'not a date' }, kb).get(1)!.code).toBeNull();
  });

  it('without a date, take the one side the article names, or the term of the latest year it mentions', () => {
    const withPlaces = createKnowledgeBase(fixture({ phrases: new Map([['seoul', undated('KR')], ['united nations', undated('UN')]]) }));
    const country = (text: string): string | null => {
      const start = text.indexOf('Kim Jae');
      const e: Entity = { id: 1, name: 'Kim Jae', type: 'person', gender: null, descriptors: [], mentions: [{ start, end: start + 7 }] };
      return assignCountries(text, [e], {}, withPlaces).get(1)!.code;
    };
    expect(country('"We must act," Kim Jae told the United Nations.')).toBe('UN');
    expect(country('"We must act," Kim Jae said in Seoul before the United Nations met in 2005.')).toBe('KR');
    expect(country('"We must act," Kim Jae said in Seoul before the United Nations met in 2012.')).toBe('UN');
  });
});

describe('surnames', () => {
  const kb = createKnowledgeBase(fixture());
  const speaker = (name: string, rest = ''): string | null => {
    const text = `"Fine," ${name} said.${rest}`;
    const e: Entity = { id: 1, name, type: 'person', gender: null, descriptors: [], mentions: [{ start: 8, end: 8 + name.length }] };
    return assignCountries(text, [e], {}, kb).get(1)!.code;
  };

  it('count only when every KB person of that surname stands for one state', () => {
    expect(kb.surname('Brask')).toEqual(['AA']);
    expect(kb.surname('Holt')).toEqual([]);
    expect(speaker('Brask', ' The Aalish delegation left.')).toBe('AA');
    expect(speaker('Holt', ' The Aalish delegation left.')).toBeNull();
  });

  it('count only when the article names that state somewhere', () => {
    expect(speaker('Brask')).toBeNull();
  });

  it('are not used for a full name the KB does not know (someone else of that surname)', () => {
    expect(speaker('Ola Brask')).toBeNull();
  });

  it('lose to the article', () => {
    const text = 'Beeland minister Brask spoke. Brask said no.';
    const kbWithBee = createKnowledgeBase(fixture({ demonyms: new Map([['aalish', 'AA'], ['beeland', 'BB']]) }));
    const e: Entity = { id: 1, name: 'Brask', type: 'person', gender: null, descriptors: [], mentions: [{ start: 17, end: 22 }, { start: 30, end: 35 }] };
    expect(assignCountries(text, [e], {}, kbWithBee).get(1)!.code).toBe('BB');
  });
});

describe('the serialised format', () => {
  // Invented keys "name 0" ... "name 119" for 120 codes "C0" ... "C119": more codes than one symbol can say.
  const many = new Map(Array.from({ length: 120 }, (_, i) => [`name ${i}`, undated(`C${i}`)] as [string, Term[]]));
  const kb = createKnowledgeBase(encodeKb({ people: new Map(), phrases: many, demonyms: new Map(), familyFirst: new Set() }));

  it('finds every key with its code, single symbols and pairs alike, and nothing between them', () => {
    for (const [key, terms] of many) expect(kb.phrase(key)?.[0].code).toBe(terms[0].code);
    expect(kb.phrase('name')).toBeUndefined();
    expect(kb.phrase('name 1000')).toBeUndefined();
    expect(kb.phrase('name 5x')).toBeUndefined();
    expect(kb.phrase('')).toBeUndefined();
  });

  it('walks phrases word by word, remembering each step in its node', () => {
    const withCastle = createKnowledgeBase(fixture());
    const castle = withCastle.phraseNode('castle');
    expect(castle.goesOn).toBe(true);
    const hill = withCastle.phraseAfter(castle, 'hill');
    expect(hill.terms?.[0].code).toBe('AA');
    expect(hill.goesOn).toBe(false);
    expect(withCastle.phraseAfter(castle, 'hill')).toBe(hill);
    expect(withCastle.phraseAfter(castle, 'gate').terms).toBeUndefined();
  });

  it('says whether a phrase of more words starts with some words', () => {
    expect(kb.phraseGoesOn('name')).toBe(true);
    expect(kb.phraseGoesOn('name 1')).toBe(false);
    expect(kb.phraseGoesOn('nam')).toBe(false);
    const withCastle = createKnowledgeBase(fixture());
    expect(withCastle.phraseGoesOn('castle')).toBe(true);
    expect(withCastle.phraseGoesOn('hill')).toBe(false);
  });

  it('reads people of one surname whichever order their names take', () => {
    const kbKim = createKnowledgeBase(
      fixture({
        people: new Map([
          ['lee min jun', undated('KR')],
          ['lee mara', undated('KR')],
          ['ana lee', undated('KR')],
          ['tomas jun', undated('BB')],
        ]),
        familyFirst: new Set(['lee min jun']),
      }),
    );
    expect(kbKim.surname('Lee')).toEqual(['KR']);
    // The given name of a family-first name is its second word; the others' is their first.
    expect(kbKim.surname('Lee', 'Min')).toEqual(['KR']);
    expect(kbKim.surname('Lee', 'Ana')).toEqual(['KR']);
    expect(kbKim.surname('Lee', 'Olga')).toEqual([]);
    // "Jun" is a given name of Lee Min-jun, not his surname.
    expect(kbKim.surname('Jun')).toEqual(['BB']);
    expect(kbKim.person('Lee Min-jun')?.[0].code).toBe('KR');
    expect(kbKim.person('Min-jun Lee')).toBeUndefined();
  });

  it('leaves out middle names that say nothing more, and finds the name through its first and last words', () => {
    const people = new Map([
      ['ana maria lund', undated('AA')],
      ['ana lund', undated('AA')],
      ['ola per berg', undated('AA')],
      ['ola berg', undated('BB')],
    ]);
    const file = encodeKb({ people, phrases: new Map(), demonyms: new Map(), familyFirst: new Set() });
    // People are stored family name first.
    expect(file.people).not.toContain('lund ana maria');
    expect(file.people).toContain('berg ola per');
    const small = createKnowledgeBase(file);
    expect(small.person('Ana Maria Lund')?.[0].code).toBe('AA');
    expect(small.person('Ola Per Berg')?.[0].code).toBe('AA');
    expect(small.person('Ola Berg')?.[0].code).toBe('BB');
  });

  it('answers odd lookups with nothing', () => {
    const small = createKnowledgeBase(fixture());
    expect(small.surname('')).toEqual([]);
    expect(small.surname(' ')).toEqual([]);
    expect(small.person('')).toBeUndefined();
    expect(small.person('Brask, (Jon)')).toBeUndefined();
    expect(small.phraseGoesOn('')).toBe(false);
    expect(small.demonym('')).toBeUndefined();
  });

  it('refuses a key it could not read back', () => {
    expect(() => encodeKb({ people: new Map([['Upper Case', undated('AA')]]), phrases: new Map(), demonyms: new Map(), familyFirst: new Set() })).toThrow(/no storable key/);
    expect(() => encodeKb({ people: new Map(), phrases: new Map([['a (b)', undated('AA')]]), demonyms: new Map(), familyFirst: new Set() })).toThrow(/no storable key/);
  });
});

describe('the committed KB', () => {
  const kb = defaultKnowledgeBase();

  it('knows officials from each source, dated where their side changed', () => {
    expect(termAt(kb.person('Vladimir Putin')!)!.code).toBe('RU');
    expect(termAt(kb.person('Barack Obama')!)!.code).toBe('US');
    expect(termAt(kb.person('Hua Chunying')!)!.code).toBe('CN');
    expect(termAt(kb.person('Ban Ki-moon')!, '2010-05-01')!.code).toBe('UN');
    expect(termAt(kb.person('Anders Fogh Rasmussen')!, '2006-05-01')!.code).toBe('DK');
    expect(termAt(kb.person('Anders Fogh Rasmussen')!, '2012-05-01')!.code).toBe('NATO');
    expect(termAt(kb.person('Jens Stoltenberg')!, '2016-05-01')!.code).toBe('NATO');
  });

  it('is one instance whose lookups are remembered', () => {
    expect(defaultKnowledgeBase()).toBe(kb);
    expect(kb.person('Sergei Lavrov')).toBe(kb.person('Sergey Lavrov'));
    expect(kb.phrase('state department')?.[0].code).toBe('US');
    expect(kb.phraseGoesOn('state')).toBe(true);
    expect(kb.phraseGoesOn('kremlin')).toBe(false);
  });

  it('places think tanks by the curated rule', () => {
    expect(kb.phrase('brookings institution')?.[0].code).toBe('US');
    expect(kb.phrase('chatham house')?.[0].code).toBe('GB');
  });

  it('codes a body as the UN only through a UN code the dictionaries use more than once', () => {
    // Phoenix codes the International Energy Agency (an OECD agency) IGOUNOAIE, a part no other code has.
    expect(kb.phrase('international energy agency')?.map((t) => t.code)).toEqual(['']);
    expect(kb.phrase('iaea')?.[0].code).toBe('IAEA');
    expect(kb.phrase('unicef')?.[0].code).toBe('UN');
    expect(kb.phrase('international labor organization')?.[0].code).toBe('UN');
  });

  it('reads country acronyms as their country, and lists them for the topics with their sources', () => {
    const { acronyms } = JSON.parse(readFileSync(acronymsPath, 'utf8')) as { acronyms: { code: string; acronym: string; expands: string; source: string }[] };
    const of = (acronym: string) => new Set(acronyms.filter((a) => a.acronym === acronym).map((a) => a.code));
    expect(of('DPRK')).toEqual(new Set(['KP']));
    expect(of('D.P.R.K.')).toEqual(new Set(['KP']));
    expect(of('ROK')).toEqual(new Set(['KR']));
    expect(of('UAE')).toEqual(new Set(['AE']));
    // A place in a country's entry is no name of the country.
    expect(of('D.C.').size).toBe(0);
    for (const a of acronyms) {
      expect(kb.phrase(phraseKey(a.acronym))?.every((t) => t.code === a.code), a.acronym).toBe(true);
      expect(a.source).toMatch(/^(?:petrarch2_Phoenix\.\w+\.actors\.txt:\d+|countries-list \d)/);
    }
    const text = '"We will answer," the DPRK foreign ministry said.';
    const start = text.indexOf('DPRK foreign ministry');
    const e: Entity = { id: 1, name: 'DPRK foreign ministry', type: 'organisation', gender: null, descriptors: [], mentions: [{ start, end: start + 21 }] };
    expect(assignCountries(text, [e]).get(1)!.code).toBe('KP');
  });

  it('keeps its size budget: under 450 KB raw and 180 KB gzip', () => {
    const raw = readFileSync(kbPath);
    expect(statSync(kbPath).size).toBeLessThan(450_000);
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThan(180_000);
  });

  it.skipIf(!existsSync(shared))('equals a fresh build from ../shared (npm run build:kb -- --check)', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/build-kb.ts', '--check'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  }, 60_000);
});
