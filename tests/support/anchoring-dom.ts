/** DOM helpers for the anchoring tests: load a page, point at words as a user would select them. */
import { describe } from '../../api-client/anchoring';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../../api-client/contract';

/** Replaces the test document's body with the body of a whole HTML page. */
export function showPage(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
  return document.body;
}

/**
 * A Range over the n-th occurrence (from 0) of `words` in the raw text of
 * `within`, crossing element boundaries as a mouse selection would. `words`
 * must be written exactly as in the markup's text nodes.
 */
export function rangeOfText(within: Node, words: string, occurrence = 0): Range {
  const nodes = textNodesOf(within);
  const whole = nodes.map((n) => n.data).join('');
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = whole.indexOf(words, at + 1);
    if (at === -1) throw new Error(`"${words}" occurs fewer than ${occurrence + 1} times`);
  }
  return rangeAtRawOffsets(within, at, at + words.length, nodes);
}

/** A Range from `start` to `end` counted in the raw text (textContent) of `within`. */
export function rangeAtRawOffsets(within: Node, start: number, end: number, nodes = textNodesOf(within)): Range {
  const range = document.createRange();
  const [startNode, startOffset] = locateRaw(nodes, start, false);
  const [endNode, endOffset] = locateRaw(nodes, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

export function textNodesOf(within: Node): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A Range from the first `from` to the end of the first `to` after it, in the raw text of `within`. */
export function rangeBetween(within: Node, from: string, to: string): Range {
  const start = rangeOfText(within, from);
  const whole = within.textContent ?? '';
  const at = whole.indexOf(from);
  const endAt = whole.indexOf(to, at);
  if (endAt === -1) throw new Error(`"${to}" does not follow "${from}"`);
  const occurrence = countBefore(whole, to, endAt);
  const end = rangeOfText(within, to, occurrence);
  const range = document.createRange();
  range.setStart(start.startContainer, start.startOffset);
  range.setEnd(end.endContainer, end.endOffset);
  return range;
}

function countBefore(whole: string, words: string, at: number): number {
  let count = 0;
  for (let i = whole.indexOf(words); i !== -1 && i < at; i = whole.indexOf(words, i + 1)) count++;
  return count;
}

function locateRaw(nodes: Text[], offset: number, isEnd: boolean): [Text, number] {
  let seen = 0;
  for (const node of nodes) {
    const inside = isEnd ? offset <= seen + node.length : offset < seen + node.length;
    if (inside) return [node, offset - seen];
    seen += node.length;
  }
  throw new Error(`Offset ${offset} is past the text`);
}

/** What a reader sees of a range: its text with whitespace collapsed. */
export function visibleText(range: Range | null): string | null {
  return range === null ? null : range.toString().replace(/\s+/g, ' ').trim();
}

/** The Text node that contains `words`, for edits made the way a CMS would make them. */
export function textNodeWith(within: Node, words: string): Text {
  const walker = document.createTreeWalker(within, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(words)) return node as Text;
  }
  throw new Error(`No text node contains "${words}"`);
}

/** Replaces `from` by `to` inside the one Text node that holds it. */
export function editText(within: Node, from: string, to: string): void {
  const node = textNodeWith(within, from);
  node.data = node.data.replace(from, to);
}

/**
 * `describe` as it recorded a quote with `context` characters on each side:
 * quotes stored before contexts grew to 64 characters keep their 32.
 */
export function describeWith(context: number): (range: Range) => [TextQuoteSelector, TextPositionSelector] {
  return (range) => withContext(describe(range), context);
}

/** The same selectors with no more than `context` characters of context on each side. */
export function withContext<T extends Selector[]>(selectors: T, context: number): T {
  return selectors.map((selector) => {
    if (selector.type !== 'TextQuoteSelector') return selector;
    const { prefix, suffix, ...words } = selector;
    const before = prefix?.slice(-context);
    const after = suffix?.slice(0, context);
    return { ...words, ...(before && { prefix: before }), ...(after && { suffix: after }) };
  }) as T;
}
