// Seeded generators of hostile input for the fuzz suites: texts for the engine (test/fuzz/engine.test.ts)
// and page markup for the DOM layer in Chromium (test/e2e/dom-fuzz.test.ts). The same seed gives the
// same cases, so a failure can be replayed; STANCEMARK_FUZZ=long runs many more cases from a fresh seed
// (STANCEMARK_FUZZ_SEED=<n> replays one). All sentences are made up here.

/** mulberry32: small, fast, good enough to spread cases. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRun {
  long: boolean;
  seed: number;
}

/** The fixed seed in `npm test`; STANCEMARK_FUZZ=long for a longer run from a fresh (printed) seed. */
export function fuzzRun(fixedSeed: number): FuzzRun {
  const long = process.env.STANCEMARK_FUZZ === 'long';
  const given = Number(process.env.STANCEMARK_FUZZ_SEED);
  const seed = Number.isInteger(given) && process.env.STANCEMARK_FUZZ_SEED ? given : long ? Date.now() % 2 ** 31 : fixedSeed;
  return { long, seed };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

export const QUOTE_MARKS = ['"', '“', '”', '„', '‟', '«', '»', '‘', '’', "'", '‚', '‹', '›', '「', '」', '『', '』', '″', '＂'];

/** Pieces texts are made of: words, names, speech verbs, marks, scripts, and characters that break naive code. */
const PIECES = [
  'the', 'minister', 'said', 'told', 'reporters', 'according to', 'officials', 'warned', 'added', 'that', 'we', 'will', 'not',
  'Ana Lima', 'Joseph Mwangi', 'President Oduya', 'the ministry', 'NATO', 'the UN', 'Brazil’s', 'Kenyan', 'he', 'she', 'they',
  '.', ',', ';', ':', '?', '!', '—', '–', '-', '(', ')', '[', ']', '…', '...',
  'قال الوزير', 'إن المحادثات', 'אמר השר', 'השיחות', '\u200f', '\u200e', '\u202e', '\u2066', '\u2069',
  '😀', '👩‍👩‍👧', '🇧🇷', '𝒜𝓃𝒶', '\ud83d', '\ude00', 'é', 'e\u0301', '\u0000', '\u0007', '\ufeff', '\u00a0', '\u2028', '\u3000',
  '说', '他说', '「我们」', 'Mr.', 'Dr.', 'U.S.', 'St.', '1,000', '3.5%', '2015-09-30', 'http://x.example/?q="a"',
  '<b>', '</script>', '&amp;', '${x}', '\\', '\t',
];

/** One random text: words and marks, paragraphs, and bursts of quotation marks. */
export function randomText(rand: () => number, maxPieces: number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(rand() * maxPieces);
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.12) parts.push(pick(rand, QUOTE_MARKS));
    else if (r < 0.16) parts.push(pick(rand, ['\n\n', '\n', '\n\n\n', '\r\n\r\n']));
    else if (r < 0.18) parts.push(pick(rand, QUOTE_MARKS).repeat(1 + Math.floor(rand() * 5)));
    else if (r < 0.3) parts.push(`${pick(rand, ['“', '"', '«', '‘', '„'])}${pick(rand, PIECES)} ${pick(rand, PIECES)}${pick(rand, ['”', '"', '»', '’', '“'])}`);
    else parts.push(pick(rand, PIECES));
    parts.push(rand() < 0.85 ? ' ' : '');
  }
  return parts.join('');
}

/** A text in the shape of an article: paragraphs of quoted statements with attributions, some marks left open or nested. */
export function randomArticle(rand: () => number, paragraphs: number): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const open = pick(rand, ['“', '"', '«', '„', '‘']);
    const close = rand() < 0.85 ? { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’' }[open]! : '';
    const nested = rand() < 0.2 ? ` ‘${pick(rand, PIECES)}’ ` : ' ';
    const inner = randomText(rand, 12).replace(/[\n\r]/g, ' ');
    const who = pick(rand, ['said Ana Lima', 'the minister said', 'Mwangi told reporters', 'according to officials', 'he added', '']);
    out.push(rand() < 0.5 ? `${open}${inner}${nested}${close} ${who}.` : `${who[0]?.toUpperCase() ?? ''}${who.slice(1)}: ${open}${inner}${close}`);
  }
  return out.join('\n\n');
}
