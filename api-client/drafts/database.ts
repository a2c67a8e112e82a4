import { Dexie, type EntityTable } from 'dexie';
import type { Draft, LinkState } from './schema';
import type { DeviceKey, SupportRecord } from './support-record';

export type DraftsDatabase = Dexie & {
  drafts: EntityTable<Draft, 'id'>;
  /** The outbox's own bookkeeping (backoff shared across tabs and restarts). */
  sync: EntityTable<LinkState, 'key'>;
  /** "Moi aussi" pressed on this device: one record per contribution, the last intent (support-record.ts). */
  supports: EntityTable<SupportRecord, 'contributionId'>;
  /** Secrets this device made once and never sends (the supporter secret). */
  device: EntityTable<DeviceKey, 'key'>;
};

export interface DatabaseOptions {
  dbName: string;
  /** Another IndexedDB (fake-indexeddb in Node); the global one otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export function openDraftsDatabase(options: DatabaseOptions): DraftsDatabase {
  // liveQuery runs nothing unless Dexie's global dependencies name an IndexedDB; in
  // a realm that has none (Node with fake-indexeddb), the injected one stands in.
  if (options.indexedDB && !Dexie.dependencies.indexedDB) {
    Dexie.dependencies.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) Dexie.dependencies.IDBKeyRange = options.IDBKeyRange;
  }
  const db = new Dexie(options.dbName, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as DraftsDatabase;
  db.version(1).stores({
    // [state+nextAttemptAt] is the outbox: queued drafts whose time has come, oldest first.
    drafts: 'id, state, [state+nextAttemptAt]',
    sync: 'key',
  });
  // Version 2 adds tables only: drafts written by version 1 are read as they are.
  db.version(2).stores({
    // The same outbox index as drafts': queued supports whose time has come.
    supports: 'contributionId, [state+nextAttemptAt]',
    device: 'key',
  });
  return db;
}
