// The quote finder on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes';
import { splitParagraphs } from '../../lib/text';

function quotes(text: string) {
  return findQuotes(text, splitParagraphs(text));
}
const texts = (text: string) => quotes(text).map((q) => q.text);

describe('quotation marks', () => {
  it('finds curly, straight, guillemet and low-high double quotes', () => {
    expect(texts('The mayor said, “We will rebuild the bridge.”')).toEqual(['We will rebuild the bridge.']);
    expect(texts('"The harbour stays open," the minister said.')).toEqual(['The harbour stays open,']);
    expect(texts('Le ministre a dit: «Nous restons ici pour longtemps».')).toEqual(['Nous restons ici pour longtemps']);
    expect(texts('Sie sagte: „Wir bleiben hier für immer.“')).toEqual(['Wir bleiben hier für immer.']);
  });

  it('keeps offsets, marks and text consistent', () => {
    const text = 'Aiden Moor said: “The fleet sails at dawn.”';
    const [q] = quotes(text);
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text[q.open]).toBe('“');
    expect(text[q.close - 1]).toBe('”');
    expect(q.continues).toBe(false);
  });

  it('reads single marks as quotes but not apostrophes', () => {
    expect(texts("Minister calls the levy 'a tax on the poor' in a heated debate")).toEqual(['a tax on the poor']);
    expect(texts('Norway’s envoy recalled the ’90s and said the region’s ports were ‘never safer than now’.')).toEqual(['never safer than now']);
    expect(texts("The farmers' union and Portugal's navy met in the '80s.")).toEqual([]);
  });

  it('splits a quote interrupted by its attribution into two spans', () => {
    expect(texts('“In a sense,” she said, “the river decides for us.”')).toEqual(['In a sense,', 'the river decides for us.']);
  });

  it('keeps the outer quote only when quotes nest', () => {
    expect(texts('“They told us ‘wait and see’ for a year,” the farmer said.')).toEqual(['They told us ‘wait and see’ for a year,']);
    expect(texts('"The sign said “closed until spring” again," he said.')).toEqual(['The sign said “closed until spring” again,']);
  });

  it('finds partial quotes inside reported speech', () => {
    expect(texts('The senator said the scheme was "bound to collapse" within months.')).toEqual(['bound to collapse']);
  });

  it('treats each paragraph of a multi-paragraph quote as its own span', () => {
    const text = 'The coach said:\n\n“We trained hard all winter.\n\n“Now the results will come, I promise you.”\n\nThe season starts soon.';
    const found = quotes(text);
    expect(found.map((q) => [q.text, q.continues])).toEqual([
      ['We trained hard all winter.', false],
      ['Now the results will come, I promise you.', true],
    ]);
  });

  it('repairs a missing closing mark without swallowing the rest', () => {
    const text = 'He spoke of "tough times ahead and left. Later he said "we will manage," and smiled.\n\nNext paragraph "fine words," she said.';
    expect(texts(text)).toEqual(['we will manage,', 'fine words,']);
  });

  it('reads paragraphs that each open with a mark and never close as an excerpt: only the quotes inside count', () => {
    const text = 'The paper reports:\n\n"The mayor left early, calling the plan a “harbour tax,” and went home.\n\n"Nobody followed him.\n\n“We stay,” a clerk said.';
    expect(texts(text)).toEqual(['harbour tax,', 'We stay,']);
  });

  it('continues a quote over paragraphs only in marks of the same style', () => {
    const text = '“We trained hard all winter.\n\n"Now the results will come," the coach said.';
    expect(texts(text)).toEqual(['Now the results will come,']);
  });

  it('reads a closing-shaped mark that opens its paragraph as an opening one', () => {
    expect(texts('The captain spoke.\n\n” … we stay until spring,” she said.')).toEqual(['… we stay until spring,']);
  });

  it('finds the quotes after a stray opening mark', () => {
    expect(texts('"The crowd rose, chanting “Home! Home!” at the gate.')).toEqual(['Home! Home!']);
  });

  it('ignores a stray mark at a paragraph end', () => {
    expect(texts('The talks ended "\n\nThe delegates went home. "We tried," one said.')).toEqual(['We tried,']);
  });

  it('finds quotes in a headline', () => {
    expect(texts('Premier: Reform Plan ‘Will Not Wait’\n\nThe premier spoke on Tuesday.')).toEqual(['Will Not Wait']);
  });

  it('leaves out the single-mark quotes of a headline closed by a full stop (PolNeAR texts), not those of a lede', () => {
    expect(texts('Premier: Reform Plan ‘Will Not Wait.’\n\nThe premier spoke on Tuesday.')).toEqual([]);
    expect(texts('OSLO (Wire) -- The premier said the plan "will not wait."\n\nShe spoke on Tuesday.')).toEqual(['will not wait.']);
    expect(texts('"The plan will not wait," the premier said.\n\nShe spoke on Tuesday.')).toEqual(['The plan will not wait,']);
  });

  it("leaves out the single-mark quotes of a headline closed by a semicolon and of the deck after it", () => {
    expect(texts("Dock strike ends in 'hard' bargain;\n\nThe union says talks were 'tough' all week.\n\nThe port reopened.")).toEqual([]);
    expect(texts("Dock strike ends;\n\nThe union says talks were 'tough' all week.\n\nThe port reopened.")).toEqual([]);
    // a first line closed otherwise is a headline as the web gives it: its quotes stay
    expect(texts("Dock strike ends in 'hard' bargain\n\nThe union says talks were 'tough' all week.\n\nThe port reopened.")).toEqual(['hard', 'tough']);
  });

  it('drops a subheading that is a quote in single marks alone in its paragraph, where the text quotes in double marks', () => {
    const text = 'The mayor said, "We rebuild the pier."\n\n\'A fair deal.\'\n\nThe council agreed on Monday.';
    expect(texts(text)).toEqual(['We rebuild the pier.']);
    // in a text that quotes in single marks, such a paragraph is speech
    expect(texts("The mayor spoke at noon.\n\n'A fair deal.'\n\nThe council agreed on Monday.")).toEqual(['A fair deal.']);
  });

  it('reads a transcript in quotation marks as a record: only the quotes inside its turns count', () => {
    const text = 'The interview, in part:\n\n"HOST: Will you run again?\n\n"MAYOR: My answer is still “not this time, not ever” for now.\n\n"(LAUGHTER.)\n\n"And that is final.\n\nShe left at noon.';
    expect(texts(text)).toEqual(["not this time, not ever"]);
  });

  it("pairs doubled single marks ('') so the single marks inside nest, and does not report them", () => {
    expect(texts("''I told them, 'Not today,''' said the porter. The gate stayed shut.")).toEqual([]);
    expect(texts("''We wait,'' he said, and she called it a 'long winter'.")).toEqual(['long winter']);
  });
});

describe('mentions are not quotes', () => {
  it('drops so-called terms, titles and mentioned words', () => {
    expect(texts('Fighters hold the so-called "emirate" in the valley.')).toEqual([]);
    expect(texts('She pressed the "reset" button twice.')).toEqual([]);
    expect(texts('He starred in the film "Winter Harbour Lights" last year.')).toEqual([]);
    expect(texts('The word "he" appears twice.')).toEqual([]);
  });

  it('keeps a lower-case phrase after the kind of work: what someone called it, not its title', () => {
    expect(texts('A critic called the show "the dullest hour on air."')).toEqual(['the dullest hour on air.']);
    expect(texts('She wants to get the ferry program "back on its feet."')).toEqual(['back on its feet.']);
    expect(texts('A critic reviewed the show "Harbour Nights" at length.')).toEqual([]);
  });

  it('keeps a phrase someone is said to use, call or write: their words', () => {
    expect(texts('The governor avoided the phrase "harbour tax" all week.')).toEqual(['harbour tax']);
    expect(texts('Protesters held a sign that read "Keep the ferry."')).toEqual(['Keep the ferry.']);
    expect(texts('The comment by Dr. Ana Song "was unfair," the board said.')).toEqual(['was unfair,']);
  });

  it('keeps a short phrase after "a" that ends its clause or has a function word after it', () => {
    expect(texts('Many see the admiral as a "firm hand," comparing him to his father.')).toEqual(['firm hand,']);
    expect(texts('The result gave Mayor Lund a "real fright" ahead of the vote.')).toEqual(['real fright']);
  });

  it("drops a short term inside a sentence that names no one and reports no speech: the writer's own", () => {
    // (after a first paragraph: a headline quotes speech without a verb)
    const inBody = (sentence: string) => texts(`Harbour report\n\n${sentence}`);
    expect(inBody('The funds sit in a separate "holding account" until spring.')).toEqual([]);
    expect(inBody('Part of this "fast lane" idea stalled in committee.')).toEqual([]);
    // someone in the sentence may have said it: a name, a pronoun, a speaker noun, "many", a speech verb
    expect(inBody('The funds sit in what Ms. Vik calls a "holding account" until spring.')).toEqual(['holding account']);
    expect(inBody('She keeps the funds in a "holding account" until spring.')).toEqual(['holding account']);
    expect(inBody('The official keeps the funds in a "holding account" until spring.')).toEqual(['holding account']);
    expect(inBody('Many see the fund as a "holding account" for now.')).toEqual(['holding account']);
    expect(inBody('The funds sit in a "holding account" until spring, according to the report.')).toEqual(['holding account']);
    // a quote that opens or ends its sentence, or runs longer, is left to the other cues
    expect(inBody('The funds sit in a separate "holding account."')).toEqual(['holding account.']);
    expect(inBody('The funds sit in "a holding account for the port" until spring.')).toEqual(['a holding account for the port']);
    expect(texts('Funds to sit in "holding account" until spring\n\nThe port reopened.')).toEqual(['holding account']);
  });

  it('keeps a short quote when a speech verb introduces it', () => {
    expect(texts('The minister warned of a "firm response" from the navy.')).toEqual(['firm response']);
    expect(texts('Lund said the offer was a "quite generous" one.')).toEqual(['quite generous']);
  });

  it('ignores markup attribute values', () => {
    expect(texts('<tweet author="someone" id="42">Hello</tweet>')).toEqual([]);
  });
});

describe('bad input', () => {
  it('handles empty text, text without quotes and unbalanced marks', () => {
    expect(quotes('')).toEqual([]);
    expect(quotes('No quotation here at all.')).toEqual([]);
    expect(quotes('"""" “““ ””” «« »» \' \' ‘ ’')).toBeInstanceOf(Array);
  });
});

describe('a mentioned pronoun with its period', () => {
  it('is no quote', () => {
    expect(texts('The sign on the door just said "he."')).toEqual([]);
  });
});

describe('names of works and subheadings', () => {
  it('drops a title-case name followed by the kind of work it names', () => {
    expect(texts('She called in to his "Morning With Mads" radio program on Friday.')).toEqual([]);
  });

  it('keeps a one-word answer or exclamation its attribution follows', () => {
    expect(texts('Was the harbour safe? "Absolutely," the captain said.')).toEqual(['Absolutely,']);
    expect(texts('"Never!" the crowd shouted back.')).toEqual(['Never!']);
    expect(texts('Speaking on Radio North\'s "Morning Hour," the mayor said the vote was close.')).toEqual([]);
  });

  it('drops a title set off by a comma after the kind of work, unless a speech verb follows', () => {
    expect(texts('Watch the trailer for her documentary, "Tide," below.')).toEqual([]);
    expect(texts('His commentary, "Keep the harbour open," is worth reading.')).toEqual([]);
    expect(texts('In his memoir, "I was wrong," he admits.')).toEqual(['I was wrong,']);
    expect(texts('She spoke on the latest episode of "Harbour Talk With Mads."')).toEqual([]);
  });

  it('keeps a title-case sentence quoted right after a sentence with a speech verb', () => {
    expect(texts('“Here comes the captain,” she said, waving. “The Boss. Our Boss.”')).toEqual(['Here comes the captain,', 'The Boss. Our Boss.']);
  });

  it('drops a title-case quote standing alone as a subheading', () => {
    expect(texts('The mayor spoke for an hour.\n\n‘The Harbour Is Ours.’\n\nThen the council voted.')).toEqual([]);
  });
});

describe('names someone gave and cited headlines', () => {
  it('keeps a name someone is said to call a person or thing by, title case or not', () => {
    expect(texts('She recalled his references to the harbour master as "Captain Delay" and "Mr. Maybe" at the meeting.')).toEqual(['Captain Delay', 'Mr. Maybe']);
    expect(texts('The council kept describing the scheme as "Operation Nowhere" in its letters.')).toEqual(['Operation Nowhere']);
    // the same words with no one naming anything are a name, not a quote
    expect(texts('The crew took part in "Operation Nowhere" last year.')).toEqual([]);
  });

  it("drops a piece's headline cited with its byline, but not words a speech verb attributes", () => {
    expect(texts('READ MORE: "Ferries resume after the long winter storm on the coast," by the Courier\'s Ann Lee: example.org/ferries')).toEqual([]);
    expect(texts('"Ferries resume after the long winter storm on the coast," said the Courier\'s Ann Lee.')).toEqual(['Ferries resume after the long winter storm on the coast,']);
  });
});

describe('code and addresses between marks', () => {
  it('are no quotes, nor the marks inside them', () => {
    expect(texts('Send the form as "application/x-www-form-urlencoded" to "https://example.org/form" first.')).toEqual([]);
    expect(texts('Set the option to \'{"mode": "fast"}\' and call "app.config.reload" again.')).toEqual([]);
    expect(texts('The page ends with "</div></body>" as usual.')).toEqual([]);
  });

  it('keeps markup quoted in typeset marks: prose about it', () => {
    expect(texts('A reader wrote “<b>bold</b> is only text” in the margin.')).toEqual(['<b>bold</b> is only text']);
  });

  it('leaves words with dots or a slash in a sentence alone', () => {
    expect(texts('Fans chanted "U.S.A.!" at the gate.')).toEqual(['U.S.A.!']);
    expect(texts('The mayor said the crews work "around the clock, 24/7, until it is done."')).toEqual(['around the clock, 24/7, until it is done.']);
  });
});
