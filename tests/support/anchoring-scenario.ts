/**
 * The same story for the large-page tests and the benchmark: readers quote
 * passages of a long legal page, then the page is republished with new
 * paragraphs, reworded passages and deleted ones. Runs in the browser.
 */
import { buildTextModel, describe } from '../../api-client/anchoring';
import { rangeAtRawOffsets, withContext } from './anchoring-dom';

export interface QuotePlan {
  quotes: number;
  /** Paragraphs of new text inserted at random places, shifting everything below. */
  insertions: number;
  /** Quotes with one word replaced in their middle: only approximate matching finds them. */
  edits: number;
  /**
   * Quotes whose paragraph is removed (right answer: orphan). Quotes whose words
   * are said elsewhere on the page too are chosen first: the copy is the trap.
   * Only a quote whose context on both sides is repeated with it is never
   * chosen: nobody could tell that copy from the original.
   */
  deletions: number;
}

export interface Republished {
  /** Deleted quotes whose words are still said elsewhere on the page. */
  saidElsewhere: number;
  /** Where each quote should be found now: the live Range the DOM kept up to date, or null when deleted. */
  expected: (Range | null)[];
  edited: number[];
  deleted: number[];
}

const replacements = ['notamment', 'également', 'toutefois', 'obligatoirement', 'au besoin', 'en principe'];
const insertedSentences = [
  'Le présent article a été modifié par la loi du 10 août 2018 pour un État au service d’une société de confiance.',
  'Une circulaire du Premier ministre précise les conditions de mise en œuvre de ces dispositions.',
  'Voir aussi le rapport annuel de la commission sur l’application de ce chapitre.',
];

/** Paragraphs a reader can quote: visible body text of articles. */
export function quotableParagraphs(root: ParentNode): HTMLParagraphElement[] {
  return [...root.querySelectorAll<HTMLParagraphElement>('article > p:not([hidden]):not(.note-technique)')];
}

/** `count` word-aligned quotes of 5 to 30 words, each in its own paragraph, some across <em> or <a>. */
export function pickQuotes(root: ParentNode, count: number, random: () => number): Range[] {
  const paragraphs = shuffle(quotableParagraphs(root), random);
  const ranges: Range[] = [];
  for (const p of paragraphs) {
    if (ranges.length === count) break;
    const words = [...(p.textContent ?? '').matchAll(/\S+/g)];
    if (words.length < 6) continue;
    const length = Math.min(words.length, 5 + Math.floor(random() * 26));
    const first = Math.floor(random() * (words.length - length + 1));
    const start = words[first]!;
    const end = words[first + length - 1]!;
    ranges.push(rangeAtRawOffsets(p, start.index, end.index + end[0].length));
  }
  if (ranges.length < count) throw new Error(`Only ${ranges.length} quotable paragraphs`);
  return ranges;
}

/** Republishes the page: inserts paragraphs, rewords some quotes, deletes the paragraphs of others. */
export function republish(
  root: ParentNode,
  ranges: readonly Range[],
  plan: QuotePlan,
  random: () => number,
): Republished {
  const order = shuffle(
    ranges.map((_, i) => i),
    random,
  );
  const model = buildTextModel(root);
  const occurrences = (words: string): number => {
    let count = 0;
    for (let at = model.text.indexOf(words); at !== -1 && count < 2; at = model.text.indexOf(words, at + 1)) count++;
    return count;
  };
  // Told apart on 32 characters of context, as when this story was written: which quotes are
  // deleted does not depend on how much context describe records today.
  const quotes = ranges.map((range) => withContext(describe(range, model), 32)[0]);
  const decidable = order.filter((i) => {
    const { prefix = '', exact, suffix = '' } = quotes[i]!;
    return occurrences(prefix + exact + suffix) === 1;
  });
  const saidElsewhere = decidable.filter((i) => occurrences(quotes[i]!.exact) > 1);
  const deleted = [...saidElsewhere, ...decidable.filter((i) => !saidElsewhere.includes(i))].slice(0, plan.deletions);
  const edited: number[] = [];
  for (const index of order) {
    if (edited.length === plan.edits) break;
    if (!deleted.includes(index) && rewordMiddle(ranges[index]!, random)) edited.push(index);
  }
  const expected: (Range | null)[] = [...ranges];
  for (const index of deleted) {
    const range = ranges[index]!;
    (range.startContainer.parentElement!.closest('p') as HTMLElement).remove();
    expected[index] = null;
  }
  const articles = [...root.querySelectorAll('article')];
  for (let i = 0; i < plan.insertions; i++) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const p = document.createElement('p');
    p.textContent = `${insertedSentences[i % insertedSentences.length]} (ajout ${i + 1})`;
    article.querySelector('h5')!.after(p);
  }
  return {
    expected,
    edited: edited.sort((a, b) => a - b),
    deleted: deleted.sort((a, b) => a - b),
    saidElsewhere: deleted.filter((i) => saidElsewhere.includes(i)).length,
  };
}

/** Replaces one word well inside the quote, within one Text node, as an editor would. */
function rewordMiddle(range: Range, random: () => number): boolean {
  const common = range.commonAncestorContainer;
  const scope = common.nodeType === Node.TEXT_NODE ? common.parentNode! : common;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const quote = range.toString();
  const words = [...quote.matchAll(/\S+/g)];
  if (words.length < 10) return false;
  // Skip the first and last three words: the edit is inside, not at the edges.
  const target = words[3 + Math.floor(random() * (words.length - 6))]!;
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    if (target.index >= seen && target.index + target[0].length <= seen + (to - from)) {
      const offset = from + target.index - seen;
      const replacement = replacements.find((r) => r !== target[0] && random() < 0.5) ?? 'désormais';
      node.replaceData(offset, target[0].length, replacement);
      return true;
    }
    seen += to - from;
  }
  return false;
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
