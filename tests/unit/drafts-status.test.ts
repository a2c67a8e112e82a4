import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSyncEngine,
  describeDraft,
  describeSyncStatus,
  watchSyncStatus,
  type Draft,
  type DraftState,
  type DraftStore,
  type SyncEngineState,
  type SyncStatus,
} from '../../api-client/drafts';
import { internalsOf } from '../../api-client/drafts/store';
import { aDraft, aDraftInput, createFakePlatform, freshStore } from '../support/sync-fakes';

const many = (count: number, state: DraftState, extra: Partial<Draft> = {}) =>
  Array.from({ length: count }, () => aDraft(state, extra));

const engineState = (patch: Partial<SyncEngineState> = {}): SyncEngineState => ({
  started: true,
  pushing: false,
  lockKind: 'web-locks',
  nextAttemptAt: null,
  lastFailure: null,
  lastReport: null,
  online: null,
  ...patch,
});
const offline = engineState({ lastFailure: { code: 'network', sentence: 'Pas de connexion à la plateforme.', at: 0 } });
const emptyText = { sentence: 'Le texte est vide.', code: 'body.empty', status: 422 };

describe('the status line, in French and English', () => {
  it('says how many contributions wait for the network, with the right plural', () => {
    const three = many(3, 'queued');
    expect(describeSyncStatus(three, offline, 'fr').text).toBe('3 contributions en attente du réseau');
    expect(describeSyncStatus(three, offline, 'en').text).toBe('3 contributions waiting for the network');
    expect(describeSyncStatus(three.slice(0, 1), offline, 'fr').text).toBe('1 contribution en attente du réseau');
    expect(describeSyncStatus(three.slice(0, 1), offline, 'en').text).toBe('1 contribution waiting for the network');
    expect(describeSyncStatus(three, offline, 'fr').tone).toBe('waiting');
  });

  it('tells waiting for the network from waiting for the platform and from a plain wait', () => {
    const two = many(2, 'queued');
    const busy = engineState({ lastFailure: { code: 'platform-unavailable', sentence: '…', status: 503, at: 0 } });
    expect(describeSyncStatus(two, busy, 'fr').text).toBe('2 contributions en attente de la plateforme');
    expect(describeSyncStatus(two, busy, 'en').text).toBe('2 contributions waiting for the platform');
    expect(describeSyncStatus(two, engineState(), 'fr').text).toBe("2 contributions en attente d'envoi");
    expect(describeSyncStatus(two, engineState({ online: false }), 'en').text).toBe(
      '2 contributions waiting for the network',
    );
    // Without an engine (another tab pushes), the drafts' own last error speaks.
    expect(
      describeSyncStatus(many(2, 'queued', { lastError: { sentence: '', code: 'timeout' } }), null, 'en').text,
    ).toBe('2 contributions waiting for the network');
  });

  it('gives the reason when one contribution was refused, in the reader’s language whatever the platform spoke', () => {
    const refused = [aDraft('rejected', { lastError: emptyText })];
    expect(describeSyncStatus(refused, engineState(), 'fr').text).toBe('1 contribution refusée : le texte est vide');
    expect(describeSyncStatus(refused, engineState(), 'en').text).toBe('1 contribution refused: the text is empty');
    expect(describeSyncStatus(many(2, 'rejected', { lastError: emptyText }), engineState(), 'fr').text).toBe(
      '2 contributions refusées',
    );
    expect(describeSyncStatus(refused, engineState(), 'fr').tone).toBe('problem');
  });

  it('puts the parts together: sending, waiting, refused, drafts, sent', () => {
    const drafts = [
      ...many(2, 'sending'),
      ...many(1, 'queued'),
      aDraft('rejected', { lastError: emptyText }),
      ...many(2, 'draft'),
      ...many(5, 'synced'),
    ];
    const status = describeSyncStatus(drafts, offline, 'fr');
    expect(status.parts).toEqual([
      'Envoi de 2 contributions…',
      '1 contribution en attente du réseau',
      '1 contribution refusée : le texte est vide',
      '2 brouillons enregistrés',
      '5 contributions envoyées',
    ]);
    expect(status.text).toBe(status.parts.join(' · '));
    expect(status.counts).toEqual({ draft: 2, queued: 1, sending: 2, synced: 5, rejected: 1 });
    expect(describeSyncStatus(drafts, offline, 'en').parts).toEqual([
      'Sending 2 contributions…',
      '1 contribution waiting for the network',
      '1 contribution refused: the text is empty',
      '2 drafts saved',
      '5 contributions sent',
    ]);
  });

  it('follows French plurals (0 and 1 are singular) and English ones, and groups thousands', () => {
    expect(describeSyncStatus(many(1, 'synced'), null, 'fr').text).toBe('1 contribution envoyée');
    expect(describeSyncStatus(many(1, 'synced'), null, 'en').text).toBe('1 contribution sent');
    expect(describeSyncStatus([], null, 'fr')).toMatchObject({ text: 'Aucune contribution', tone: 'idle' });
    expect(describeSyncStatus([], null, 'en').text).toBe('No contributions');
    expect(describeSyncStatus(many(1200, 'queued'), engineState(), 'en').text).toBe(
      '1,200 contributions waiting to be sent',
    );
    expect(describeSyncStatus(many(1200, 'queued'), engineState(), 'fr').text).toMatch(
      /^1\s200 contributions en attente d'envoi$/,
    );
  });
});

describe('one draft in words', () => {
  it('says what became of it on the platform, refused with the reason, or where it stands', () => {
    expect(describeDraft(aDraft('synced', { server: { status: 'published', receivedAt: '' } }), 'fr')).toBe('Publiée');
    expect(describeDraft(aDraft('synced', { server: { status: 'published', receivedAt: '' } }), 'en')).toBe(
      'Published',
    );
    expect(describeDraft(aDraft('synced', { server: { status: 'pending', receivedAt: '' } }), 'fr')).toBe(
      'En attente de relecture',
    );
    // What the platform said since wins over its receipt.
    const hidden = { status: 'hidden', reason: 'personal-data', checkedAt: 1 } as const;
    expect(
      describeDraft(aDraft('synced', { server: { status: 'pending', receivedAt: '' }, platform: hidden }), 'fr'),
    ).toBe('Masquée par la modération (données personnelles)');
    expect(describeDraft(aDraft('rejected', { lastError: emptyText }), 'fr')).toBe('Refusée : le texte est vide');
    expect(describeDraft(aDraft('rejected', { lastError: emptyText }), 'en')).toBe('Refused: the text is empty');
    const conflict = { sentence: 'Another contribution was already received under this identifier.', code: 'conflict' };
    expect(describeDraft(aDraft('rejected', { lastError: conflict }), 'fr')).toBe(
      'Refusée : une autre contribution a déjà été reçue sous cet identifiant',
    );
    // A reason we have no code for is shown as the platform said it.
    expect(describeDraft(aDraft('rejected', { lastError: { sentence: 'Campagne close.' } }), 'en')).toBe(
      'Refused: campagne close',
    );
    expect(describeDraft(aDraft('draft'), 'fr')).toBe('Brouillon enregistré');
    expect(describeDraft(aDraft('sending'), 'en')).toBe('Sending…');
    expect(describeDraft(aDraft('queued'), 'fr')).toBe("En attente d'envoi");
    expect(describeDraft(aDraft('queued', { lastError: { sentence: '', code: 'network' } }), 'en')).toBe(
      'Waiting for the network',
    );
  });
});

describe('the status is observable', () => {
  const opened: DraftStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('follows the drafts and the engine as they change', async () => {
    const platform = createFakePlatform();
    const store = freshStore();
    opened.push(store);
    const engine = createSyncEngine({ store, client: platform.client, schedule: null, connectivity: null });
    const seen: SyncStatus[] = [];
    const stop = watchSyncStatus(store, engine, 'en').subscribe((status) => seen.push(status));
    await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('No contributions'));

    const { id } = await store.create(aDraftInput());
    await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('1 draft saved'));
    platform.failAlways({ kind: 'network' });
    await store.queue(id);
    await engine.syncNow();
    await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('1 contribution waiting for the network'));
    platform.heal();
    await engine.onAlarm();
    await internalsOf(store).db.sync.clear(); // forget the backoff: this test is about words, not time
    await internalsOf(store).outbox.makeAllDue(Date.now());
    await engine.syncNow();
    await vi.waitFor(() => expect(seen.at(-1)?.text).toBe('1 contribution sent'));
    stop();
    await engine.stop();
  });
});
