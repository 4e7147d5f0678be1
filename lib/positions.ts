import type { Quote, Side, Summary } from './types';

/**
 * The popup's summary of the two main sides: who spoke and what each side says.
 * First version: statements in article order, gist = the longest direct quotes. Topics, stances,
 * agreement and divergence come with the positions issue.
 */
export function summarize(quotes: Quote[], sides: Side[]): Summary {
  return {
    sides: sides.slice(0, 2).map((side) => {
      const statements = quotes.flatMap((q, i) => (q.country === side.country ? [i] : []));
      const gist = statements
        .filter((i) => quotes[i].kind === 'direct')
        .sort((a, b) => quotes[b].text.length - quotes[a].text.length)
        .slice(0, 3);
      return { country: side.country, name: side.name, speakers: side.speakers, statements, topics: [], gist };
    }),
    agreement: [],
    divergence: [],
  };
}
