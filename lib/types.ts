// The small typed records the engine's stages pass forward. Offsets are JavaScript string indices
// (UTF-16 code units) into the analysed text, `end` exclusive.
//
// Stage order (no stage reaches back):
//   text.ts        text           -> Paragraph[]
//   quotes.ts      paragraphs     -> QuoteSpan[]          (direct quotations)
//   attribution.ts quotes         -> Attribution[]        (the source mention of each quote, and reported speech)
//   entities.ts    attributions   -> Speaker per statement (fullest name, role, coreference)
//   countries.ts   speakers       -> country code per speaker
//   sides.ts       statements     -> Side[]
//   positions.ts   statements     -> Summary

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
}

/** A direct quotation: the words inside the marks, without the marks or surrounding whitespace. */
export interface QuoteSpan extends Span {
  text: string;
  paragraph: number;
  /** Offset of the opening mark (or of the paragraph start for a quote continued from the previous paragraph). */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when the quote runs on into the next paragraph). */
  close: number;
  /** True when this span continues a quotation opened in an earlier paragraph (same speaker). */
  continues: boolean;
}

export type StatementKind = 'direct' | 'indirect';

/** Who a statement is attributed to, as written at the attribution site. */
export interface SourceMention extends Span {
  /** The words of the mention: "Kerry", "he", "the Pentagon", "a senior State Department official". */
  text: string;
  kind: 'name' | 'pronoun' | 'organisation' | 'description';
  /** Titles and appositions the attribution site gives: "Russian Foreign Minister", "the defense ministry's spokesperson". */
  descriptors?: string[];
  /** Gender the site gives (Mr, spokeswoman, he), when it gives one. */
  gender?: 'm' | 'f' | null;
  /** A plural source: "officials", "they". */
  plural?: boolean;
}

export interface Attribution extends Span {
  /** Direct quotes carry the words inside the marks; indirect ones the reported content. */
  text: string;
  kind: StatementKind;
  /** Index into the QuoteSpan list for direct statements. */
  quote: number | null;
  /** The speech verb that ties source and content ("said", "told", "according to"), when one was found. */
  cue: string | null;
  source: SourceMention | null;
}

export type EntityType = 'person' | 'organisation' | 'group' | 'unnamed';

/** One speaker, with every mention the article resolves to it. */
export interface Entity {
  id: number;
  /** Fullest form the article gives: "John Kerry", "Pentagon", "senior State Department official". */
  name: string;
  type: EntityType;
  gender: 'm' | 'f' | null;
  /** Titles and appositions the article attaches: "Russian Foreign Minister", "the defense ministry's spokesperson". */
  descriptors: string[];
  mentions: Span[];
}

export interface Statement extends Attribution {
  /** The entity the source mention resolved to, or null when the article does not say. */
  entity: number | null;
}

/** A country (ISO 3166-1 alpha-2) or an international body (NATO, UN, EU, OSCE, IAEA, OPCW, ICRC, WHO, ISIS). */
export type CountryCode = string;

export interface CountryAssignment {
  code: CountryCode | null;
  /** Why: the words or knowledge-base entry that gave the code. */
  evidence: string | null;
}

/** The engine's output per statement, as the CLI prints it and the page highlights it. */
export interface Quote extends Span {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  role: string | null;
  country: CountryCode | null;
  evidence: string | null;
  paragraph: number;
}

export interface SideSpeaker {
  name: string;
  role: string | null;
  count: number;
}

export interface Side {
  country: CountryCode;
  /** Display name: "United States", "Russia", "NATO". */
  name: string;
  direct: number;
  indirect: number;
  speakers: SideSpeaker[];
}

export interface TopicStance {
  topic: string;
  stance: 'supports' | 'opposes' | 'mixed' | 'mentions';
  evidence: number[];
}

export interface SideSummary {
  country: CountryCode;
  name: string;
  speakers: SideSpeaker[];
  /** Indices into Analysis.quotes. */
  statements: number[];
  topics: TopicStance[];
  gist: number[];
}

/**
 * Where an agreement or divergence comes from: both sides' own statements, or one side's statement about
 * the other ("Russia and America share the same goals", "Moscow's support for the Syrian regime").
 */
export type Provenance = 'both' | 'claimed';

export interface Summary {
  sides: SideSummary[];
  /** Evidence, like every statement list of the summary, holds indices into Analysis.quotes. */
  agreement: {
    topic: string;
    stance: TopicStance['stance'];
    evidence: number[];
    provenance?: Provenance;
    /** The side whose statement makes the claim, when provenance is 'claimed'. */
    claimedBy?: CountryCode | null;
    /** The other side's statements of agreement that name no topic ("our opinions coincide"), shown beside. */
    general?: number[];
  }[];
  divergence: {
    topic: string;
    stances: Record<CountryCode, TopicStance['stance']>;
    evidence: number[];
    provenance?: Provenance;
    claimedBy?: CountryCode | null;
    general?: number[];
  }[];
}

export interface Analysis {
  quotes: Quote[];
  entities: Entity[];
  sides: Side[];
  summary: Summary;
}

export interface AnalyzeOptions {
  /** The article's date (YYYY-MM-DD), used to pick office holders in the knowledge base. */
  date?: string;
  /** Told each stage's time in ms as it ends (benchmarks: every stage timed on the inputs the run itself made). */
  onStage?: (stage: AnalyzeStage, ms: number) => void;
}

export type AnalyzeStage = 'paragraphs' | 'tokens' | 'quotes' | 'attribution' | 'reported' | 'entities' | 'countries' | 'sides' | 'summary';
