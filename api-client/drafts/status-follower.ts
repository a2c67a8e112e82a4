import { BATCH_MAX_ITEMS, type OwnContributionStatus } from '../contract';
import { VigieHttpError, type VigieClient } from '../http';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { platformStateOf, seenWithin } from './platform-state';
import type { Draft, LinkState } from './schema';
import { internalsOf, type DraftStore } from './store';

export interface StatusFollowerOptions {
  store: DraftStore;
  client: Pick<VigieClient, 'contributionStatuses'>;
  /** Only the drafts this client shows (the widget: the page's); all by default. */
  only?: (draft: Draft) => boolean;
  backoff?: BackoffOptions;
  now?: () => number;
  random?: () => number;
}

export type StatusRefresh =
  | { asked: number; requests: number; updated: number }
  /** No request made: nothing sent to ask about, the link is backing off, or the last answer is recent enough. */
  | { skipped: 'nothing-sent' | 'backing-off' | 'fresh' };

export interface StatusFollower {
  /**
   * Asks the platform what became of this device's sent contributions, at most 100 a
   * request, and keeps the answers in their drafts. Never asks about a draft the platform
   * never received, nor about a withdrawn one; makes no request when there is none, while
   * a failed request's backoff runs, or when the last answer is younger than `ifOlderThanMs`.
   */
  refresh(options?: { ifOlderThanMs?: number }): Promise<StatusRefresh>;
}

const STATUS_KEY = 'status' as const;

/** What can be asked about: received by the platform, not withdrawn, and proven by a secret this device kept. */
export function followable(draft: Draft): draft is Draft & { withdrawalSecret: string } {
  return draft.state === 'synced' && draft.withdrawalSecret !== undefined && draft.platform?.status !== 'withdrawn';
}

/**
 * Follows what becomes of sent contributions. Its link backs off like the sync engine's
 * (exponential with full jitter, never before Retry-After), in its own record of the
 * database, so an MV3 worker that sleeps or a reloaded page does not start over; and
 * several refreshes asked at once (the side panel opens while the alarm fires) make one.
 */
export function createStatusFollower(options: StatusFollowerOptions): StatusFollower {
  const { store } = options;
  const { db } = internalsOf(store);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const readLink = async (): Promise<LinkState> =>
    (await db.sync.get(STATUS_KEY)) ?? { key: STATUS_KEY, failures: 0, retryAfterUntil: 0 };
  let running: Promise<StatusRefresh> | undefined;

  async function keep(answers: readonly OwnContributionStatus[], at: number): Promise<number> {
    if (answers.length === 0) return 0;
    return db.transaction('rw', db.drafts, async () => {
      const drafts = await db.drafts.bulkGet(answers.map((a) => a.id));
      const changed: Draft[] = [];
      answers.forEach((answer, i) => {
        const draft = drafts[i];
        // Forgotten meanwhile, or no longer what was asked about: nothing to keep.
        if (!draft || draft.state !== 'synced') return;
        const platform = platformStateOf(answer, at);
        const seen = seenWithin(draft.seen, platform.replyCount);
        changed.push({ ...draft, platform, ...(seen === undefined ? {} : { seen }) });
      });
      await db.drafts.bulkPut(changed);
      return changed.length;
    });
  }

  async function failed(error: unknown): Promise<void> {
    const link = await readLink();
    const failures = link.failures + 1;
    const retryAfterMs =
      error instanceof VigieHttpError && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
    const wait = Math.max(backoffDelay(failures, random, backoff), retryAfterMs);
    await db.sync.put({ ...link, failures, retryAfterUntil: now() + wait });
  }

  async function run(ifOlderThanMs: number | undefined): Promise<StatusRefresh> {
    const link = await readLink();
    if (link.retryAfterUntil > now()) return { skipped: 'backing-off' };
    if (ifOlderThanMs !== undefined && link.answeredAt !== undefined && now() - link.answeredAt < ifOlderThanMs) {
      return { skipped: 'fresh' };
    }
    const asked = (await store.list({ state: 'synced' })).filter(
      (draft): draft is Draft & { withdrawalSecret: string } => followable(draft) && (options.only?.(draft) ?? true),
    );
    if (asked.length === 0) return { skipped: 'nothing-sent' };
    let requests = 0;
    let updated = 0;
    for (let from = 0; from < asked.length; from += BATCH_MAX_ITEMS) {
      const batch = asked.slice(from, from + BATCH_MAX_ITEMS);
      requests++;
      let answers: OwnContributionStatus[];
      try {
        answers = await options.client.contributionStatuses(
          batch.map((d) => ({ id: d.id, secret: d.withdrawalSecret })),
        );
      } catch (error) {
        await failed(error);
        throw error;
      }
      updated += await keep(answers, now());
    }
    await db.sync.put({ key: STATUS_KEY, failures: 0, retryAfterUntil: 0, answeredAt: now() });
    return { asked: asked.length, requests, updated };
  }

  return {
    refresh(refreshOptions) {
      running ??= run(refreshOptions?.ifOlderThanMs).finally(() => (running = undefined));
      return running;
    },
  };
}
