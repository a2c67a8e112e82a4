/**
 * How far a quote's recorded prefix or suffix is from the text next to a place:
 * the fewest edits turning `affix` into some stretch of the text that starts at
 * `edge` and runs away from the place (backwards when `direction` is -1), at
 * most `window` characters of it. Pinned at the edge, free at the far end, so
 * a word inserted in the context costs one edit, not a shift of all after it.
 *
 * Every candidate place of every quote is weighed this way, and a context of
 * 64 characters against a window of 96 is 6,144 cells of the textbook table:
 * the cost of anchoring a long page. The columns of the table are computed 64
 * cells at a time instead (Myers' bit-vector algorithm, in Hyyrö's form for
 * edit distance, in two 32-bit words; tests/unit checks it against the
 * table). The contract allows no more than 64 characters of context: an
 * affix longer than that is read no farther than its 64 nearest.
 */
export function affixDistance(affix: string, text: string, edge: number, direction: -1 | 1, window: number): number {
  const near = affix.length <= 64 ? affix : direction < 0 ? affix.slice(-64) : affix.slice(0, 64);
  return bitParallel(near, text, edge, direction, window);
}

/** For each character, the bits of the affix positions (read away from the edge) that hold it. */
let equal = { affix: '', direction: 0, low: new Map<number, number>(), high: new Map<number, number>() };

function positionsOf(affix: string, direction: -1 | 1): typeof equal {
  // A quote's candidates are weighed one after another: its affixes come back many times in a row.
  if (equal.affix === affix && equal.direction === direction) return equal;
  const low = new Map<number, number>();
  const high = new Map<number, number>();
  for (let i = 0; i < affix.length; i++) {
    const c = direction < 0 ? affix.charCodeAt(affix.length - 1 - i) : affix.charCodeAt(i);
    if (i < 32) low.set(c, (low.get(c) ?? 0) | (1 << i));
    else high.set(c, (high.get(c) ?? 0) | (1 << (i - 32)));
  }
  equal = { affix, direction, low, high };
  return equal;
}

function bitParallel(affix: string, text: string, edge: number, direction: -1 | 1, window: number): number {
  const m = affix.length;
  if (m === 0) return 0;
  const { low, high } = positionsOf(affix, direction);
  // The last row of the table, D(m, j), in one bit of the low or the high word.
  const lastLow = m <= 32 ? 1 << (m - 1) : 0;
  const lastHigh = m > 32 ? 1 << (m - 33) : 0;
  // Vertical deltas of the first column, D(i, 0) = i: all +1.
  let plusLow = -1;
  let plusHigh = -1;
  let minusLow = 0;
  let minusHigh = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < window; j++) {
    const c = direction < 0 ? text.charCodeAt(edge - 1 - j) : text.charCodeAt(edge + j);
    const eqLow = low.get(c) ?? 0;
    const eqHigh = high.get(c) ?? 0;
    const xvLow = eqLow | minusLow;
    const xvHigh = eqHigh | minusHigh;
    // (Eq & VP) + VP across the two words.
    const sumLow = ((eqLow & plusLow) >>> 0) + (plusLow >>> 0);
    const carry = sumLow > 0xffffffff ? 1 : 0;
    const xhLow = ((sumLow | 0) ^ plusLow) | eqLow;
    const xhHigh = ((((eqHigh & plusHigh) + plusHigh + carry) | 0) ^ plusHigh) | eqHigh;
    let phLow = minusLow | ~(xhLow | plusLow);
    let phHigh = minusHigh | ~(xhHigh | plusHigh);
    let mhLow = plusLow & xhLow;
    let mhHigh = plusHigh & xhHigh;
    if ((phLow & lastLow) | (phHigh & lastHigh)) score++;
    else if ((mhLow & lastLow) | (mhHigh & lastHigh)) score--;
    if (score < best) best = score;
    // Down one row; the first row, D(0, j) = j, grows by one: pinned at the edge.
    phHigh = (phHigh << 1) | (phLow >>> 31);
    phLow = (phLow << 1) | 1;
    mhHigh = (mhHigh << 1) | (mhLow >>> 31);
    mhLow <<= 1;
    plusLow = mhLow | ~(xvLow | phLow);
    plusHigh = mhHigh | ~(xvHigh | phHigh);
    minusLow = phLow & xvLow;
    minusHigh = phHigh & xvHigh;
  }
  return best;
}
