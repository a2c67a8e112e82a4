/**
 * Paints a range without disturbing the page. Where the browser has the CSS
 * Custom Highlight API, nothing in the DOM changes at all; elsewhere the text is
 * wrapped in <vigie-mark> elements styled to add no box, margin or event target.
 *
 * Theming: the `--vigie-highlight` custom property sets the colour.
 */

export interface HighlightOptions {
  /** Written as data-vigie-id on the wrapping elements, to tell highlights apart. */
  id?: string;
  /** 'auto' (default): the Custom Highlight API when available, elements otherwise. */
  method?: 'auto' | 'custom-highlight' | 'elements';
}

/** Name in CSS.highlights, so the page's ::highlight(vigie) rule can be found and styled. */
export const HIGHLIGHT_NAME = 'vigie';
export const MARK_TAG = 'vigie-mark';

const colour = 'var(--vigie-highlight, rgb(255 213 0 / 0.45))';

// `all: unset` takes back whatever the page's CSS says about unknown elements;
// inline and without padding, margin or border, the mark adds no box of its own.
// Events go through it to the page's own element, as if it were not there.
const markStyle = `all: unset !important; background-color: ${colour} !important; pointer-events: none !important;`;

/**
 * Highlights `range` and returns the function that takes the highlight away.
 * With elements, removal puts back the page's own Text nodes, merged as before,
 * so `innerHTML` is what it was. Live Ranges pointing inside wrapped text are
 * moved by the DOM when it is wrapped: re-anchor rather than keep them.
 */
export function highlight(range: Range, options: HighlightOptions = {}): () => void {
  const { method = 'auto', id } = options;
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const view = doc.defaultView;
  const canPaint = view !== null && 'highlights' in view.CSS && typeof view.Highlight === 'function';
  if (method === 'custom-highlight' && !canPaint) {
    throw new Error('This browser has no CSS Custom Highlight API');
  }
  const remove = method !== 'elements' && canPaint ? paint(range, view) : wrap(range, id);
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    remove();
  };
}

const sheets = new WeakMap<Document, CSSStyleSheet>();

function paint(range: Range, view: Window & typeof globalThis): () => void {
  const doc = view.document;
  const registry = view.CSS.highlights;
  let painted = registry.get(HIGHLIGHT_NAME);
  if (!painted) {
    painted = new view.Highlight();
    registry.set(HIGHLIGHT_NAME, painted);
  }
  if (!sheets.has(doc)) {
    // Adopted, not a <style>: the page's DOM stays untouched.
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(`::highlight(${HIGHLIGHT_NAME}) { background-color: ${colour}; }`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    sheets.set(doc, sheet);
  }
  // Our own copy, so the caller moving their Range does not move the highlight.
  const own = range.cloneRange();
  painted.add(own);
  return () => {
    painted.delete(own);
    if (painted.size > 0 || registry.get(HIGHLIGHT_NAME) !== painted) return;
    registry.delete(HIGHLIGHT_NAME);
    const sheet = sheets.get(doc);
    sheets.delete(doc);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

// Elements in these would be shown as text, break a script, or not be rendered.
const cannotHoldMarks = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'TITLE',
  'OPTION',
  'OPTGROUP',
  'SELECT',
]);
const xhtml = 'http://www.w3.org/1999/xhtml';

/** Text nodes our splits created: on removal they go back into the node they came from. */
const splitOffs = new WeakSet<Text>();

function wrap(range: Range, id: string | undefined): () => void {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const pieces = textPiecesIn(range, doc);
  const marks: HTMLElement[] = [];
  for (const { node, start, end } of pieces) {
    // Split so the page's original node keeps the leading part and stays in place.
    if (end < node.length) splitOffs.add(node.splitText(end));
    let target = node;
    if (start > 0) {
      target = node.splitText(start);
      splitOffs.add(target);
    }
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('style', markStyle);
    mark.setAttribute('data-vigie-highlight', '');
    if (id !== undefined) mark.setAttribute('data-vigie-id', id);
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return () => {
    const parents = new Set<Node>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parents.add(parent);
    }
    for (const parent of parents) mergeSplitOffs(parent);
  };
}

function mergeSplitOffs(parent: Node): void {
  let child = parent.firstChild;
  while (child) {
    const next = child.nextSibling;
    const previous = child.previousSibling;
    if (child.nodeType === Node.TEXT_NODE && splitOffs.has(child as Text) && previous?.nodeType === Node.TEXT_NODE) {
      (previous as Text).appendData((child as Text).data);
      child.remove();
    }
    child = next;
  }
}

interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

function textPiecesIn(range: Range, doc: Document): TextPiece[] {
  const pieces: TextPiece[] = [];
  const consider = (node: Text): void => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end <= start || node.data.slice(start, end).trim() === '') return;
    const parent = node.parentElement;
    if (!parent || parent.namespaceURI !== xhtml || cannotHoldMarks.has(parent.tagName)) return;
    pieces.push({ node, start, end });
  };

  const common = range.commonAncestorContainer;
  if (common.nodeType === Node.TEXT_NODE) {
    consider(common as Text);
    return pieces;
  }
  const walker = doc.createTreeWalker(common, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  let node: Node | null = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (range.comparePoint(node, 0) > 0) break;
    if (range.intersectsNode(node)) consider(node as Text);
  }
  return pieces;
}
