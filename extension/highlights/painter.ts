import { highlight } from '../../api-client/anchoring';
import type { Contribution } from '../../api-client/contract';
import type { HighlighterOptions, PageSpot } from '../content/chunks';
import { pageUiStrings } from '../i18n/page-ui';

/** A passage as painted: one highlight and one marker for every contribution on the same words. */
interface Group {
  range: Range;
  /** Its words when painted: a page that rewrites them makes the group stale. */
  words: string;
  contributions: Contribution[];
  marker: HTMLButtonElement;
  unpaint(): void;
}

export interface Placed {
  contribution: Contribution;
  range: Range;
}

export interface Painter {
  /**
   * Paints exactly these passages. A passage already painted on the same words
   * keeps its highlight and its marker (and the focus, if it has it): a page
   * that changes elsewhere sees nothing flicker.
   */
  show(placed: readonly Placed[]): void;
  /** Whether the contribution is painted on words that are still there as they were. */
  holds(id: string): boolean;
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

const wordsOf = (range: Range) => range.toString().replace(/\s+/g, ' ').trim();

const sameRange = (a: Range, b: Range) =>
  a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;

/**
 * The published contributions where their passages are, which the citizen opens
 * by clicking the highlighted words or, from the keyboard, a small marker button
 * after each passage (a CSS highlight cannot take focus).
 */
export function createPainter(options: HighlighterOptions): Painter {
  const { signal } = options;
  const t = pageUiStrings[options.locale];
  const layer = options.host.layer('highlights', css);
  let groups: Group[] = [];

  const label = (group: Group) => {
    const short = group.words.length > 60 ? `${group.words.slice(0, 57)}…` : group.words;
    group.marker.textContent = String(group.contributions.length);
    group.marker.setAttribute('aria-label', t.marker(group.contributions.length, short));
  };
  const place = () => {
    for (const group of groups) {
      const spot = spotOf(group.range);
      group.marker.hidden = spot.bottom === spot.top && spot.left === spot.right; // not rendered now
      group.marker.style.left = `${spot.right + 2}px`;
      group.marker.style.top = `${spot.top - 12}px`;
    }
  };
  const paint = (range: Range, first: Contribution): Group => {
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'marker';
    const group: Group = {
      range,
      words: wordsOf(range),
      contributions: [first],
      marker,
      unpaint: highlight(range, { id: first.id }),
    };
    marker.addEventListener('click', () => options.onActivate(group.contributions, spotOf(group.range), marker));
    layer.append(marker);
    return group;
  };
  const stale = (group: Group) => group.range.collapsed || wordsOf(group.range) !== group.words;

  // The page's layout moves: markers follow, once per frame at most.
  let frame = 0;
  const replace = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  };
  addEventListener('resize', replace, { signal });
  const resizes = new ResizeObserver(replace);
  resizes.observe(document.documentElement);

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
    for (const group of groups) {
      group.unpaint();
      group.marker.remove();
    }
    groups = [];
  });

  return {
    show(placed) {
      const kept = new Set<Group>();
      const next: Group[] = [];
      for (const { contribution, range } of placed) {
        // Several contributions on the same words share one highlight and one marker.
        const shared = next.find((g) => sameRange(g.range, range));
        if (shared) {
          if (!shared.contributions.includes(contribution)) shared.contributions.push(contribution);
          continue;
        }
        const painted = groups.find((g) => !kept.has(g) && sameRange(g.range, range) && !stale(g));
        if (painted) {
          kept.add(painted);
          painted.contributions = [contribution];
          next.push(painted);
        } else {
          next.push(paint(range, contribution));
        }
      }
      for (const group of groups) {
        if (kept.has(group)) continue;
        group.unpaint();
        group.marker.remove();
      }
      groups = next;
      groups.forEach(label);
      place();
    },
    holds: (id) => groups.some((g) => g.contributions.some((c) => c.id === id) && !stale(g)),
  };
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
