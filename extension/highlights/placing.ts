import { anchorAll, buildTextModel, describe, samePlace, type AnchorResult } from '../../api-client/anchoring';
import type { Contribution, TextQuoteSelector } from '../../api-client/contract';
import type { PassageChoice } from '../messaging/protocol';

/**
 * Where each contribution's passage is on the page today, with what the
 * citizen said on this device: the place they confirmed ("C'est ici") is
 * tried first, then the passage as published; a possible match at a place
 * they refused ("Ce n'est pas ici") is an orphan, not offered again.
 */
export async function placeContributions(
  contributions: readonly Contribution[],
  choices: Readonly<Record<string, PassageChoice>>,
  signal: AbortSignal,
): Promise<AnchorResult[]> {
  const confirmed = contributions.map((c) => choices[c.id]?.here);
  const results = await anchorAll(
    document.body,
    contributions.map((c, i) => confirmed[i] ?? c.target.selectors),
    { signal },
  );
  // The confirmed place changed again: the passage as published may still be found.
  const again = contributions.flatMap((_, i) => (confirmed[i] && results[i]!.kind !== 'anchored' ? [i] : []));
  if (again.length > 0) {
    const published = await anchorAll(
      document.body,
      again.map((i) => contributions[i]!.target.selectors),
      { signal },
    );
    again.forEach((i, k) => {
      const second = published[k]!;
      if (second.kind === 'anchored' || results[i]!.kind === 'orphan') results[i] = second;
    });
  }

  const refusing = contributions.flatMap((c, i) =>
    results[i]!.kind === 'possible' && (choices[c.id]?.notHere.length ?? 0) > 0 ? [i] : [],
  );
  if (refusing.length > 0) {
    const model = buildTextModel(document.body);
    for (const i of refusing) {
      const result = results[i]!;
      if (result.kind !== 'possible') continue;
      const place = quoteOf(result.range, model);
      if (place && choices[contributions[i]!.id]!.notHere.some((refused) => samePlace(refused, place))) {
        results[i] = { kind: 'orphan' };
      }
    }
  }
  return results;
}

/** The words of a place with their context, as the citizen's answer about it is kept. */
export function quoteOf(range: Range, model = buildTextModel(document.body)): TextQuoteSelector | undefined {
  try {
    return describe(range, model)[0];
  } catch {
    return undefined; // nothing visible left, or too long to quote: nothing to compare
  }
}
