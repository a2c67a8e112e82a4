import { afterEach } from 'vitest';
import { createSyncEngine, type DraftStore, type SyncEngineOptions, type SyncReport } from '../../api-client/drafts';
import { aDraftInput, createClock, createFakePlatform, freshStore, seededRandom } from './sync-fakes';

/** Closed after each test, last opened first. */
export const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store, a fake platform and an engine on one hand-moved clock; no timer, no connectivity events. */
export function setup(options: Partial<SyncEngineOptions> & { storeOptions?: Parameters<typeof freshStore>[0] } = {}) {
  const clock = createClock();
  const platform = createFakePlatform({ now: clock.now });
  const store = freshStore({ now: clock.now, ...options.storeOptions });
  const engine = engineFor(store, platform.client, { now: clock.now, ...options });
  cleanups.push(() => store.close());
  return { clock, platform, store, engine };
}

export function engineFor(
  store: DraftStore,
  client: SyncEngineOptions['client'],
  options: Partial<SyncEngineOptions> = {},
) {
  const engine = createSyncEngine({
    store,
    client,
    random: seededRandom(7),
    schedule: null,
    connectivity: null,
    ...options,
  });
  cleanups.push(() => engine.stop());
  return engine;
}

/** A valid draft, queued; its id. */
export async function queued(store: DraftStore, overrides: Parameters<typeof aDraftInput>[0] = {}) {
  const draft = await store.create(aDraftInput(overrides));
  const result = await store.queue(draft.id);
  if (!result.ok) throw new Error(result.sentences.en);
  return draft.id;
}

/** The counts of a push that was not skipped. */
export function counts(report: SyncReport) {
  if (report.skipped) throw new Error(report.message);
  return report;
}
