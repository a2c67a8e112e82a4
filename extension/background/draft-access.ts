/** The tab and page origin a content script wrote a draft from. */
export interface DraftOwner {
  tabId: number;
  origin: string;
}

/** Browser storage the registry can live in (storage.session, or memory). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'draftOwners';
const MAX_ENTRIES = 500;

export interface DraftAccess {
  grant(id: string, owner: DraftOwner): Promise<void>;
  /** A content script may touch a draft only from the tab and the origin that wrote it. */
  allows(id: string, owner: DraftOwner): Promise<boolean>;
  forget(id: string): Promise<void>;
}

/**
 * Which content script may read and change which draft. A page shares its
 * renderer with our content script, so a compromised or hostile page could speak
 * in its name: scoping each draft to the tab and origin that wrote it means such
 * a page reaches at most the words typed on that very page, in that very tab.
 * Kept in storage.session: it outlives the worker's naps, not the browser; after
 * a restart, drafts are continued from the side panel, an extension page.
 */
export function createDraftAccess(area: KeyValueArea): DraftAccess {
  // Writes one after the other: a read-modify-write must not lose a concurrent grant.
  let queue: Promise<unknown> = Promise.resolve();
  const read = async () => {
    const value = (await area.get(KEY))[KEY];
    return typeof value === 'object' && value !== null ? (value as Record<string, DraftOwner>) : {};
  };
  const update = (change: (owners: Record<string, DraftOwner>) => void) => {
    const next = queue.then(async () => {
      const owners = await read();
      change(owners);
      const ids = Object.keys(owners);
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_ENTRIES))) delete owners[id];
      await area.set({ [KEY]: owners });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    grant: (id, owner) => update((owners) => void (owners[id] = { tabId: owner.tabId, origin: owner.origin })),
    forget: (id) => update((owners) => void delete owners[id]),
    async allows(id, owner) {
      await queue;
      const found = (await read())[id];
      return found !== undefined && found.tabId === owner.tabId && found.origin === owner.origin;
    },
  };
}

/** For browsers without storage.session: the registry lasts as long as the background. */
export function memoryArea(): KeyValueArea {
  const items = new Map<string, unknown>();
  return {
    get: (key) => Promise.resolve(items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}
