/**
 * The drift benchmark's story, in the browser: readers quote the first version
 * of the code (anchoring-drift-text), then it is revised into a second version
 * the way codes are amended, each revision aimed at a look-alike:
 *
 * - term-deleted: the quoted "tutelle" paragraph is deleted, its "curatelle"
 *   sibling kept (right answer: orphan);
 * - term-kept: a quote in the sibling that stays (right answer: its place);
 * - shared-reworded / shared-deleted / shared-context: the quoted article's copy
 *   of a sentence it shares with its neighbour is reworded (its place), deleted
 *   (orphan: the neighbour's copy is the trap), or left while the sentences
 *   around it are rewritten (its place);
 * - generic-deleted / generic-kept: a short generic phrase whose paragraph is
 *   deleted (orphan: it is still said elsewhere, in other words) or kept;
 * - untouched, edited (one word reworded inside), moved (its article moved far):
 *   ordinary drift. Paragraphs are inserted too, so nearly everything moves.
 *
 * Right answers come from the DOM itself: live Ranges follow every edit.
 */
import { shuffle } from './anchoring-drift-text';
import { rangeAtRawOffsets } from './anchoring-dom';
import { sentence } from './anchoring-legal-code';

export const driftKinds = [
  'term-deleted',
  'term-kept',
  'shared-reworded',
  'shared-deleted',
  'shared-context',
  'generic-deleted',
  'generic-kept',
  'untouched',
  'edited',
  'moved',
] as const;
export type DriftKind = (typeof driftKinds)[number];

export type DriftPlan = Record<DriftKind, number> & { insertions: number };

export interface DriftQuotes {
  /** Live Ranges over the quoted words of the first version. */
  ranges: Range[];
  kinds: DriftKind[];
  /** Turns the page into the second version; where each quote should now be found, or null. */
  revise(): (Range | null)[];
}

/**
 * Characters of context quotes kept on each side before `describe` kept 64; a deleted look-alike
 * must differ within them, and so within a new quote's 64 as well.
 */
const CONTEXT = 32;

const words = (text: string) => [...text.matchAll(/\S+/g)];

/** A word-aligned range of `count` words (or fewer) inside `element`, starting at word `first`. */
function wordSpan(element: Node, first: number, count: number): Range {
  const all = words(element.textContent ?? '');
  const start = all[first]!;
  const end = all[Math.min(all.length, first + count) - 1]!;
  return rangeAtRawOffsets(element, start.index, end.index + end[0].length);
}

export function quoteForDrift(root: HTMLElement, plan: DriftPlan, random: () => number): DriftQuotes {
  const ranges: Range[] = [];
  const kinds: DriftKind[] = [];
  const used = new Set<Element>();
  const revisions: Array<() => void> = [];
  const quote = (range: Range, kind: DriftKind, paragraph: Element) => {
    ranges.push(range);
    kinds.push(kind);
    used.add(paragraph);
  };
  const quota = (kind: DriftKind) => plan[kind] - kinds.filter((k) => k === kind).length;

  // Sibling paragraphs: quotes in the one deleted (whose words or context hold its term), and in a kept one.
  const groups = new Map<string, HTMLElement[]>();
  for (const p of root.querySelectorAll<HTMLElement>('p[data-drift="term"]')) {
    groups.set(p.dataset.group!, [...(groups.get(p.dataset.group!) ?? []), p]);
  }
  for (const siblings of shuffle([...groups.values()], random)) {
    if (quota('term-deleted') <= 0 && quota('term-kept') <= 0) break;
    const [deleted, kept] = shuffle([...siblings], random);
    if (quota('term-deleted') > 0) {
      const text = deleted!.textContent;
      const term = deleted!.dataset.term!;
      const at = text.indexOf(term);
      const all = words(text);
      for (let tries = 0, taken = 0; tries < 30 && taken < 1 + Math.floor(random() * 2); tries++) {
        const count = 2 + Math.floor(random() * 12);
        const first = Math.floor(random() * Math.max(1, all.length - count + 1));
        const start = all[first]!.index;
        const last = all[Math.min(all.length, first + count) - 1]!;
        const end = last.index + last[0].length;
        // A quote whose words and context read the same in the sibling cannot be told from it: not asked.
        if (at + term.length <= start - CONTEXT || at >= end + CONTEXT) continue;
        if (ranges.some((r) => deleted!.contains(r.startContainer) && r.toString() === text.slice(start, end)))
          continue;
        quote(wordSpan(deleted!, first, count), 'term-deleted', deleted!);
        taken++;
      }
      revisions.push(() => deleted!.remove());
    }
    if (kept && quota('term-kept') > 0) {
      const count = 3 + Math.floor(random() * 12);
      const all = words(kept.textContent);
      quote(wordSpan(kept, Math.floor(random() * Math.max(1, all.length - count + 1)), count), 'term-kept', kept);
    }
  }

  // Sentences shared by two neighbouring articles: the first copy is quoted, then revised.
  const pairs = [...root.querySelectorAll<HTMLElement>('span[data-drift="shared"][data-copy="1"]')].filter((span) =>
    root.querySelector(`span[data-drift="shared"][data-copy="2"][data-group="${span.dataset.group}"]`),
  );
  const sharedKinds = ['shared-reworded', 'shared-deleted', 'shared-context'] as const;
  for (const span of shuffle(pairs, random)) {
    const kind = sharedKinds.find((k) => quota(k) > 0);
    if (!kind) break;
    const all = words(span.textContent);
    const whole = random() < 0.5 || all.length < 7;
    const count = whole ? all.length : 5 + Math.floor(random() * (all.length - 5));
    const first = whole ? 0 : Math.floor(random() * (all.length - count + 1));
    const range = wordSpan(span, first, count);
    quote(range, kind, span.parentElement!);
    if (kind === 'shared-reworded') revisions.push(() => rewordOneWord(range, random));
    else if (kind === 'shared-deleted') revisions.push(() => span.remove());
    else revisions.push(() => rewriteAround(span, random));
  }

  // Generic phrases: the phrase alone is quoted.
  const phrases = [...root.querySelectorAll<HTMLElement>('article > p:not([data-drift]) span[data-drift="generic"]')];
  for (const span of shuffle(phrases, random)) {
    const kind = quota('generic-deleted') > 0 ? 'generic-deleted' : quota('generic-kept') > 0 ? 'generic-kept' : null;
    if (!kind) break;
    const paragraph = span.parentElement!;
    if (used.has(paragraph) || paragraph.querySelector('[data-drift="shared"]')) continue;
    quote(wordSpan(span, 0, 99), kind, paragraph);
    if (kind === 'generic-deleted') revisions.push(() => paragraph.remove());
  }

  // Ordinary quotes of 5 to 30 words, one per paragraph.
  const ordinary = shuffle(
    [...root.querySelectorAll<HTMLElement>('article > p:not([data-drift])')].filter(
      (p) => !used.has(p) && !p.querySelector('[data-drift="shared"]'),
    ),
    random,
  );
  const movedArticles = new Set<Element>();
  for (const p of ordinary) {
    const kind = (['untouched', 'edited', 'moved'] as const).find((k) => quota(k) > 0);
    if (!kind) break;
    const all = words(p.textContent);
    if (all.length < 12) continue;
    const article = p.closest('article')!;
    if (kind === 'moved' && movedArticles.has(article)) continue;
    const count = Math.min(all.length, 5 + Math.floor(random() * 26));
    const range = wordSpan(p, Math.floor(random() * (all.length - count + 1)), count);
    if (kind === 'edited' && words(range.toString()).length < 8) continue;
    quote(range, kind, p);
    if (kind === 'edited') revisions.push(() => rewordOneWord(range, random));
    if (kind === 'moved') movedArticles.add(article);
  }
  for (const kind of driftKinds)
    if (quota(kind) > 0) throw new Error(`Only ${plan[kind] - quota(kind)} ${kind} quotes`);

  return {
    ranges,
    kinds,
    revise() {
      const expected: (Range | null)[] = ranges.map((r) => r.cloneRange());
      // Deleted quotes have no place: known before their nodes go.
      kinds.forEach((kind, i) => {
        if (kind.endsWith('-deleted')) expected[i] = null;
      });
      for (const revision of revisions) revision();
      // A moved article takes its nodes along; Ranges inside it are rebuilt on the same nodes.
      const articles = [...root.querySelectorAll('article')];
      for (const article of movedArticles) {
        const inside = expected.flatMap((r, i) => (r && article.contains(r.startContainer) ? [i] : []));
        const points = inside.map((i) => {
          const r = expected[i]!;
          return [r.startContainer, r.startOffset, r.endContainer, r.endOffset] as const;
        });
        let elsewhere = article;
        while (elsewhere === article) elsewhere = articles[Math.floor(random() * articles.length)]!;
        elsewhere.before(article);
        inside.forEach((i, k) => {
          const [sc, so, ec, eo] = points[k]!;
          const r = document.createRange();
          r.setStart(sc, so);
          r.setEnd(ec, eo);
          expected[i] = r;
        });
      }
      for (let i = 0; i < plan.insertions; i++) {
        const article = articles[Math.floor(random() * articles.length)]!;
        const p = document.createElement('p');
        p.textContent = `Modifié par la loi n° 2025-${100 + i} du ${1 + (i % 28)} juin 2025 (ajout ${i + 1}).`;
        article.querySelector('h4')!.after(p);
      }
      for (const element of root.querySelectorAll('[data-drift]')) {
        for (const name of ['data-drift', 'data-group', 'data-copy', 'data-term']) element.removeAttribute(name);
      }
      return expected;
    },
  };
}

const replacements = ['notamment', 'également', 'toutefois', 'obligatoirement', 'au besoin', 'en principe'];

/** Replaces one word strictly inside the range (not its first or last), as an editor would, in one Text node. */
function rewordOneWord(range: Range, random: () => number): void {
  const nodes: { node: Text; from: number; to: number; at: number }[] = [];
  let seen = 0;
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE || !range.intersectsNode(node)) continue;
    const text = node as Text;
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    nodes.push({ node: text, from, to, at: seen });
    seen += to - from;
  }
  for (const target of shuffle(words(range.toString()).slice(1, -1), random)) {
    const home = nodes.find((n) => target.index >= n.at && target.index + target[0].length <= n.at + n.to - n.from);
    if (!home) continue;
    const replacement = replacements.find((r) => r !== target[0] && random() < 0.5) ?? 'désormais';
    home.node.replaceData(home.from + target.index - home.at, target[0].length, replacement);
    return;
  }
  throw new Error(`No word of "${range.toString()}" lies in one text node`);
}

/** The other sentences of the paragraph around `span` are rewritten; the span's own words stay. */
function rewriteAround(span: HTMLElement, random: () => number): void {
  const paragraph = span.parentElement!;
  const fresh = (): DocumentFragment => {
    const template = document.createElement('template');
    template.innerHTML = ` ${sentence(random, [])} `;
    return template.content;
  };
  const before = [...paragraph.childNodes].slice(0, [...paragraph.childNodes].indexOf(span));
  const after = [...paragraph.childNodes].slice([...paragraph.childNodes].indexOf(span) + 1);
  const hadBefore = before.some((n) => n.textContent!.trim());
  const hadAfter = after.some((n) => n.textContent!.trim());
  for (const node of [...before, ...after]) node.remove();
  if (hadBefore || !hadAfter) span.before(fresh());
  if (hadAfter || !hadBefore) span.after(fresh());
}
