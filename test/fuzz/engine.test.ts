// Fuzzing the engine: thousands of generated texts through lib/analyze (test/fuzz/engine-check.ts says
// what must hold), each in a worker that a watchdog stops if it never returns. Fixed seed in `npm test`;
// STANCEMARK_FUZZ=long for many more cases from a fresh seed (printed in the suite's name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRun, QUOTE_MARKS, random, randomArticle, randomText } from './generate';
import { engineWatchdog, type EngineWatchdog } from './watchdog';

const run = fuzzRun(20261124);
const TEXTS = run.long ? 20_000 : 1_500;
const ARTICLES = run.long ? 5_000 : 400;

let watchdog: EngineWatchdog;
beforeAll(() => {
  watchdog = engineWatchdog();
});
afterAll(() => watchdog?.close());

async function check(text: string, label: string, limitMs?: number) {
  const verdict = await watchdog.check(text, label, limitMs);
  expect(verdict.problems, `${label}: ${JSON.stringify(text.slice(0, 300))}`).toEqual([]);
  return verdict;
}

describe(`engine fuzz (seed ${run.seed}${run.long ? ', long run' : ''})`, () => {
  it(`${TEXTS} random texts: marks, scripts, RTL, emoji, lone surrogates, control characters`, async () => {
    const rand = random(run.seed);
    for (let i = 0; i < TEXTS; i++) await check(randomText(rand, 1 + Math.floor(rand() * 200)), `text ${i}`);
  }, 900_000);

  it(`${ARTICLES} article-shaped texts with open, nested and mismatched quotes`, async () => {
    const rand = random(run.seed + 1);
    for (let i = 0; i < ARTICLES; i++) await check(randomArticle(rand, 1 + Math.floor(rand() * 30)), `article ${i}`);
  }, 900_000);

  it('edge shapes: empty, blank, marks only, deep nesting, one huge paragraph, astral and RTL only, dashes after a quote', async () => {
    const rand = random(run.seed + 2);
    const marks = Array.from({ length: 20_000 }, () => QUOTE_MARKS[Math.floor(rand() * QUOTE_MARKS.length)]).join('');
    const cases: Record<string, string> = {
      empty: '',
      blank: ' \n\n \t \u00a0 \n',
      'marks only': marks,
      'marks and spaces': marks.split('').join(' '),
      'nested 2,000 deep': '“‘'.repeat(1000) + 'deep words' + '’”'.repeat(1000) + ' said Ana Lima.',
      'opened 5,000 times': 'She said “'.repeat(5000),
      'closed 5,000 times': 'done,” she said. '.repeat(5000),
      'one paragraph of 300,000 characters': `Ana Lima said “${'word '.repeat(60_000)}” to reporters.`,
      'astral only': '😀👩‍👩‍👧🇧🇷𝒜'.repeat(5000),
      'lone surrogates': '\ud83d“\ude00”\ud83d said he.'.repeat(2000),
      'right to left': 'قال الوزير «إن المحادثات مفيدة» للصحفيين.\n\nאמר השר „השיחות מועילות” לכתבים.\n\n'.repeat(300),
      'bidi controls': '\u202e“quoted\u202c” said \u2066Ana Lima\u2069.'.repeat(1000),
      // Found by this suite: a quote followed by two dashes looped forever in attribution.
      'two dashes after a quote': '“d” ––',
      'dash and comma after a quote': '“We stay” —, said Lima.',
      // Found by the long run (seed 777, text 7,135): a role word holding "${x" made an invalid RegExp in entities.
      'RegExp characters in a role word': "‘ St. 「我们」 “… ${x}\" «<b> they” reporters “「我们」  “ 』 »[ - قال الوزير ‮ 说 . \n\n\n ( «👩‍👩‍👧 according to\" ″ \n\n «⁩ the» \t 👩‍👩‍👧; not é President Oduya -' השיחות אמר השר – </script> reporters : \n \n Mr. ‟‟‟ „— 𝒜𝓃𝒶“ U.S. Brazil’s–„ St.他说 \t „é قال الوزير” ] ⁦ the 」」」 we \u0007 \ude00 إن المحادثات’ officials\u0007 \\「not ${x} ﻿⁦\"𝒜𝓃𝒶 told\" \t『『『『『 … „👩‍👩‍👧 :” added『 \ude00 é ' ‚ the ministry 😀 ‟ \u2028 \u0007 .“ ” </script> 」 “\u0007 we\" 「我们」 that .„ 「 השיחות ‎ – - é \u2028 ‟ warned “, 3.5%“ . \u2028 Kenyan the ministryhttp://x.example/?q=\"a\" ${x} warned minister 1,000 thewe ‘\u0000  “ she not officials \t 「我们」 \"　 　» we » \" ",
    };
    for (const [label, text] of Object.entries(cases)) await check(text, label);
  }, 900_000);

  it('10,000 quotes on one page', async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `“We agree on point ${i},” said Minister ${String.fromCharCode(65 + (i % 26))}. Lima.`).join('\n\n');
    const verdict = await check(text, '10,000 quotes', 120_000);
    expect(verdict.direct).toBeGreaterThanOrEqual(9_000);
  }, 900_000);

  it('a 5 MB text', async () => {
    const paragraph = (i: number) => `Official ${i} said “the harbour stays open” on Monday. The board met for the third time this month and agreed to publish its report before the end of the year.`;
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 5_000_000; i++) length += parts[parts.push(paragraph(i)) - 1].length + 2;
    const text = parts.join('\n\n');
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    await check(text, '5 MB', 180_000);
  }, 900_000);
});
