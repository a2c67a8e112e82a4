import { anchorAll } from '../../api-client/anchoring';
import type { OwnPassagesOptions, OwnPassagesPainter } from '../content/chunks';
import { pageUiStrings } from '../i18n/page-ui';
import type { OwnPassage } from '../messaging/protocol';
import { watchPageText } from './page-watch';

/*
 * Not the page's CSS highlight registry, which the published passages share: the page
 * can read that one (CSS.highlights is the document's), and a passage the citizen wrote
 * about, not public yet, is theirs alone. So these are boxes drawn in our closed shadow
 * root, over the words, which no script of the page can reach; a dashed underline and
 * hatching tell them from the published ones' plain yellow.
 */
const css = `
.own { position: absolute; pointer-events: none; box-sizing: border-box;
  border-bottom: 2px dashed #6a6af4;
  background: repeating-linear-gradient(135deg, rgb(106 106 244 / 0.16) 0 6px, transparent 6px 12px); }
.own-marker { position: absolute; box-sizing: border-box; padding: 0 6px; border-radius: 4px;
  font: 700 12px/18px Marianne, Arial, sans-serif; color: #000091; background: #fff;
  border: 1px dashed #000091; white-space: nowrap; }
.own-marker[hidden], .own[hidden] { display: none; }
`;

interface Painted {
  passage: OwnPassage;
  range: Range;
  boxes: HTMLElement[];
  marker: HTMLElement;
}

/** The citizen's own passages on this page, sent and not public yet, for their eyes only. */
export function startOwnPassages(options: OwnPassagesOptions): OwnPassagesPainter {
  const { signal } = options;
  const t = pageUiStrings[options.locale];
  const layer = options.host.layer('own-passages', css);
  let passages: OwnPassage[] = [];
  let painted: Painted[] = [];

  const clear = () => {
    for (const p of painted) for (const element of [...p.boxes, p.marker]) element.remove();
    painted = [];
  };

  const place = (p: Painted) => {
    for (const box of p.boxes) box.remove();
    const rects = [...p.range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    p.boxes = rects.map((r) => {
      const box = document.createElement('div');
      box.className = 'own';
      Object.assign(box.style, {
        left: `${r.left + scrollX}px`,
        top: `${r.top + scrollY}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
      return box;
    });
    layer.prepend(...p.boxes);
    const last = rects.at(-1);
    p.marker.hidden = !last;
    if (last)
      Object.assign(p.marker.style, { left: `${last.right + scrollX + 2}px`, top: `${last.top + scrollY - 14}px` });
  };

  const paint = async () => {
    const results = await anchorAll(
      document.body,
      passages.map((p) => p.selectors),
      { signal },
    );
    clear();
    passages.forEach((passage, i) => {
      const result = results[i];
      if (result?.kind !== 'anchored') return; // not found as sent: nothing to mark, it is listed in the panel
      const words = result.range.toString().replace(/\s+/g, ' ').trim();
      const short = words.length > 60 ? `${words.slice(0, 57)}…` : words;
      const marker = document.createElement('span');
      marker.className = 'own-marker';
      marker.setAttribute('role', 'img');
      marker.setAttribute('aria-label', t.ownPassage(passage.stage, short));
      marker.textContent = t.ownBadge;
      layer.append(marker);
      const p: Painted = { passage, range: result.range, boxes: [], marker };
      place(p);
      painted.push(p);
    });
  };

  let frame = 0;
  const replace = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => painted.forEach(place));
  };
  addEventListener('resize', replace, { signal });
  const resizes = new ResizeObserver(replace);
  resizes.observe(document.documentElement);
  watchPageText({ signal, ours: (node) => options.host.contains(node), onChange: () => void paint().catch(stopped) });
  signal.addEventListener('abort', () => {
    resizes.disconnect();
    cancelAnimationFrame(frame);
    clear();
  });

  return {
    show(next) {
      passages = next;
      return paint();
    },
  };
}

/** A cycle cut short by the feature's end is not an error. */
function stopped(error: unknown): void {
  if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('[vigie] anchoring failed', error);
}
