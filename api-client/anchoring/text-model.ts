/**
 * The page's visible text as one normalised string, with a way back to the DOM.
 *
 * Normalised: every run of whitespace (spaces, newlines, tabs, no-break spaces,
 * narrow no-break spaces of French typography) and every block or line break
 * becomes one space; leading and trailing whitespace is dropped; soft hyphens and
 * zero-width spaces vanish. So a quote survives re-indented HTML, `&nbsp;` swapped
 * for a space, or a `<br>` turned into a new paragraph. Selector positions count
 * characters of this string, which is why `describe` and `anchor` must share it.
 *
 * Not counted: the text of <script>, <style>, <noscript>, <template>, form
 * fields, embedded and fallback content, and of elements that are not rendered
 * (computed `display: none`, which covers the `hidden` attribute). `aria-hidden`
 * text is on screen, so it counts; so does `visibility: hidden` text, which
 * still takes its place (collapsed accordions keep their quotes anchorable).
 */

export interface TextModel {
  readonly root: Node;
  readonly text: string;
  /** Range over `text.slice(start, end)`; requires 0 <= start < end <= text.length. */
  range(start: number, end: number): Range;
  /** Offset in `text` of a DOM boundary point (a Range's start or end). */
  offsetOf(container: Node, offset: number): number;
  /** Whether the space at `offset` stands for a block boundary (a new paragraph, a list item, a <br>). */
  isBreak(offset: number): boolean;
}

/** What matching reads of the page: its text and where its paragraphs end. */
export type PageText = Pick<TextModel, 'text' | 'isBreak'>;

// One list, used both by the fast regex pass and by the per-character replay:
// the two must agree to the character or offsets drift.
const spaceChars =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';
const ignoredChars = '\u00ad\u200b';
const spaceCodes = new Set(Array.from(spaceChars, (c) => c.charCodeAt(0)));
const ignoredCodes = new Set(Array.from(ignoredChars, (c) => c.charCodeAt(0)));
const ignoredRun = new RegExp(`[${ignoredChars}]+`, 'g');
// Only the whitespace that changes: most of it is a lone space between words,
// and replacing each of those by itself would be most of the work.
const changingSpace = new RegExp(`[${spaceChars}]{2,}|[${spaceChars.replace(' ', '')}]`, 'g');
const ignoredList = Array.from(ignoredChars);
const hasIgnored = (data: string): boolean => ignoredList.some((c) => data.includes(c));

// By local name, so an <svg> <style> is caught as well as an HTML one. Media and
// canvas children are fallback content, not shown when the element works.
const skippedElements = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
]);

// Inline-level boxes flow with the text around them; anything else (block,
// list-item, table-cell, flex...) starts a new line on screen, so a space.
const inlineDisplays = new Set([
  'inline',
  'contents',
  'inline-block',
  'inline-flex',
  'inline-grid',
  'inline-table',
  'ruby',
  'ruby-text',
]);

// Used only when the root is not rendered (detached): no computed style exists.
const blockElements = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

type Layout = 'skip' | 'block' | 'inline';

function layoutOf(element: Element, view: Window | null): Layout {
  const name = element.localName;
  if (skippedElements.has(name)) return 'skip';
  if (name === 'br') return 'block';
  const display = view ? view.getComputedStyle(element).display : '';
  if (display === 'none') return 'skip';
  if (display === '') {
    // Not rendered at all: fall back to what the markup says.
    if (element.hasAttribute('hidden') && element.getAttribute('hidden') !== 'until-found') return 'skip';
    return blockElements.has(name) ? 'block' : 'inline';
  }
  return inlineDisplays.has(display) ? 'inline' : 'block';
}

/** One pass over the DOM under `root`. Cost is linear in the page; build it once per batch. */
export function buildTextModel(root: Node): TextModel {
  const doc = root.ownerDocument ?? (root as Document);
  const view = doc.defaultView;
  const nodes: Text[] = [];
  const starts: number[] = [];
  // Whether a separator was owed when each node began: the replay needs it.
  const owedSpace: boolean[] = [];
  const chunks: string[] = [];
  let length = 0;
  let owed = false;
  // Whether a block began or ended since the last text: the separator then marks a paragraph's edge.
  let blockEdge = false;
  const breaks = new Set<number>();

  const visit = (data: string, node: Text): void => {
    let collapsed = hasIgnored(data) ? data.replace(ignoredRun, '') : data;
    collapsed = collapsed.replace(changingSpace, ' ');
    const leads = collapsed.charCodeAt(0) === 32;
    const trails = collapsed.length > 0 && collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(leads ? 1 : 0, trails ? -1 : undefined);
    if (core === '') {
      if (leads) owed = length > 0;
      return;
    }
    nodes.push(node);
    starts.push(length);
    owedSpace.push(owed);
    const separated = (owed || leads) && length > 0;
    if (separated && blockEdge) breaks.add(length);
    blockEdge = false;
    const piece = separated ? ` ${core}` : core;
    chunks.push(piece);
    length += piece.length;
    owed = trails;
  };

  if (root.nodeType === Node.TEXT_NODE) {
    visit((root as Text).data, root as Text);
  } else {
    // firstChild / nextSibling / parentNode on a TreeWalker give entry and exit of
    // each element, which is where block boundaries are; one pass, no callbacks.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const blocks: boolean[] = [];
    let node: Node | null = walker.firstChild();
    while (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        visit((node as Text).data, node as Text);
      } else {
        const layout = layoutOf(node as Element, view);
        if (layout !== 'skip') {
          const block = layout === 'block';
          if (block) {
            owed = length > 0;
            blockEdge = true;
          }
          const child = walker.firstChild();
          if (child) {
            blocks.push(block);
            node = child;
            continue;
          }
          if (block) {
            owed = length > 0;
            blockEdge = true;
          }
        }
      }
      node = walker.nextSibling();
      while (!node) {
        const parent = walker.parentNode();
        if (parent === null || parent === root) break;
        if (blocks.pop()) {
          owed = length > 0;
          blockEdge = true;
        }
        node = walker.nextSibling();
      }
    }
  }

  return new NormalisedText(root, chunks.join(''), nodes, starts, owedSpace, breaks);
}

/**
 * Walks one text node's characters the way the regex pass did, reporting for
 * each emitted character where it sits in the node. `visit` returns true to stop.
 */
function replay(
  node: Text,
  owedAtStart: boolean,
  emittedBefore: number,
  visit: (index: number, rawStart: number, rawEnd: number) => boolean,
): void {
  const data = node.data;
  let owed = owedAtStart && emittedBefore > 0;
  let index = 0;
  for (let raw = 0; raw < data.length; raw++) {
    const code = data.charCodeAt(raw);
    if (ignoredCodes.has(code)) continue;
    if (spaceCodes.has(code)) {
      owed = emittedBefore + index > 0;
      continue;
    }
    if (owed) {
      // The collapsed space has no character of its own here: zero width, before this one.
      if (visit(index, raw, raw)) return;
      index++;
      owed = false;
    }
    if (visit(index, raw, raw + 1)) return;
    index++;
  }
}

class NormalisedText implements TextModel {
  #indexOfNode: Map<Text, number> | undefined;

  constructor(
    readonly root: Node,
    readonly text: string,
    private readonly nodes: Text[],
    private readonly starts: number[],
    private readonly owedSpace: boolean[],
    private readonly breaks: ReadonlySet<number>,
  ) {}

  isBreak(offset: number): boolean {
    return this.breaks.has(offset);
  }

  range(start: number, end: number): Range {
    if (!(start >= 0 && end > start && end <= this.text.length)) {
      throw new RangeError(`No text between ${start} and ${end} (text length ${this.text.length})`);
    }
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const range = doc.createRange();
    const [startNode, startOffset] = this.#point(start, 'start');
    const [endNode, endOffset] = this.#point(end - 1, 'end');
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  offsetOf(container: Node, offset: number): number {
    if (container.nodeType === Node.TEXT_NODE) {
      this.#indexOfNode ??= new Map(this.nodes.map((node, i) => [node, i]));
      const i = this.#indexOfNode.get(container as Text);
      if (i !== undefined) {
        const start = this.starts[i]!;
        let before = 0;
        replay(container as Text, this.owedSpace[i]!, start, (index, rawStart) => {
          if (rawStart >= offset) return true;
          before = index + 1;
          return false;
        });
        return start + before;
      }
    }
    // An element boundary, or text we do not count: the offset where the next
    // counted text node begins. Nodes are in document order, so bisect.
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const point = doc.createRange();
    point.setStart(container, offset);
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (point.comparePoint(this.nodes[mid]!, 0) < 0) low = mid + 1;
      else high = mid;
    }
    return low < this.nodes.length ? this.starts[low]! : this.text.length;
  }

  /** Where character `at` of the text begins (`start`) or ends (`end`) in the DOM. */
  #point(at: number, side: 'start' | 'end'): [Text, number] {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    const node = this.nodes[low]!;
    const target = at - this.starts[low]!;
    let found = side === 'start' ? 0 : node.length;
    replay(node, this.owedSpace[low]!, this.starts[low]!, (index, rawStart, rawEnd) => {
      if (index < target) return false;
      found = side === 'start' ? rawStart : rawEnd;
      return true;
    });
    return [node, found];
  }
}
