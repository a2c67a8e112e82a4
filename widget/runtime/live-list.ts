import type { Contribution } from '../../api-client/contract';
import type { LiveEvent } from '../../api-client/live';

/** What changed in a list of contributions, for the live region; undefined when the event was not about it. */
export type LiveChange = 'added' | 'answered' | 'counted' | 'removed';

export interface LiveListResult {
  items: Contribution[];
  change: LiveChange;
}

/**
 * A list as it stands after one live event, or undefined when the event changes nothing in
 * it. `prepend` adds a new contribution on top (the newest-first list); otherwise it goes at
 * the end, and only when the list is complete (no page after it), so a paged list never shows
 * it in the wrong place. The list never reorders under the reader: counts change in place.
 */
export function withLiveEvent(
  items: readonly Contribution[],
  event: Exclude<LiveEvent, { type: 'reset' }>,
  placement: { prepend: boolean; complete: boolean },
): LiveListResult | undefined {
  const at = items.findIndex((c) => c.id === event.data.id);
  switch (event.type) {
    case 'contribution':
      if (at >= 0) return undefined;
      if (placement.prepend) return { items: [event.data, ...items], change: 'added' };
      return placement.complete ? { items: [...items, event.data], change: 'added' } : undefined;
    case 'answer':
      if (at < 0) return undefined;
      return { items: items.map((c, i) => (i === at ? event.data : c)), change: 'answered' };
    case 'counts': {
      if (at < 0) return undefined;
      const { supportCount, replyCount } = event.data;
      return { items: items.map((c, i) => (i === at ? { ...c, supportCount, replyCount } : c)), change: 'counted' };
    }
    case 'removed':
      if (at < 0) return undefined;
      return { items: items.filter((_, i) => i !== at), change: 'removed' };
  }
}
