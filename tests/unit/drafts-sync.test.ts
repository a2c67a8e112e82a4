import { describe, expect, it } from 'vitest';
import { counts, queued, setup } from '../support/sync-harness';
import { aDraftInput } from '../support/sync-fakes';
import { internalsOf } from '../../api-client/drafts/store';

describe('the promise: never lose a word, never send twice', () => {
  it('a draft typed offline is sent once when the network returns', async () => {
    const { clock, platform, store, engine } = setup();
    platform.failAlways({ kind: 'network' });
    const id = await queued(store);

    const offline = counts(await engine.syncNow());
    expect(offline).toMatchObject({ requests: 1, synced: 0, retryLater: 1 });
    expect(await store.get(id)).toMatchObject({ state: 'queued', lastError: { code: 'network' } });
    expect(platform.stored.size).toBe(0);

    platform.heal();
    clock.set(offline.nextAttemptAt!);
    const online = counts(await engine.syncNow());
    expect(online).toMatchObject({ requests: 1, sent: 1, synced: 1, retryLater: 0, nextAttemptAt: null });
    expect(await store.get(id)).toMatchObject({ state: 'synced', server: { status: 'published' } });
    expect((await store.get(id))?.lastError).toBeUndefined();
    expect(platform.stored.size).toBe(1);
  });

  it('an answer lost on the way back does not make a second contribution: the retry is a duplicate, and the draft keeps the first receipt', async () => {
    const { clock, platform, store, engine } = setup();
    const id = await queued(store);
    platform.fail({ kind: 'lose-answer' });

    const lost = counts(await engine.syncNow());
    expect(lost).toMatchObject({ synced: 0, retryLater: 1 });
    const firstReceipt = platform.stored.get(id)!.contribution.receivedAt;

    clock.advance(60_000);
    const retried = counts(await engine.syncNow());
    expect(retried.synced).toBe(1);
    expect(platform.timesSent(id)).toBe(2);
    expect(platform.stored.size).toBe(1);
    expect((await store.get(id))?.server?.receivedAt).toBe(firstReceipt);
  });

  it('sends exactly what was checked when the citizen pressed send', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store, { body: '  Le jeu de données manque.  ' });
    await engine.syncNow();
    expect(platform.stored.get(id)?.contribution).toMatchObject({
      id,
      body: 'Le jeu de données manque.',
      kind: 'comment',
    });
  });
});

describe('per-item outcomes', () => {
  it('created and duplicate end synced with the server’s status and time; conflict and invalid end rejected with its reason; one bad item does not sink the others', async () => {
    const { clock, platform, store, engine } = setup();
    const fresh = await queued(store);
    const already = await queued(store);
    const clash = await queued(store, { body: 'Ma version' });
    const refused = await queued(store);
    // What the platform already holds: the same content under one id, another content under another.
    await platform.client.submitBatch([{ ...(await store.get(already))!.input, id: already } as never]);
    await platform.client.submitBatch([{ ...aDraftInput({ body: 'Une autre version' }), id: clash } as never]);
    platform.refuseItem(refused, 'body.empty', 'Le texte est vide.');
    const heldSince = new Date(clock.now()).toISOString();
    clock.advance(5000);

    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 1, sent: 4, synced: 2, rejected: 2, retryLater: 0 });
    expect(await store.get(fresh)).toMatchObject({
      state: 'synced',
      syncedAt: clock.now(),
      server: { status: 'published', receivedAt: new Date(clock.now()).toISOString() },
    });
    expect(await store.get(already)).toMatchObject({
      state: 'synced',
      server: { status: 'published', receivedAt: heldSince },
    });
    expect(await store.get(clash)).toMatchObject({
      state: 'rejected',
      input: { body: 'Ma version' },
      lastError: {
        code: 'conflict',
        status: 409,
        sentence: 'Une autre contribution a déjà été reçue sous cet identifiant.',
      },
    });
    expect(await store.get(refused)).toMatchObject({
      state: 'rejected',
      lastError: {
        code: 'body.empty',
        status: 422,
        sentence: 'Le texte est vide.',
        errors: [{ pointer: '/items/0/body' }],
      },
    });
  });

  it('a draft the platform refuses keeps its words and the reason; edited and sent again, it is queued and synced', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store, { body: 'Trop court' });
    platform.refuseItem(id, 'body.empty', 'Le texte est vide.');
    expect(counts(await engine.syncNow()).rejected).toBe(1);
    expect(await store.get(id)).toMatchObject({
      state: 'rejected',
      input: { body: 'Trop court' },
      lastError: { code: 'body.empty' },
    });

    platform.acceptItem(id);
    // While the citizen edits, the reason stays on screen.
    const edited = await store.update(id, { body: 'Le lien vers le rapport 2023 est cassé.' });
    expect(edited).toMatchObject({ state: 'rejected', lastError: { code: 'body.empty' } });
    expect(await store.queue(id)).toMatchObject({ ok: true, draft: { state: 'queued' } });
    expect((await store.get(id))?.lastError).toBeUndefined();
    expect(counts(await engine.syncNow()).synced).toBe(1);
    expect(platform.stored.get(id)?.contribution.body).toBe('Le lien vers le rapport 2023 est cassé.');
  });

  it('a queued draft the contract no longer accepts is rejected with words, without a request', async () => {
    const { platform, store, engine } = setup();
    const id = await queued(store);
    // As if a newer contract tightened a rule after the draft was queued.
    await internalsOf(store).db.drafts.update(id, { 'input.body': '' });
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 0, rejected: 1 });
    expect(platform.requests).toHaveLength(0);
    expect(await store.get(id)).toMatchObject({
      state: 'rejected',
      lastError: { code: 'body.empty', sentence: 'Le texte est vide.' },
    });
  });

  it('an item missing from the answer stays queued and is tried again later', async () => {
    const { clock, platform, store, engine } = setup();
    const a = await queued(store);
    const b = await queued(store);
    platform.omitFromAnswers(b);
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 1, retryLater: 1 });
    expect(await store.get(a)).toMatchObject({ state: 'synced' });
    expect(await store.get(b)).toMatchObject({ state: 'queued', lastError: { code: 'missing-result' } });
    expect(report.nextAttemptAt).toBeGreaterThan(clock.now());
    // Not before its time.
    expect(counts(await engine.syncNow()).requests).toBe(0);
    platform.includeInAnswers(b);
    clock.set(report.nextAttemptAt!);
    expect(counts(await engine.syncNow()).synced).toBe(1);
  });
});

describe('batches', () => {
  it('hold at most 100 items', async () => {
    const { platform, store, engine } = setup();
    for (let i = 0; i < 230; i++) await queued(store, { body: `Contribution ${i}` });
    const report = counts(await engine.syncNow());
    expect(platform.requests.map((r) => r.ids.length)).toEqual([100, 100, 30]);
    expect(report).toMatchObject({ requests: 3, sent: 230, synced: 230 });
  });

  it('a batch refused as too large (413) is split until it passes, and the rest of the push keeps the smaller size', async () => {
    const { platform, store, engine } = setup({ batchSize: 40 });
    for (let i = 0; i < 70; i++) await queued(store, { body: `Contribution ${i}` });
    platform.refuseRequests((items) => items.length > 15, 413, 'Le corps de la requête dépasse 4096 octets.');
    const report = counts(await engine.syncNow());
    expect(report.synced).toBe(70);
    expect(platform.stored.size).toBe(70);
    // 40 → 413 → 20 + 20, each → 413 → 10 + 10; the limit is now 10 for the last 30.
    expect(platform.requests.map((r) => r.ids.length)).toEqual([40, 20, 10, 10, 20, 10, 10, 10, 10, 10]);
  });

  it('an item too large on its own is rejected with the platform’s sentence; the others go', async () => {
    const { platform, store, engine } = setup();
    const ids = [await queued(store), await queued(store), await queued(store)];
    platform.refuseRequests(
      (items) => items.some((i) => i.id === ids[1]),
      413,
      'Le corps de la requête dépasse 4096 octets.',
    );
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 2, rejected: 1 });
    expect(await store.get(ids[1]!)).toMatchObject({
      state: 'rejected',
      lastError: { status: 413, sentence: 'Le corps de la requête dépasse 4096 octets.' },
    });
    expect(platform.stored.has(ids[0]!) && platform.stored.has(ids[2]!)).toBe(true);
  });

  it('a whole request refused as malformed (400, 422) is bisected: only the item at fault is rejected', async () => {
    const { platform, store, engine } = setup();
    const ids: string[] = [];
    // The contract now refuses a NUL before it is queued: the poison is a word only this fake platform minds.
    for (let i = 0; i < 8; i++) ids.push(await queued(store, { body: i === 5 ? 'Texte [piège]' : `Texte ${i}` }));
    platform.refuseRequests((items) => items.some((i) => i.body.includes('[piège]')), 422, 'Le lot est mal formé.');
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 7, rejected: 1 });
    // 8 → 4 + 4, the bad half → 2 + 2, the bad pair → 1 + 1: bounded by 2n − 1, and it never repeats.
    expect(report.requests).toBeLessThanOrEqual(2 * 8 - 1);
    expect(await store.get(ids[5]!)).toMatchObject({
      state: 'rejected',
      lastError: { status: 422, sentence: 'Le lot est mal formé.' },
    });
    expect(counts(await engine.syncNow()).requests).toBe(0);
  });
});

describe('failures of the whole request', () => {
  const transient = [
    ['the network', { kind: 'network' }, 'network'],
    ['a timeout', { kind: 'timeout' }, 'timeout'],
    ['408', { kind: 'http', status: 408 }, 'platform-unavailable'],
    ['429', { kind: 'http', status: 429 }, 'platform-unavailable'],
    ['500', { kind: 'http', status: 500 }, 'platform-unavailable'],
    ['502', { kind: 'http', status: 502 }, 'platform-unavailable'],
    ['503', { kind: 'http', status: 503 }, 'platform-unavailable'],
  ] as const;

  it.each(transient)('%s: the drafts wait with growing, jittered delays, then go', async (_name, fault, code) => {
    const { clock, platform, store, engine } = setup({ backoff: { baseMs: 1000, capMs: 60_000 } });
    const id = await queued(store);
    platform.failAlways(fault);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const report = counts(await engine.syncNow());
      expect(report).toMatchObject({ requests: 1, retryLater: 1 });
      delays.push(report.nextAttemptAt! - clock.now());
      // Nothing goes out before the time.
      clock.set(report.nextAttemptAt! - 1);
      expect(counts(await engine.syncNow()).requests).toBe(0);
      clock.advance(1);
    }
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 8, lastError: { code } });
    // Full jitter under a doubling ceiling: 1 s, then ≤ 2 s, ≤ 4 s, … ≤ 60 s.
    delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** n));
    });
    expect(new Set(delays).size).toBeGreaterThan(4);

    platform.heal();
    expect(counts(await engine.syncNow()).synced).toBe(1);
    // The first answer resets the backoff.
    expect((await internalsOf(store).outbox.readLink()).failures).toBe(0);
  });

  it('never tries again before the Retry-After the platform asked for', async () => {
    const { clock, platform, store, engine } = setup({ random: () => 0 });
    const first = await queued(store);
    platform.fail({ kind: 'http', status: 503, retryAfterSeconds: 120 });
    const report = counts(await engine.syncNow());
    expect(report.nextAttemptAt).toBe(clock.now() + 120_000);
    // A draft queued meanwhile waits too, even though the citizen just pressed send.
    clock.advance(30_000);
    const second = await queued(store);
    expect(counts(await engine.syncNow()).requests).toBe(0);
    clock.advance(89_999);
    expect(counts(await engine.syncNow()).requests).toBe(0);
    clock.advance(1);
    expect(counts(await engine.syncNow())).toMatchObject({ requests: 1, synced: 2 });
    expect(platform.requests[1]?.ids.sort()).toEqual([first, second].sort());
  });

  it('a Retry-After shorter than the backoff does not shorten it', async () => {
    const { clock, platform, store, engine } = setup({ random: () => 1, backoff: { baseMs: 1000, capMs: 60_000 } });
    await queued(store);
    platform.failAlways({ kind: 'http', status: 429, retryAfterSeconds: 1 });
    for (let i = 0; i < 5; i++) {
      const report = counts(await engine.syncNow());
      clock.set(report.nextAttemptAt!);
    }
    const report = counts(await engine.syncNow());
    expect(report.nextAttemptAt! - clock.now()).toBe(32_000);
  });

  it('one failing link costs one request per step, however many drafts wait', async () => {
    const { clock, platform, store, engine } = setup();
    platform.failAlways({ kind: 'network' });
    for (let i = 0; i < 250; i++) {
      await queued(store, { body: `Contribution ${i}` });
      clock.advance(10);
    }
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ requests: 1, sent: 100, retryLater: 100 });
    const waiting = await store.list({ state: 'queued' });
    expect(new Set(waiting.map((d) => d.nextAttemptAt))).toEqual(new Set([report.nextAttemptAt]));
    clock.set(report.nextAttemptAt!);
    expect(counts(await engine.syncNow()).requests).toBe(1);
  });

  it('401, 403, 404, 415 do not spin and do not lose anything: the drafts wait the hold time, then go', async () => {
    for (const status of [401, 403, 404, 415]) {
      const { clock, platform, store, engine } = setup({ holdMs: 10 * 60_000 });
      const id = await queued(store);
      platform.fail({ kind: 'http', status });
      const report = counts(await engine.syncNow());
      expect(report).toMatchObject({
        requests: 1,
        rejected: 0,
        retryLater: 1,
        nextAttemptAt: clock.now() + 10 * 60_000,
      });
      expect(await store.get(id)).toMatchObject({ state: 'queued', lastError: { code: 'platform-refused', status } });
      clock.advance(10 * 60_000 - 1);
      expect(counts(await engine.syncNow()).requests).toBe(0);
      clock.advance(1);
      expect(counts(await engine.syncNow()).synced).toBe(1);
    }
  });
});
