import { describe, expect, it } from 'vitest';
import { counts, queued, setup } from '../support/sync-harness';

// A batch the platform answers 5xx whatever the link does, because of one of its drafts
// (a NUL byte made PostgreSQL fail once): the engine must get round it, never stall on it.
describe('a draft the platform fails on (a poison item)', () => {
  /** Pushes as the timer would, the clock moved to each next attempt, until `done` or `steps` pushes. */
  async function pushUntil(
    { clock, engine }: Pick<ReturnType<typeof setup>, 'clock' | 'engine'>,
    done: () => boolean,
    steps = 20,
  ) {
    let next: number | null = null;
    for (let step = 0; step < steps && !done(); step++) {
      if (next !== null) clock.set(Math.max(clock.now(), next));
      next = counts(await engine.syncNow()).nextAttemptAt;
    }
  }

  it('a batch answered 5xx again and again is split until the draft at fault stands alone: the others go, the poison waits with its own backoff, never rejected, and goes once the platform takes it', async () => {
    const { clock, platform, store, engine } = setup({ backoff: { baseMs: 1000, capMs: 60_000 } });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(await queued(store, { body: `Contribution ${i}` }));
      clock.advance(10);
    }
    const poison = ids[2]!;
    // As a NUL byte did on PostgreSQL: the platform fails on this item, whatever else the batch holds.
    let fixed = false;
    platform.refuseRequests((items) => !fixed && items.some((item) => item.id === poison), 500, 'Erreur interne');

    await pushUntil({ clock, engine }, () => platform.stored.size === 7);
    expect([...platform.stored.keys()].sort()).toEqual(ids.filter((id) => id !== poison).sort());
    expect(await store.get(poison)).toMatchObject({
      state: 'queued',
      lastError: { code: 'platform-unavailable', status: 500 },
    });
    // Halving finds it in a few requests, not one per draft.
    expect(platform.requests.length).toBeLessThanOrEqual(12);

    // It is tried again, later each time, and never blamed on the citizen.
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const due = (await store.get(poison))!.nextAttemptAt!;
      waits.push(due - clock.now());
      clock.set(due);
      const before = platform.timesSent(poison);
      counts(await engine.syncNow());
      expect(platform.timesSent(poison)).toBe(before + 1);
      expect((await store.get(poison))?.state).toBe('queued');
    }
    expect(Math.max(...waits)).toBeGreaterThan(Math.min(...waits));

    fixed = true;
    clock.set((await store.get(poison))!.nextAttemptAt!);
    expect(counts(await engine.syncNow()).synced).toBe(1);
    expect(platform.timesSent(poison)).toBeGreaterThan(1);
    expect(platform.stored.size).toBe(8);
  });

  it('two drafts at fault in one batch are both got round: the other drafts go', async () => {
    for (let run = 0; run < 5; run++) {
      const { clock, platform, store, engine } = setup({ backoff: { baseMs: 1000, capMs: 60_000 } });
      const ids: string[] = [];
      for (let i = 0; i < 16; i++) ids.push(await queued(store, { body: `Contribution ${i}` }));
      const poisons = new Set([ids[run]!, ids[15 - run]!]);
      platform.refuseRequests((items) => items.some((item) => poisons.has(item.id)), 502, 'Bad gateway');
      await pushUntil({ clock, engine }, () => platform.stored.size === 14, 30);
      expect(platform.stored.size).toBe(14);
      for (const poison of poisons) expect((await store.get(poison))?.state).toBe('queued');
    }
  });

  it('a poison draft does not hold back drafts queued after it, even when they fall due together', async () => {
    const { clock, platform, store, engine } = setup({ backoff: { baseMs: 1000, capMs: 60_000 } });
    const poison = await queued(store, { body: 'Texte que la plateforme ne sait pas enregistrer' });
    platform.refuseRequests((items) => items.some((item) => item.id === poison), 500, 'Erreur interne');
    await pushUntil({ clock, engine }, () => platform.requests.length >= 3, 3);

    // Queued while the poison waits: it goes at once.
    const next = await queued(store, { body: 'Une contribution ordinaire' });
    expect(counts(await engine.syncNow())).toMatchObject({ synced: 1 });
    expect(platform.stored.has(next)).toBe(true);

    // Queued just as the poison falls due: both are claimed together, and the new one still goes.
    clock.set((await store.get(poison))!.nextAttemptAt!);
    const together = await queued(store, { body: 'Une autre contribution ordinaire' });
    const report = counts(await engine.syncNow());
    expect(report).toMatchObject({ synced: 1, rejected: 0 });
    expect(platform.stored.has(together)).toBe(true);
    expect((await store.get(poison))?.state).toBe('queued');
  });

  it('a platform answering 5xx to everything is an outage, not a poison: still one request per step, however many drafts wait', async () => {
    const { clock, platform, store, engine } = setup();
    platform.failAlways({ kind: 'http', status: 500 });
    for (let i = 0; i < 250; i++) {
      await queued(store, { body: `Contribution ${i}` });
      clock.advance(10);
    }
    for (let step = 0; step < 10; step++) {
      const report = counts(await engine.syncNow());
      expect(report).toMatchObject({ requests: 1, synced: 0, rejected: 0 });
      clock.set(report.nextAttemptAt!);
    }
    platform.heal();
    await pushUntil({ clock, engine }, () => platform.stored.size === 250, 5);
    expect(platform.stored.size).toBe(250);
    expect(await store.list({ state: 'rejected' })).toEqual([]);
  });
});
