import { gapTypes, type GapType } from '../../api-client/contract';
import type { PublicCount } from '../storage/storage';

/** What the pages say about a set of published contributions, in figures. */
export interface Tally {
  comments: number;
  gaps: number;
  gapsByType: Record<GapType, number>;
  answered: number;
  total: number;
}

export function emptyTally(): Tally {
  return {
    comments: 0,
    gaps: 0,
    gapsByType: Object.fromEntries(gapTypes.map((type) => [type, 0])) as Record<GapType, number>,
    answered: 0,
    total: 0,
  };
}

function add(tally: Tally, row: PublicCount): void {
  tally.total += row.count;
  tally.answered += row.answered;
  if (row.kind === 'comment') tally.comments += row.count;
  else {
    tally.gaps += row.count;
    // A gap always has its type (the contract requires it); "other" keeps the sum right if not.
    tally.gapsByType[row.gapType ?? 'other'] += row.count;
  }
}

/** The storage's grouped counts, summed up per commitment (contributions without one are left out). */
export function tallyByCommitment(rows: readonly PublicCount[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    if (row.commitmentId === null) continue;
    let tally = tallies.get(row.commitmentId);
    if (!tally) tallies.set(row.commitmentId, (tally = emptyTally()));
    add(tally, row);
  }
  return tallies;
}

/** The storage's grouped counts, summed up whole. */
export function tallyOf(rows: readonly PublicCount[]): Tally {
  const tally = emptyTally();
  for (const row of rows) add(tally, row);
  return tally;
}
