// No import: the extension's content script shows counts too, and must not pull the database in.

/**
 * The platform's count with an intent it has not acknowledged yet, unless the count already
 * moved that way since the press (`countAtPress`): the live stream can bring the count that
 * holds the intent before the request's own answer arrives, and it must not count twice.
 */
export function countWithIntent(platformCount: number, delta: -1 | 0 | 1, countAtPress: number | undefined): number {
  if (delta === 0) return platformCount;
  if (countAtPress !== undefined && (delta > 0 ? platformCount > countAtPress : platformCount < countAtPress)) {
    return platformCount;
  }
  return Math.max(0, platformCount + delta);
}

/** A count the platform gave, and when it was given (epoch ms). */
export interface CountAt {
  count: number;
  at: number;
}

/**
 * The platform's freshest count of a contribution: the one a list or the live stream gave,
 * unless the answer to this device's last « Moi aussi » came since. That answer holds this
 * device's intent; a list read after it holds it too, and everyone else's since.
 */
export function freshestCount(counted: CountAt, answer: CountAt | undefined): number {
  return answer !== undefined && answer.at > counted.at ? answer.count : counted.count;
}
