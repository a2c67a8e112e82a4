import { liveQuery } from 'dexie';

/**
 * The one shape UI code subscribes to, whatever the framework: a Preact signal
 * (`watch.subscribe((v) => (signal.value = v))` in an effect) or a Lit reactive
 * controller (subscribe in hostConnected, call the returned function in
 * hostDisconnected, requestUpdate on each value).
 */
export interface Watchable<T> {
  subscribe(onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
}

/** A Dexie live query as a Watchable: re-runs whenever the tables it read change. */
export function watchQuery<T>(query: () => Promise<T>): Watchable<T> {
  return {
    subscribe(onValue, onError) {
      const subscription = liveQuery(query).subscribe({
        next: onValue,
        error: onError ?? ((error: unknown) => console.error('[vigie] a live query failed', error)),
      });
      return () => subscription.unsubscribe();
    },
  };
}

/** A value held in memory that tells its subscribers when it changes (the engine's state). */
export type Value<T> = Watchable<T> & { get(): T; set(value: T): void };

export function createValue<T>(initial: T): Value<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => current,
    set(value) {
      current = value;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(onValue) {
      listeners.add(onValue);
      onValue(current);
      return () => listeners.delete(onValue);
    },
  };
}
