import type { Contribution } from '../../api-client/contract';
import type { LiveEvent } from '../../api-client/live';

/**
 * A page's published contributions as the side panel shows them: the list read from the
 * platform, kept up to date by the live stream's events, without a reload.
 */
export interface LiveList {
  /** The address contributions are filed under. */
  url: string;
  /** Its contributions (replies apart), as the platform holds them now. */
  items: Contribution[];
  /** When the platform was asked for them (epoch ms); the stream's events are newer still. */
  readAt: number;
  /** Replies published since the list was read, by parent, oldest first. */
  replies: ReadonlyMap<string, readonly Contribution[]>;
  /** Replies that left public view since (hidden, withdrawn). */
  removedReplies: ReadonlySet<string>;
  /** Support counts the stream gave for what is not in `items` (replies, shown under their parent). */
  otherCounts: ReadonlyMap<string, number>;
}

export function liveListOf(url: string, items: Contribution[], readAt: number): LiveList {
  return { url, items, readAt, replies: new Map(), removedReplies: new Set(), otherCounts: new Map() };
}

const replaced = (items: readonly Contribution[], next: Contribution) =>
  items.some((c) => c.id === next.id) ? items.map((c) => (c.id === next.id ? next : c)) : undefined;

/**
 * The list after one event; `reload` when the platform says it no longer knows what the
 * client missed (`reset`): the list must be read again.
 */
export function applyLiveEvent(list: LiveList, event: LiveEvent): LiveList | 'reload' {
  switch (event.type) {
    case 'reset':
      return 'reload';
    case 'contribution':
    case 'answer': {
      const c = event.data;
      if (c.parentId !== undefined) {
        const thread = list.replies.get(c.parentId) ?? [];
        const replies = new Map(list.replies);
        replies.set(c.parentId, replaced(thread, c) ?? [...thread, c]);
        return { ...list, replies };
      }
      // New ones first, as the list reads; an answer changes the one it answers.
      const items = replaced(list.items, c) ?? (event.type === 'contribution' ? [c, ...list.items] : list.items);
      return { ...list, items };
    }
    case 'counts': {
      const { id, supportCount, replyCount } = event.data;
      if (!list.items.some((c) => c.id === id)) {
        return { ...list, otherCounts: new Map([...list.otherCounts, [id, supportCount]]) };
      }
      return { ...list, items: list.items.map((c) => (c.id === id ? { ...c, supportCount, replyCount } : c)) };
    }
    case 'removed': {
      const { id, parentId } = event.data;
      if (parentId !== undefined) {
        const replies = new Map(list.replies);
        replies.set(
          parentId,
          (replies.get(parentId) ?? []).filter((r) => r.id !== id),
        );
        return { ...list, replies, removedReplies: new Set([...list.removedReplies, id]) };
      }
      return { ...list, items: list.items.filter((c) => c.id !== id) };
    }
  }
}

/** What of an event concerns this device's own contributions: published, answered, replied to, removed. */
export function ownIdsIn(event: LiveEvent, own: ReadonlyMap<string, { replyCount?: number | undefined }>): string[] {
  switch (event.type) {
    case 'contribution':
      return [event.data.id, event.data.parentId ?? ''].filter((id) => own.has(id));
    case 'answer':
    case 'removed':
      return own.has(event.data.id) ? [event.data.id] : [];
    case 'counts': {
      // Support is not news to the author; a reply is.
      const known = own.get(event.data.id);
      return known && (known.replyCount ?? 0) !== event.data.replyCount ? [event.data.id] : [];
    }
    case 'reset':
      return [];
  }
}
