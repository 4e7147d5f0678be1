// One traversal of an element's text nodes builds the text the engine analyses and the map back
// from text offsets to (text node, offset), so a quote found in the text can be highlighted in place.
//
// The text follows what a reader sees: runs of whitespace collapse to one space, block elements
// (and <br>) separate paragraphs with a blank line ("\n\n"), which is how the engine splits paragraphs.

/** A stretch of the analysed text copied one to one from a stretch of one text node. */
export interface TextRun {
  node: Text;
  /** Offset of the run's first character in `node.data`. */
  nodeStart: number;
  /** Offset of the run's first character in the analysed text. */
  start: number;
  length: number;
}

export interface TextMap {
  text: string;
  /** In text order; the paragraph separators belong to no run. */
  runs: TextRun[];
}

/** A stretch of one text node, `end` exclusive. */
export interface NodePiece {
  node: Text;
  start: number;
  end: number;
  /** Offset of the piece's first character in the analysed text. */
  textStart: number;
  /** Offset after its last character in the analysed text (collapsed whitespace makes it shorter than the node's stretch). */
  textEnd: number;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/**
 * Whitespace the text does not copy one to one: runs of two or more, and any single whitespace other
 * than a plain space (newline, tab, no-break space: each becomes a space). Between two of these, text
 * is copied as it stands, in one piece, so a paragraph is a handful of runs rather than one per word.
 */
const COLLAPSED_WHITESPACE = /\s{2,}|[^\S ]/g;

/**
 * Walks the text under `root` in document order, leaving out every element `skip` rejects (with its
 * subtree). Returns the analysed text and its runs.
 */
export function buildTextMap(root: Element, skip: (element: Element) => boolean = () => false): TextMap {
  const parts: string[] = [];
  const runs: TextRun[] = [];
  let length = 0;
  // What separates the next word from the last one written: nothing, a space (from `spaceAt`), or a paragraph break.
  let pending: 'none' | 'space' | 'break' = 'none';
  let spaceNode: Text | null = null;
  let spaceOffset = 0;

  const append = (node: Text, nodeStart: number, value: string) => {
    const last = runs[runs.length - 1];
    if (last && last.node === node && last.nodeStart + last.length === nodeStart && last.start + last.length === length) {
      last.length += value.length;
    } else {
      runs.push({ node, nodeStart, start: length, length: value.length });
    }
    parts.push(value);
    length += value.length;
  };

  /** Whitespace at `offset` of `node`: it separates words unless a break already does. */
  const whitespace = (node: Text, offset: number) => {
    if (pending !== 'none') return;
    pending = 'space';
    spaceNode = node;
    spaceOffset = offset;
  };

  /** Text without collapsed whitespace, starting and ending with a non-space. */
  const words = (node: Text, offset: number, value: string) => {
    if (length > 0 && pending === 'break') {
      parts.push('\n\n');
      length += 2;
    } else if (length > 0 && pending === 'space' && spaceNode) {
      append(spaceNode, spaceOffset, ' ');
    }
    pending = 'none';
    append(node, offset, value);
  };

  /** data[from, to) of a text node: words separated by single plain spaces, maybe one at either end. */
  const segment = (node: Text, data: string, from: number, to: number) => {
    if (from < to && data.charCodeAt(from) === 32) whitespace(node, from++);
    const trailing = to > from && data.charCodeAt(to - 1) === 32;
    if (trailing) to--;
    if (from < to) words(node, from, data.slice(from, to));
    if (trailing) whitespace(node, to);
  };

  const visitText = (node: Text) => {
    const data = node.data;
    let position = 0;
    COLLAPSED_WHITESPACE.lastIndex = 0;
    for (let m = COLLAPSED_WHITESPACE.exec(data); m; m = COLLAPSED_WHITESPACE.exec(data)) {
      segment(node, data, position, m.index);
      whitespace(node, m.index);
      position = m.index + m[0].length;
    }
    segment(node, data, position, data.length);
  };

  const visit = (element: Element) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        visitText(child as Text);
      } else if (child.nodeType === ELEMENT_NODE) {
        const childElement = child as Element;
        if (skip(childElement)) continue;
        const block = BLOCK_TAGS.has(childElement.tagName.toUpperCase());
        if (block) pending = 'break';
        visit(childElement);
        if (block) pending = 'break';
      }
    }
  };

  visit(root);
  return { text: parts.join(''), runs };
}

/** The stretches of text nodes that hold text[start, end): one piece per text node, in document order. */
export function piecesForRange(map: TextMap, start: number, end: number): NodePiece[] {
  const { runs } = map;
  // First run ending after `start` (binary search: runs are ordered and disjoint).
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runs[middle].start + runs[middle].length <= start) low = middle + 1;
    else high = middle;
  }
  const pieces: NodePiece[] = [];
  for (let i = low; i < runs.length && runs[i].start < end; i++) {
    const run = runs[i];
    const textStart = Math.max(start, run.start);
    const textEnd = Math.min(end, run.start + run.length);
    const to = run.nodeStart + textEnd - run.start;
    const last = pieces[pieces.length - 1];
    if (last && last.node === run.node) {
      last.end = to;
      last.textEnd = textEnd;
    } else {
      pieces.push({ node: run.node, start: run.nodeStart + textStart - run.start, end: to, textStart, textEnd });
    }
  }
  return pieces;
}
