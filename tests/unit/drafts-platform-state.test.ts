import { describe, expect, it } from 'vitest';
import type { OwnContributionStatus } from '../../api-client/contract';
import {
  countNews,
  createStatusFollower,
  describeDraft,
  describeOwnSummary,
  hasNews,
  newsKeyOf,
  ownStateOf,
  platformStateOf,
  type Draft,
  type PlatformState,
} from '../../api-client/drafts';
import { internalsOf } from '../../api-client/drafts/store';
import { VigieHttpError, VigieNetworkError } from '../../api-client/http';
import { aDraft, aDraftInput, createClock, freshStore, seededRandom } from '../support/sync-fakes';

const received = (status: 'pending' | 'published') => ({ server: { status, receivedAt: '2026-12-01T10:00:00Z' } });
const said = (state: Omit<PlatformState, 'checkedAt'>): { platform: PlatformState } => ({
  platform: { ...state, checkedAt: 1 },
});

describe('what the platform says, kept on the device', () => {
  it('maps every field of the status route, and nothing it did not say', () => {
    const answer: OwnContributionStatus = {
      id: 'x',
      status: 'hidden',
      moderationReason: 'offensive',
      reply: { body: 'Propos retirés.', at: '2026-12-02T08:00:00Z' },
    };
    expect(platformStateOf(answer, 42)).toEqual({
      status: 'hidden',
      reason: 'offensive',
      reply: { body: 'Propos retirés.', at: '2026-12-02T08:00:00Z' },
      checkedAt: 42,
    });
    expect(platformStateOf({ id: 'y', status: 'withdrawn', withdrawn: '2026-12-03T00:00:00Z' }, 7)).toEqual({
      status: 'withdrawn',
      withdrawnAt: '2026-12-03T00:00:00Z',
      checkedAt: 7,
    });
    expect(platformStateOf({ id: 'z', status: 'pending' }, 1)).toEqual({ status: 'pending', checkedAt: 1 });
    const official = {
      body: 'Le registre sera en ligne en mars.',
      status: 'answered' as const,
      organisation: 'Ministère de l’Économie',
      at: '2026-12-05T10:00:00Z',
      firstAt: '2026-12-04T10:00:00Z',
    };
    expect(platformStateOf({ id: 'a', status: 'published', answer: official }, 3)).toEqual({
      status: 'published',
      answer: official,
      checkedAt: 3,
    });
  });
});

describe('news for the badge', () => {
  it('counts a publication, a hiding, a rejection and a reply since the citizen last looked; not what they knew when it left', () => {
    const publishedOnArrival = aDraft('synced', received('published'));
    const stillPending = aDraft('synced', { ...received('pending'), ...said({ status: 'pending' }) });
    const publishedSince = aDraft('synced', { ...received('pending'), ...said({ status: 'published' }) });
    const hidden = aDraft('synced', { ...received('published'), ...said({ status: 'hidden', reason: 'spam' }) });
    const rejected = aDraft('synced', { ...received('pending'), ...said({ status: 'rejected', reason: 'off-topic' }) });
    const replied = aDraft('synced', {
      ...received('published'),
      ...said({ status: 'published', reply: { body: 'Merci.', at: '2026-12-02T00:00:00Z' } }),
    });
    expect([publishedOnArrival, stillPending].map(hasNews)).toEqual([false, false]);
    expect([publishedSince, hidden, rejected, replied].map(hasNews)).toEqual([true, true, true, true]);
    expect(countNews([publishedOnArrival, stillPending, publishedSince, hidden, rejected, replied])).toBe(4);
  });

  it('counts an organisation’s answer, even to a pending contribution, and again when it is edited', () => {
    const answer = { body: 'Reçue.', status: 'received' as const, organisation: 'DITP', at: '2026-12-05T10:00:00Z' };
    const answered = aDraft('synced', { ...received('pending'), ...said({ status: 'pending', answer }) });
    expect(hasNews(answered)).toBe(true);
    const seen = { ...answered, seen: newsKeyOf(answered.platform) };
    expect(hasNews(seen)).toBe(false);
    const edited: Draft = {
      ...seen,
      ...said({ status: 'pending', answer: { ...answer, status: 'answered', at: '2026-12-06T10:00:00Z' } }),
    };
    expect(hasNews(edited)).toBe(true);
  });

  it('is not news once seen, and is news again when something else happens', () => {
    const publishedSince = aDraft('synced', {
      ...received('pending'),
      ...said({ status: 'published' }),
      seen: newsKeyOf({ status: 'published', checkedAt: 0 }),
    });
    expect(hasNews(publishedSince)).toBe(false);
    const repliedSince: Draft = {
      ...publishedSince,
      ...said({ status: 'published', reply: { body: 'Réponse.', at: '2026-12-04T00:00:00Z' } }),
    };
    expect(hasNews(repliedSince)).toBe(true);
  });

  it('counts other citizens’ replies when their number changes; a key seen before any reply still holds', () => {
    const seenBefore = newsKeyOf({ status: 'published', checkedAt: 0 });
    const quiet = aDraft('synced', {
      ...received('pending'),
      ...said({ status: 'published', replyCount: 0 }),
      seen: seenBefore,
    });
    expect(hasNews(quiet)).toBe(false);
    const replied: Draft = { ...quiet, ...said({ status: 'published', replyCount: 2 }) };
    expect(hasNews(replied)).toBe(true);
    const looked = { ...replied, seen: newsKeyOf(replied.platform) };
    expect(hasNews(looked)).toBe(false);
    expect(hasNews({ ...looked, ...said({ status: 'published', replyCount: 3 }) })).toBe(true);
    expect(platformStateOf({ id: 'r', status: 'published', replyCount: 2 }, 5)).toEqual({
      status: 'published',
      replyCount: 2,
      checkedAt: 5,
    });
  });

  it('never counts a withdrawal (only this device can make one), nor what was never sent', () => {
    const withdrawn = aDraft('synced', { ...received('pending'), ...said({ status: 'withdrawn' }) });
    expect(hasNews(withdrawn)).toBe(false);
    expect(countNews([aDraft('draft'), aDraft('queued'), aDraft('rejected'), withdrawn])).toBe(0);
  });

  it('store.markSeen makes news old, and leaves the rest alone', async () => {
    const store = freshStore();
    const { db } = internalsOf(store);
    const a = aDraft('synced', { ...received('pending'), ...said({ status: 'published' }) });
    const b = aDraft('synced', { ...received('pending'), ...said({ status: 'rejected', reason: 'spam' }) });
    await db.drafts.bulkAdd([a, b]);
    expect(countNews(await store.list())).toBe(2);
    await store.markSeen([a.id]);
    expect(countNews(await store.list())).toBe(1);
    expect(hasNews((await store.get(b.id))!)).toBe(true);
    store.close();
  });
});

describe('"Mes contributions": every entry and the summary line say the same', () => {
  it('counts each entry under the words it shows', () => {
    const drafts = [
      aDraft('draft'),
      aDraft('queued'),
      aDraft('sending'),
      aDraft('rejected', { lastError: { sentence: 'Le texte est vide.', code: 'body.empty' } }),
      aDraft('synced', received('pending')),
      aDraft('synced', { ...received('pending'), ...said({ status: 'published' }) }),
      aDraft('synced', received('published')),
      aDraft('synced', { ...received('pending'), ...said({ status: 'hidden', reason: 'personal-data' }) }),
      aDraft('synced', { ...received('pending'), ...said({ status: 'rejected', reason: 'spam' }) }),
      aDraft('synced', { ...received('pending'), ...said({ status: 'withdrawn' }) }),
    ];
    const summary = describeOwnSummary(drafts, 'fr');
    expect(summary.text).toBe(
      "2 publiées · 1 en attente de relecture · 1 masquée · 1 rejetée · 1 retirée · 2 en attente d'envoi · 1 refusée à l'envoi · 1 brouillon",
    );
    expect(describeOwnSummary(drafts, 'en').text).toBe(
      '2 published · 1 awaiting review · 1 hidden · 1 rejected · 1 withdrawn · 2 waiting to be sent · 1 refused when sent · 1 draft',
    );
    // Each entry's words name the state it is counted under.
    const counted = {
      pending: 'En attente de relecture',
      published: 'Publiée',
      hidden: 'Masquée',
      rejected: 'Rejetée',
    };
    for (const draft of drafts) {
      const state = ownStateOf(draft);
      if (state in counted) expect(describeDraft(draft, 'fr')).toContain(counted[state as keyof typeof counted]);
    }
    expect(describeOwnSummary([], 'fr').text).toBe('Aucune contribution');
  });
});

describe('following what became of sent contributions', () => {
  function fakeStatuses(answer: (items: ReadonlyArray<{ id: string; secret: string }>) => OwnContributionStatus[]) {
    const calls: Array<ReadonlyArray<{ id: string; secret: string }>> = [];
    let fault: Error | undefined;
    return {
      calls,
      failWith: (error: Error | undefined) => void (fault = error),
      client: {
        contributionStatuses: (items: ReadonlyArray<{ id: string; secret: string }>) => {
          calls.push(items);
          if (fault) return Promise.reject(fault);
          return Promise.resolve(answer(items));
        },
      },
    };
  }

  async function sentDrafts(store: ReturnType<typeof freshStore>, count: number): Promise<Draft[]> {
    const { db } = internalsOf(store);
    const drafts: Draft[] = [];
    for (let i = 0; i < count; i++) {
      const draft = await store.create(aDraftInput({ body: `n° ${i}` }));
      drafts.push({ ...draft, state: 'synced', ...received('pending') });
    }
    await db.drafts.bulkPut(drafts);
    return drafts;
  }

  it('makes no request when nothing was sent, and never asks about a draft the platform never received', async () => {
    const store = freshStore();
    const platform = fakeStatuses(() => []);
    const follower = createStatusFollower({ store, client: platform.client });
    expect(await follower.refresh()).toEqual({ skipped: 'nothing-sent' });
    await store.create(aDraftInput());
    const queued = await store.create(aDraftInput());
    await store.queue(queued.id);
    expect(await follower.refresh()).toEqual({ skipped: 'nothing-sent' });
    expect(platform.calls).toHaveLength(0);
    store.close();
  });

  it('asks 100 at a time with each secret, keeps the answers, and stops asking about a withdrawn one', async () => {
    const store = freshStore();
    const sent = await sentDrafts(store, 230);
    const platform = fakeStatuses((items) =>
      items.map(({ id }) => (id === sent[0]!.id ? { id, status: 'withdrawn' } : { id, status: 'published' })),
    );
    const follower = createStatusFollower({ store, client: platform.client });
    expect(await follower.refresh()).toEqual({ asked: 230, requests: 3, updated: 230 });
    expect(platform.calls.map((c) => c.length)).toEqual([100, 100, 30]);
    expect(platform.calls[0]![0]).toEqual({ id: sent[0]!.id, secret: sent[0]!.withdrawalSecret });
    expect((await store.get(sent[1]!.id))?.platform?.status).toBe('published');
    await follower.refresh();
    expect(platform.calls.slice(3).flat()).toHaveLength(229);
    store.close();
  });

  it('backs off after a failure, as the engine does, and honours Retry-After', async () => {
    const clock = createClock();
    const store = freshStore({ now: clock.now });
    await sentDrafts(store, 2);
    const platform = fakeStatuses((items) => items.map(({ id }) => ({ id, status: 'pending' })));
    const follower = createStatusFollower({
      store,
      client: platform.client,
      now: clock.now,
      random: seededRandom(1),
      backoff: { baseMs: 1000, capMs: 60_000 },
    });
    platform.failWith(new VigieNetworkError('http://platform'));
    await expect(follower.refresh()).rejects.toBeInstanceOf(VigieNetworkError);
    expect(await follower.refresh()).toEqual({ skipped: 'backing-off' });
    expect(platform.calls).toHaveLength(1);

    clock.advance(1000);
    platform.failWith(new VigieHttpError(429, { type: 'about:blank', title: 'Trop de demandes', status: 429 }, 120));
    await expect(follower.refresh()).rejects.toBeInstanceOf(VigieHttpError);
    clock.advance(60_000);
    expect(await follower.refresh()).toEqual({ skipped: 'backing-off' });
    clock.advance(60_001);
    platform.failWith(undefined);
    expect(await follower.refresh()).toMatchObject({ requests: 1 });
    // Answered: a refresh for what is recent enough makes no request.
    expect(await follower.refresh({ ifOlderThanMs: 60_000 })).toEqual({ skipped: 'fresh' });
    expect(platform.calls).toHaveLength(3);
    store.close();
  });

  it('joins refreshes asked at once into one', async () => {
    const store = freshStore();
    await sentDrafts(store, 3);
    const platform = fakeStatuses((items) => items.map(({ id }) => ({ id, status: 'pending' })));
    const follower = createStatusFollower({ store, client: platform.client });
    await Promise.all([follower.refresh(), follower.refresh(), follower.refresh()]);
    expect(platform.calls).toHaveLength(1);
    store.close();
  });

  it('does not count a reply that went away, and counts the next one to arrive', async () => {
    const store = freshStore();
    const { db } = internalsOf(store);
    const [mine] = await sentDrafts(store, 1);
    let replyCount = 3;
    const platform = fakeStatuses((items) => items.map(({ id }) => ({ id, status: 'published', replyCount })));
    const follower = createStatusFollower({ store, client: platform.client });
    await follower.refresh();
    expect(hasNews((await store.get(mine!.id))!)).toBe(true);
    await store.markSeen([mine!.id]);
    // A moderator hid one of the three replies: nothing new for the citizen.
    replyCount = 2;
    await follower.refresh();
    expect(hasNews((await store.get(mine!.id))!)).toBe(false);
    // Another citizen replies: three again, and that third reply is new.
    replyCount = 3;
    await follower.refresh();
    expect(hasNews((await store.get(mine!.id))!)).toBe(true);
    expect((await db.drafts.get(mine!.id))?.platform?.replyCount).toBe(3);
    store.close();
  });
});
