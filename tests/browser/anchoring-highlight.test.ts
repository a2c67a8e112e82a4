/// <reference types="vite/client" />
import { expect, it } from 'vitest';
import { anchor, describe, highlight, HIGHLIGHT_NAME, MARK_TAG } from '../../api-client/anchoring';
import planHtml from '../fixtures/plan-gouvernement-ouvert.html?raw';
import { rangeBetween, rangeOfText, showPage, textNodesOf } from '../support/anchoring-dom';

/** Every box on the page and every word's box: what a reader would see move. */
function layoutOf(root: HTMLElement): string[] {
  const boxes = [...root.querySelectorAll('*')]
    .filter((e) => e.localName !== MARK_TAG)
    .map((e) => `${e.localName} ${JSON.stringify(e.getBoundingClientRect())}`);
  const text = root.textContent ?? '';
  const words = [...text.matchAll(/\S+/g)].filter((_, i) => i % 7 === 0);
  const nodes = textNodesOf(root);
  const wordBoxes = words.map((w) => {
    const range = document.createRange();
    let seen = 0;
    for (const node of nodes) {
      if (w.index < seen + node.length) {
        range.setStart(node, w.index - seen);
        range.setEnd(node, Math.min(node.length, w.index - seen + w[0].length));
        break;
      }
      seen += node.length;
    }
    return `${w[0]} ${JSON.stringify(range.getBoundingClientRect())}`;
  });
  return [...boxes, ...wordBoxes];
}

it('with elements, removing the highlight gives back the page exactly, down to its own Text nodes', () => {
  const body = showPage(planHtml);
  const main = body.querySelector('main')!;
  const html = main.innerHTML;
  const nodes = textNodesOf(main);
  const range = rangeBetween(body, 'institution pilote', 'Extrait des engagements');

  const remove = highlight(range, { method: 'elements', id: 'contribution-1' });
  const marks = [...main.querySelectorAll(MARK_TAG)];
  expect(marks.map((m) => m.textContent)).toEqual([
    "institution pilote. Son avancement est évalué par le mécanisme\n        d'évaluation indépendant du PGO.",
    'Extrait des engagements',
  ]);
  expect(marks.every((m) => m.getAttribute('data-vigie-id') === 'contribution-1')).toBe(true);
  expect(main.innerHTML).not.toBe(html);

  remove();
  expect(main.innerHTML).toBe(html);
  const after = textNodesOf(main);
  expect(after.length).toBe(nodes.length);
  expect(after.every((node, i) => node === nodes[i])).toBe(true);
  remove();
  expect(main.innerHTML).toBe(html);
});

it('with elements, overlapping highlights can be removed in any order', () => {
  const body = showPage(planHtml);
  const html = body.innerHTML;
  const nodes = textNodesOf(body);
  const first = highlight(rangeOfText(body, 'données essentielles des marchés publics'), { method: 'elements' });
  const second = highlight(rangeOfText(body, 'marchés publics seront publiées'), { method: 'elements' });
  const third = highlight(rangeOfText(body, 'essentielles'), { method: 'elements' });
  expect(body.querySelectorAll(MARK_TAG).length).toBeGreaterThanOrEqual(3);
  second();
  first();
  expect(body.innerHTML).not.toBe(html);
  third();
  expect(body.innerHTML).toBe(html);
  expect(textNodesOf(body).every((node, i) => node === nodes[i])).toBe(true);
});

it('with elements, a highlight moves nothing on the page, even under hostile CSS', () => {
  const body = showPage(planHtml);
  const hostile = 'main p * { padding: 3px; border: 2px solid; margin: 4px; display: inline-block; font-size: 30px; }';
  body.insertAdjacentHTML('afterbegin', `<style>${hostile}</style>`);
  const main = body.querySelector('main')!;
  const before = layoutOf(main);
  const remove = highlight(rangeBetween(body, 'Le partenariat réunit', 'Sa co-construction'), { method: 'elements' });
  const marks = [...main.querySelectorAll<HTMLElement>(MARK_TAG)];
  expect(marks.length).toBeGreaterThan(1);
  for (const mark of marks) {
    const style = getComputedStyle(mark);
    const box = [style.display, style.margin, style.padding, style.borderStyle, style.pointerEvents];
    expect(box).toEqual(['inline', '0px', '0px', 'none', 'none']);
  }
  expect(layoutOf(main)).toEqual(before);
  remove();
  expect(layoutOf(main)).toEqual(before);
});

it('with elements, the page still gets clicks on highlighted words on its own element', () => {
  const body = showPage('<p>Consultez <a href="#engagements" id="lien">la liste des engagements</a> en ligne.</p>');
  const link = body.querySelector<HTMLAnchorElement>('#lien')!;
  const targets: EventTarget[] = [];
  link.addEventListener('click', (event) => {
    event.preventDefault();
    targets.push(event.target!);
  });
  highlight(rangeOfText(body, 'liste des'), { method: 'elements' });
  const box = body.querySelector(MARK_TAG)!.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  expect(hit).toBe(link);
  (hit as HTMLElement).click();
  expect(targets).toEqual([link]);
});

it('with the CSS Custom Highlight API, the page is not touched at all', () => {
  const body = showPage(planHtml);
  const html = body.innerHTML;
  const sheets = document.adoptedStyleSheets.length;
  const found = anchor(body, describe(rangeOfText(body, 'Rendre la commande publique plus transparente', 1)));
  if (found.kind !== 'anchored') throw new Error(`Not anchored: ${found.kind}`);
  const first = highlight(found.range);
  const second = highlight(rangeOfText(body, 'Jalon 2'));

  expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(2);
  expect(body.innerHTML).toBe(html);
  expect(document.adoptedStyleSheets.length).toBe(sheets + 1);
  const rules = [...document.adoptedStyleSheets.at(-1)!.cssRules].map((r) => r.cssText);
  expect(rules.join('')).toContain(`::highlight(${HIGHLIGHT_NAME})`);

  first();
  first();
  expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(1);
  second();
  expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
  expect(document.adoptedStyleSheets.length).toBe(sheets);
  expect(body.innerHTML).toBe(html);
});

it('paints its own copy of the range, so the caller moving theirs does not move the highlight', () => {
  const body = showPage(planHtml);
  const range = rangeOfText(body, 'Calendrier', 1);
  const remove = highlight(range);
  range.collapse();
  const [painted] = [...CSS.highlights.get(HIGHLIGHT_NAME)!] as AbstractRange[];
  expect(painted!.collapsed).toBe(false);
  remove();
});
