export type PersistenceResult = 'granted' | 'denied' | 'unavailable';

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

/**
 * Asks the browser not to evict the drafts under storage pressure. Without it, a
 * citizen's unsent words live in "best effort" storage that the browser may clear.
 * 'unavailable' where the context has no StorageManager (Node, some workers, old
 * browsers) or refuses the question (an opaque origin).
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator
    ?.storage,
): Promise<PersistenceResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unavailable';
  }
}
