import type { Selector, TextQuoteSelector } from '../../api-client/contract';
import { PassageChoice } from '../messaging/protocol';
import type { KeyValueArea } from './draft-access';

const KEY = 'passageChoices';
/** Far more than a citizen answers; the oldest answers go first beyond it. */
const MAX_ENTRIES = 1000;
/** Places refused for one contribution: a page that keeps changing does not grow it for ever. */
const MAX_REFUSED = 10;

interface Stored extends PassageChoice {
  /** The page the choice was made on: it applies there only. */
  url: string;
  at: number;
}

export interface PassageChoices {
  /** This device's choices for these contributions of the page at `url`. */
  of(url: string, ids: readonly string[]): Promise<Record<string, PassageChoice>>;
  /** "C'est ici": these selectors are where the passage is now; tried first from now on. */
  confirm(url: string, id: string, selectors: Selector[]): Promise<void>;
  /** "Ce n'est pas ici": this place is not offered again. */
  refuse(url: string, id: string, place: TextQuoteSelector): Promise<void>;
}

/**
 * What the citizen answered when Vigie offered a possible match for a published
 * contribution's passage. Kept in the extension's own storage (storage.local),
 * never in the page's: what a citizen reads and judges stays on the device.
 * Read-modify-writes go one after the other, as in draft-access.
 */
export function createPassageChoices(area: KeyValueArea, now: () => number = Date.now): PassageChoices {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, Stored>> => {
    const value = (await area.get(KEY))[KEY];
    if (typeof value !== 'object' || value === null) return {};
    const entries: Record<string, Stored> = {};
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      const parsed = PassageChoice.safeParse(entry);
      const { url, at } = (entry ?? {}) as Partial<Stored>;
      if (parsed.success && typeof url === 'string' && typeof at === 'number')
        entries[id] = { ...parsed.data, url, at };
    }
    return entries;
  };
  const update = (id: string, url: string, change: (entry: Stored) => void): Promise<void> => {
    const next = queue.then(async () => {
      const entries = await read();
      const entry: Stored = entries[id]?.url === url ? { ...entries[id], at: now() } : { url, notHere: [], at: now() };
      change(entry);
      entries[id] = entry;
      const ids = Object.keys(entries).sort((a, b) => entries[a]!.at - entries[b]!.at);
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_ENTRIES))) delete entries[old];
      await area.set({ [KEY]: entries });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    async of(url, ids) {
      await queue;
      const entries = await read();
      const found: Record<string, PassageChoice> = {};
      for (const id of ids) {
        const entry = entries[id];
        if (entry?.url === url) found[id] = { ...(entry.here && { here: entry.here }), notHere: entry.notHere };
      }
      return found;
    },
    confirm: (url, id, selectors) =>
      update(id, url, (entry) => {
        entry.here = selectors;
      }),
    refuse: (url, id, place) =>
      update(id, url, (entry) => {
        entry.notHere = [...entry.notHere, place].slice(-MAX_REFUSED);
      }),
  };
}
