import { anchorAll, highlight } from '../../api-client/anchoring';
import type { Contribution } from '../../api-client/contract';
import type { HighlighterOptions, PageSpot } from '../content/chunks';
import { pageUiStrings } from '../i18n/page-ui';

interface Group {
  range: Range;
  contributions: Contribution[];
  marker: HTMLButtonElement;
}

const css = `
.marker {
  all: unset; box-sizing: border-box; position: absolute; cursor: pointer;
  min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
  font: 700 12px/20px Marianne, Arial, sans-serif; text-align: center;
  color: #fff; background: #000091; box-shadow: 0 1px 3px rgb(0 0 18 / 0.3);
}
.marker[hidden] { display: none; }
.marker:hover { background: #1212ff; }
.marker:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
`;

const interactive = 'a, button, input, select, textarea, label, summary, [contenteditable]';

/**
 * Paints the published contributions where their passages are, and lets the
 * citizen open them: by clicking the highlighted words, or with a small marker
 * button after each passage, which is what the keyboard reaches (a CSS
 * highlight cannot take focus). Anchoring yields to the page between slices;
 * what does not anchor is reported as an orphan, for the side panel to list.
 */
export async function startHighlighter(options: HighlighterOptions): Promise<void> {
  const { signal, contributions } = options;
  const t = pageUiStrings[options.locale];
  const results = await anchorAll(
    document.body,
    contributions.map((c) => c.target.selectors),
    { signal },
  );
  signal.throwIfAborted();
  options.onAnchored({ orphanIds: contributions.flatMap((c, i) => (results[i]!.kind === 'anchored' ? [] : [c.id])) });
  const ranges = results.map((r) => (r.kind === 'anchored' ? r.range : null));

  const layer = options.host.layer('highlights', css);
  const groups: Group[] = [];
  const removers: Array<() => void> = [];
  ranges.forEach((range, index) => {
    if (!range) return;
    const contribution = contributions[index]!;
    // Several contributions on the same words share one highlight and one marker.
    const same = groups.find(
      (g) =>
        g.range.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
        g.range.compareBoundaryPoints(Range.END_TO_END, range) === 0,
    );
    if (same) {
      same.contributions.push(contribution);
      return;
    }
    removers.push(highlight(range, { id: contribution.id }));
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'marker';
    const group: Group = { range, contributions: [contribution], marker };
    marker.addEventListener('click', () => options.onActivate(group.contributions, spotOf(group.range), marker));
    groups.push(group);
    layer.append(marker);
  });

  const label = () => {
    for (const group of groups) {
      const quote = group.range.toString().replace(/\s+/g, ' ').trim();
      const short = quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
      group.marker.textContent = String(group.contributions.length);
      group.marker.setAttribute('aria-label', t.marker(group.contributions.length, short));
    }
  };
  const place = () => {
    for (const group of groups) {
      const spot = spotOf(group.range);
      group.marker.hidden = spot.bottom === spot.top && spot.left === spot.right; // not rendered now
      group.marker.style.left = `${spot.right + 2}px`;
      group.marker.style.top = `${spot.top - 12}px`;
    }
  };
  label();
  place();

  // The page's layout moves: markers follow, once per frame at most.
  let frame = 0;
  const replace = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  };
  addEventListener('resize', replace, { signal });
  const resizes = new ResizeObserver(replace);
  resizes.observe(document.body);

  document.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0 || !document.getSelection()?.isCollapsed) return;
      const target = event.target as Element | null;
      if (target?.closest?.(interactive) || options.host.contains(target)) return;
      const point = caretAt(event.clientX, event.clientY);
      if (!point) return;
      const group = groups.find((g) => g.range.isPointInRange(point.node, point.offset));
      if (group) options.onActivate(group.contributions, spotOf(group.range), group.marker);
    },
    { signal },
  );

  signal.addEventListener('abort', () => {
    resizes.disconnect();
    cancelAnimationFrame(frame);
    for (const remove of removers) remove();
    for (const group of groups) group.marker.remove();
  });
}

/** The end of a passage, in document coordinates: where its marker and popover go. */
function spotOf(range: Range): PageSpot {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return {
    top: last.top + scrollY,
    bottom: last.bottom + scrollY,
    left: last.left + scrollX,
    right: last.right + scrollX,
  };
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
