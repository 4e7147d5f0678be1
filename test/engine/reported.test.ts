import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { findQuotes } from '../../lib/quotes';
import { reportedSpeech } from '../../lib/reported';
import { splitParagraphs } from '../../lib/text';

// Reported speech (lib/reported.ts) on sentences written for these tests.
function reported(text: string) {
  const paragraphs = splitParagraphs(text);
  return reportedSpeech(text, paragraphs, findQuotes(text, paragraphs)).map((a) => ({ source: a.source?.text ?? null, text: a.text }));
}
/** The body of an article: its first line is read as a title. */
const body = (sentences: string) => `Ferry talks resume\n\n${sentences}`;

describe('reported speech patterns', () => {
  it('reads "X warned Y that ..." with a country as speaker, past the listener', () => {
    expect(reported(body('Ruritania has warned Osterlich that its blockade of the river ports is counterproductive.'))).toEqual([
      { source: 'Ruritania', text: 'its blockade of the river ports is counterproductive' },
    ]);
  });

  it('reads "X has expressed concern about ..." with a capital as speaker', () => {
    expect(reported(body('Strelsau has expressed concern about the growing fleet in the northern bay.'))).toEqual([
      { source: 'Strelsau', text: 'concern about the growing fleet in the northern bay' },
    ]);
  });

  it('reads "X wants ...", "X told ... that ..." and an institution as speaker', () => {
    expect(reported(body('The port authority wants a new timetable for the winter ferries.'))).toEqual([
      { source: 'port authority', text: 'a new timetable for the winter ferries' },
    ]);
    // a long listener before the "that"; no content when only an adjunct follows the listener
    expect(reported(body('Okafor told a packed hall in the harbour town on Friday that the ferries would run in May.'))).toEqual([
      { source: 'Okafor', text: 'the ferries would run in May' },
    ]);
    expect(reported(body('Okafor told a crowd in the harbour town on Friday.'))).toEqual([]);
    expect(reported(body('Okafor told reporters on Monday that the bridge would reopen in spring.'))).toEqual([
      { source: 'Okafor', text: 'the bridge would reopen in spring' },
    ]);
  });

  it('reads "according to X" before and after the content', () => {
    expect(reported(body('According to the harbour master, the ferries will run again next week.'))).toEqual([
      { source: 'harbour master', text: 'the ferries will run again next week' },
    ]);
    expect(reported(body('The ferries will run again next week, according to the harbour master.'))).toEqual([
      { source: 'harbour master', text: 'The ferries will run again next week' },
    ]);
  });

  it('gives a coordinated verb and a participle clause the sentence subject', () => {
    expect(reported(body('Ruritania is open to talks but has warned Osterlich that the blockade must end soon.'))).toEqual([
      { source: 'Ruritania', text: 'the blockade must end soon' },
    ]);
    expect(reported(body('Okafor praised the new timetable, adding that the night ferry would stay.'))).toEqual([
      { source: 'Okafor', text: 'the new timetable' },
      { source: 'Okafor', text: 'the night ferry would stay' },
    ]);
  });

  it('gives a participle clause the sentence\'s opening noun phrase when no cue precedes it', () => {
    expect(reported(body('The port authority closed the northern pier on Monday, citing storm damage to the ferry ramps.'))).toEqual([
      { source: 'port authority', text: 'storm damage to the ferry ramps' },
    ]);
  });

  it('reads "X said ..." in the speaker\'s own statement, with "he" inside it as X', () => {
    const found = reported(body('Okafor said he wants the talks to go on through the summer.'));
    expect(found[0]).toEqual({ source: 'Okafor', text: 'he wants the talks to go on through the summer' });
    expect(found.slice(1).every((f) => f.source === 'Okafor')).toBe(true);
  });

  it('keeps a whole clause beside a quotation, never the quotation or its own attribution', () => {
    const text = body('Okafor said the timetable stays the same as it was last week when the minister told crews that it is "final and fair."');
    expect(reported(text)).toEqual([{ source: 'Okafor', text: 'the timetable stays the same as it was last week' }]);
    expect(reported(body('Okafor said the plan was "sound and cheap."'))).toEqual([]);
    // a quotation followed only by an adjunct is the direct quote's alone
    expect(reported(body('The skipper said “the season starts today” on the quay at dawn.'))).toEqual([]);
    // and so is one followed by a clause of its own
    expect(reported(body('The warden said “the path is open again” as the last snow melted off the ridge.'))).toEqual([]);
    // content that opens with a partial quote and runs on past it
    expect(reported(body('Okafor said that “the old ferry” would not run again before the spring.'))).toEqual([
      { source: 'Okafor', text: '“the old ferry” would not run again before the spring' },
    ]);
    // content that ends with a partial quote ends after its closing mark, so the marks stay paired
    expect(reported(body('Okafor told the crews that the old timetable was “past saving”.'))).toEqual([
      { source: 'Okafor', text: 'the old timetable was “past saving”' },
    ]);
    expect(reported(body('The council said that the new bridge was “years overdue.”'))).toEqual([
      { source: 'council', text: 'the new bridge was “years overdue.”' },
    ]);
  });

  it('reads a title line "Name: ..." and a title-case speech verb', () => {
    expect(reported('Okafor: Bridge Will Reopen in Spring')).toEqual([{ source: 'Okafor', text: 'Bridge Will Reopen in Spring' }]);
    expect(reported('Okafor Says Bridge Will Reopen in Spring')).toEqual([{ source: 'Okafor', text: 'Bridge Will Reopen in Spring' }]);
  });

  it('takes no passive, no impersonal "it" and no noun for a verb', () => {
    expect(reported(body('The plan was endorsed by most of the river towns.'))).toEqual([]);
    expect(reported(body('It seems the ferries will run late this winter.'))).toEqual([]);
    expect(reported(body('Their plans for the winter ferries are ambitious and costly.'))).toEqual([]);
    expect(reported(body('The harbour strikes continued for a week after the vote.'))).toEqual([]);
    expect(reported(body('The survey shows a narrow lead for the second crossing.'))).toEqual([
      { source: 'survey', text: 'a narrow lead for the second crossing' },
    ]);
  });
});

describe('reported speech in the analysis', () => {
  it('emits indirect statements with speaker and country, after the direct quotes of their sentences', () => {
    const { quotes } = analyze(body('Ruritania has warned Osterlich that its blockade of the river ports is counterproductive.'));
    expect(quotes).toEqual([expect.objectContaining({ kind: 'indirect', speaker: 'Ruritania', text: 'its blockade of the river ports is counterproductive' })]);
  });

  it('returns nothing, without throwing, for empty or odd input', () => {
    expect(reported('')).toEqual([]);
    expect(reported('said said said. According to, . that that')).toBeInstanceOf(Array);
    expect(reported('"'.repeat(500) + ' said that'.repeat(500))).toBeInstanceOf(Array);
  });
});

describe('speech verbs without a subject beside them', () => {
  it('gives a coordinated speech verb the subject after an opening phrase', () => {
    expect(reported(body('At the harbour, Okafor greeted the crews and said the ferries would run again in May.'))).toEqual([
      { source: 'Okafor', text: 'the ferries would run again in May' },
    ]);
  });

  it('takes the noun phrase after an opening phrase as the speaker of a speech verb', () => {
    expect(reported(body('On Friday, a harbour official close to the talks said the ferries would run again in May.'))).toEqual([
      { source: 'harbour official', text: 'the ferries would run again in May' },
    ]);
  });

  it('reads a share of people as a subject', () => {
    expect(reported(body('Among ferry users, 62 percent said the timetable was too thin.'))).toEqual([
      { source: '62 percent', text: 'the timetable was too thin' },
    ]);
  });

  it('takes the noun phrase that opens the sentence as the speaker of any cue verb', () => {
    expect(reported(body('A harbour official familiar with the talks wants a new timetable for the ferries.'))).toEqual([
      { source: 'harbour official', text: 'a new timetable for the ferries' },
    ]);
  });

  it('takes the noun phrase that opens the sentence as the speaker', () => {
    expect(reported(body('A harbour official familiar with the talks said the ferries would run again in May.'))).toEqual([
      { source: 'harbour official', text: 'the ferries would run again in May' },
    ]);
  });
});

describe('cues of the long tail', () => {
  it('reads "spoke about", "backs", "pushed for" and "refused" as cues, but not "spoke at"', () => {
    expect(reported(body('Okafor spoke about the delays on the northern ferry line.'))).toEqual([
      { source: 'Okafor', text: 'the delays on the northern ferry line' },
    ]);
    expect(reported(body('Okafor spoke at the harbour on Friday.'))).toEqual([]);
    expect(reported(body('The pier will stay shut, Okafor said, speaking to crews on the quay.'))).toEqual([
      { source: 'Okafor', text: 'The pier will stay shut' },
    ]);
    expect(reported(body('Okafor was speaking at the harbour on Friday when the storm hit.'))).toEqual([]);
    expect(reported(body('Okafor is talking about a night ferry to the island.'))).toEqual([
      { source: 'Okafor', text: 'a night ferry to the island' },
    ]);
    expect(reported(body('The port authority backs a second crossing to the island.'))).toEqual([
      { source: 'port authority', text: 'a second crossing to the island' },
    ]);
    expect(reported(body('Okafor pushed for a night ferry to the island.'))).toEqual([
      { source: 'Okafor', text: 'a night ferry to the island' },
    ]);
    expect(reported(body('Okafor refused to close the harbour during the storm.'))).toEqual([
      { source: 'Okafor', text: 'to close the harbour during the storm' },
    ]);
  });
});

describe('verbs of thought and stance measured as cues', () => {
  it('reads "thinks", "slammed" and "wrote" as cues', () => {
    expect(reported(body('Okafor thinks the ferry will run again in May.'))).toEqual([{ source: 'Okafor', text: 'the ferry will run again in May' }]);
    expect(reported(body('The crews know the night ferry will stay.'))).toEqual([{ source: 'The crews', text: 'the night ferry will stay' }]);
    expect(reported(body('The mayor slammed the new timetable for the winter ferries.'))).toEqual([
      { source: 'mayor', text: 'the new timetable for the winter ferries' },
    ]);
    expect(reported(body('Okafor wrote that the night ferry would stay.'))).toEqual([{ source: 'Okafor', text: 'the night ferry would stay' }]);
  });
});

describe('subjects and cues measured on polnear-train', () => {
  it('reads a share of a group as the subject', () => {
    expect(reported(body('Some of the crews said they had spoken at the hearings on the pier.'))).toEqual([
      { source: 'Some of the crews', text: 'they had spoken at the hearings on the pier' },
    ]);
  });

  it('reads "made (it) clear" and "see" as cues', () => {
    expect(reported(body('Okafor made it clear that the night ferry would stay.'))).toEqual([{ source: 'Okafor', text: 'the night ferry would stay' }]);
    expect(reported(body('The crews see a long winter ahead for the port.'))).toEqual([{ source: 'The crews', text: 'a long winter ahead for the port' }]);
  });

  it('reads a noun-like cue form as a verb after a determiner, a modifier and a singular noun', () => {
    expect(reported(body('The new survey shows Okafor ahead in the harbour towns.'))).toEqual([
      { source: 'new survey', text: 'Okafor ahead in the harbour towns' },
    ]);
  });
});

describe('a participle of speech or stance after a noun', () => {
  it('reads "a letter saying ..." as the sentence subject\'s statement', () => {
    expect(reported(body('Okafor sent the crews a letter saying the ferries would run again in May.'))).toEqual([
      { source: 'Okafor', text: 'the ferries would run again in May' },
    ]);
    expect(reported(body('Okafor sent the crews a letter opposing the new timetable for the winter.'))).toEqual([
      { source: 'Okafor', text: 'the new timetable for the winter' },
    ]);
  });
});

describe('verbs whose object is part of the statement', () => {
  it('keeps the object of "described ... as", unlike the listener of "warned"', () => {
    expect(reported(body('The mayor described Okafor as reckless with the harbour budget.'))).toEqual([
      { source: 'mayor', text: 'Okafor as reckless with the harbour budget' },
    ]);
  });
});

describe('an attribution inside the sentence', () => {
  it('gives the content on both sides of ", X said," to X', () => {
    expect(reported(body('The ferries will run again in May, Okafor said, and the night crossing will return in June.'))).toEqual([
      { source: 'Okafor', text: 'The ferries will run again in May' },
      { source: 'Okafor', text: 'the night crossing will return in June' },
    ]);
  });
});

describe('what follows an attribution inside the sentence', () => {
  it('leaves an apposition after "said Name," and an aside after ", X said," out', () => {
    expect(reported(body('The bridge will stay shut, said Ann Okafor, a planner at the port office.'))).toEqual([
      { source: 'Ann Okafor', text: 'The bridge will stay shut' },
    ]);
    expect(reported(body('The bridge will stay shut, Okafor said, clutching the rail of the pier.'))).toEqual([
      { source: 'Okafor', text: 'The bridge will stay shut' },
    ]);
    expect(reported(body('The bridge will stay shut, Okafor said, who has run the port for a decade.'))).toEqual([
      { source: 'Okafor', text: 'The bridge will stay shut' },
    ]);
    expect(reported(body("''The bridge will stay shut,'' said Ann Okafor, a planner at the port office."))).toEqual([
      { source: 'Ann Okafor', text: 'The bridge will stay shut,' },
    ]);
  });

  it('reads a speech participle after ", X said," as more of the same content', () => {
    expect(reported(body('The bridge will stay shut, Okafor said, adding that the crews were worn out.'))).toEqual([
      { source: 'Okafor', text: 'The bridge will stay shut' },
      { source: 'Okafor', text: 'adding that the crews were worn out' },
    ]);
  });

  it('leaves "said Name" after a quotation to the direct quote', () => {
    expect(reported(body('“The ferries are late again,” said Ann Okafor, one of the captains.'))).toEqual([]);
    expect(reported(body('“The ferries are late again,” said the harbour master, who runs the night crossing.'))).toEqual([]);
  });

  it('reads no content in an aside right after "said", only a "that" after it', () => {
    expect(reported(body('“The pier stays shut,” Okafor said as the last crews left the quay.'))).toEqual([]);
    expect(reported(body('Okafor said, when the storm had passed, that the pier would open.'))).toEqual([
      { source: 'Okafor', text: 'the pier would open' },
    ]);
  });
});

describe('"according to" inside the sentence', () => {
  it('gives the content on both sides of ", according to X," to X', () => {
    expect(reported(body('The ferries will run again in May, according to the harbour master, and the night crossing will return in June.'))).toEqual([
      { source: 'harbour master', text: 'The ferries will run again in May' },
      { source: 'harbour master', text: 'the night crossing will return in June' },
    ]);
  });
});

describe('where the content ends', () => {
  it('ends a subordinate clause that opens the sentence at its comma, and the content before an apposition', () => {
    expect(reported(body('While Okafor says the ferry will run in May, the harbour stays closed.'))).toEqual([
      { source: 'Okafor', text: 'the ferry will run in May' },
    ]);
    expect(reported(body('Okafor praised the new timetable, a plan drawn up by the port board.'))).toEqual([
      { source: 'Okafor', text: 'the new timetable' },
    ]);
  });
});

describe('nouns of speech and stance', () => {
  it('reads "Name\'s support for ..." with the possessor as source, and leaves a bare noun alone', () => {
    expect(reported(body('The vote followed Okafor’s support for a second crossing to the island.'))).toEqual([
      { source: 'Okafor', text: 'a second crossing to the island' },
    ]);
    expect(reported(body('There was little support for a second crossing to the island.'))).toEqual([]);
    expect(reported(body('Okafor has long had doubts about a second crossing to the island.'))).toEqual([
      { source: 'Okafor', text: 'a second crossing to the island' },
    ]);
  });

  it('reads an adjective of stance with the sentence\'s subject as its holder', () => {
    expect(reported(body('The mayor is critical of the new harbour toll.'))).toEqual([{ source: 'mayor', text: 'the new harbour toll' }]);
    expect(reported(body('Lund was worried about the cost of the second crossing.'))).toEqual([{ source: 'Lund', text: 'the cost of the second crossing' }]);
  });
});

describe('speech without a speaker the readers can name', () => {
  it('keeps what a speech verb reports, with no source, rather than dropping it', () => {
    expect(reported(body('By a wide margin, those surveyed said the ferry should keep running.'))).toEqual([
      { source: null, text: 'the ferry should keep running' },
    ]);
  });

  it('gives no statement to a speech verb after "to" or an impersonal "it"', () => {
    expect(reported(body('The harbour board set out to say the toll would fall.'))).toEqual([]);
    expect(reported(body('It said nothing about the toll at all.'))).toEqual([]);
  });
});

describe("quotations in wire-style '' marks", () => {
  it('reads a whole quotation with the attribution after it, even across sentences and appositions', () => {
    expect(reported(body("''The ferry is late. It rains every day in the port,'' Okafor said on the radio."))).toEqual([
      { source: 'Okafor', text: 'The ferry is late. It rains every day in the port,' },
    ]);
    expect(reported(body("''The ferry will not run in winter,'' Okafor, the mayor of the port town, said."))).toEqual([
      { source: 'Okafor', text: 'The ferry will not run in winter,' },
    ]);
  });

  it('gives a quotation after a statement, or after a speech verb and colon, that speaker', () => {
    expect(reported(body("''The timetable is thin,'' Okafor said. ''Nobody rides the ferry at night.''"))).toEqual([
      { source: 'Okafor', text: 'The timetable is thin,' },
      { source: 'Okafor', text: 'Nobody rides the ferry at night.' },
    ]);
    expect(reported(body("The port authority said in a statement: ''The night ferry stays.''"))).toEqual([
      { source: 'port authority', text: 'The night ferry stays.' },
    ]);
  });

  it("leaves a '' phrase inside a sentence alone", () => {
    expect(reported(body("The harbour is known as the ''gateway of the north'' among sailors."))).toEqual([]);
  });
});

describe('where a statement ends, measured on polnear-train', () => {
  it('keeps a reason and a participle that reports nothing, but not a subordinate clause after a comma', () => {
    expect(reported(body('Okafor said the night ferry would stop, because the river was too low.'))).toEqual([
      { source: 'Okafor', text: 'the night ferry would stop, because the river was too low' },
    ]);
    expect(reported(body('The port authority said it sold 300 tickets in May, bringing its total to 900.'))).toEqual([
      { source: 'port authority', text: 'it sold 300 tickets in May, bringing its total to 900' },
    ]);
    expect(reported(body('Okafor said the bridge would reopen, despite the floods in the valley.'))).toEqual([
      { source: 'Okafor', text: 'the bridge would reopen' },
    ]);
    // a participle of speech still opens a statement of its own
    expect(reported(body('Okafor praised the new timetable, adding that the night ferry would stay.'))).toHaveLength(2);
  });

  it('reads "added to" as growth, not speech', () => {
    expect(reported(body('Okafor added to her lead in the harbour towns on Tuesday.'))).toEqual([]);
    expect(reported(body('Okafor added that the harbour towns would vote on Tuesday.'))).toEqual([
      { source: 'Okafor', text: 'the harbour towns would vote on Tuesday' },
    ]);
  });
});

describe('verbs of recognition and praise measured as cues', () => {
  it('reads "recognized that", "commended" and "reminded ... that" as cues', () => {
    expect(reported(body('Okafor recognized that the timetable was thin.'))).toEqual([{ source: 'Okafor', text: 'the timetable was thin' }]);
    expect(reported(body('The board commended the crews for their work on the night ferry.'))).toEqual([
      { source: 'The board', text: 'the crews for their work on the night ferry' },
    ]);
    expect(reported(body('Okafor reminded the crews that the ferry leaves at nine.'))).toEqual([{ source: 'Okafor', text: 'the ferry leaves at nine' }]);
  });
});
