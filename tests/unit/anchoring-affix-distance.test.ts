import { describe, expect, it } from 'vitest';
import { affixDistance } from '../../api-client/anchoring/affix-distance';
import { seededRandom } from '../support/anchoring-legal-code';

describe('the distance of a recorded context to the text next to a place', () => {
  it('is the number of edits, pinned at the edge and free at the far end', () => {
    const text = 'Le juge statue dans un délai de deux mois. La décision est notifiée.';
    const edge = text.indexOf(' La décision');
    // Read backwards from the edge, the prefix "délai de deux mois." with one word inserted: one edit per letter.
    expect(affixDistance('un délai de deux mois.', text, edge, -1, 33)).toBe(0);
    expect(affixDistance('un délai de mois.', text, edge, -1, 25)).toBe(5);
    // Free at the far end: what follows the affix's last character costs nothing.
    expect(affixDistance(' La', text, edge, 1, 4)).toBe(0);
    expect(affixDistance(' Le', text, edge, 1, 4)).toBe(1);
  });

  it('counts what the table counts, for contexts of 1 to 64 characters read either way', () => {
    const random = seededRandom(12);
    for (let trial = 0; trial < 20_000; trial++) {
      // Few letters, typographic ones among them: many near matches, the hard case for the bits.
      const letters = 'aeé’ sd'.slice(0, 2 + Math.floor(random() * 6));
      const words = (length: number) =>
        Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
      const affix = words(1 + Math.floor(random() * 64));
      const text = random() < 0.3 ? `${words(12)}${affix}${words(12)}` : words(20 + Math.floor(random() * 150));
      const direction = random() < 0.5 ? -1 : 1;
      const edge = Math.floor(random() * (text.length + 1));
      const available = direction < 0 ? edge : text.length - edge;
      const window = Math.min(available, affix.length + (affix.length >> 1));
      expect(affixDistance(affix, text, edge, direction, window)).toBe(table(affix, text, edge, direction, window));
    }
  });
});

/** The textbook table, row by row: what the bits must count. */
function table(affix: string, text: string, edge: number, direction: -1 | 1, window: number): number {
  const m = affix.length;
  const row = Int32Array.from({ length: window + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const a = direction < 0 ? affix.charCodeAt(m - i) : affix.charCodeAt(i - 1);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= window; j++) {
      const b = direction < 0 ? text.charCodeAt(edge - j) : text.charCodeAt(edge + j - 1);
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a === b ? 0 : 1));
      diagonal = above;
    }
  }
  return Math.min(m, ...row);
}
