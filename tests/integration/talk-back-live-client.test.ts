import { EventSource } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVigieClient } from '../../api-client/http';
import { openLiveStream, type LiveEvent, type LiveStreamStatus } from '../../api-client/live';
import { aContribution } from '../support/contributions';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { waitUntil } from '../support/wait';

// undici's EventSource is the WHATWG one, as in a browser: it keeps Last-Event-ID and
// reconnects by itself. The widget's browser tests run the same client on Chromium's.
const env = { VIGIE_MODERATION: 'post', VIGIE_RATE_LIMIT: 'off' };
let platform: PlatformProcess;
beforeAll(async () => {
  platform = await startPlatformProcess({ env });
});
afterAll(() => platform?.dispose());

const client = () => createVigieClient({ baseUrl: platform.url });
const aPage = () => `https://www.example.gouv.fr/live/${crypto.randomUUID()}`;
const onPage = (url: string, body = 'Où sont les comptes rendus des comités de suivi ?') =>
  aContribution({ target: { url, title: 'Page suivie', selectors: [] }, commitmentId: undefined, body });

function follow(url: string, lastEventId: string | undefined) {
  const events: LiveEvent[] = [];
  const statuses: LiveStreamStatus[] = [];
  const stream = openLiveStream({
    baseUrl: platform.url,
    scope: { url },
    lastEventId,
    EventSource,
    backoff: { baseMs: 200, capMs: 500 },
    onEvent: (event) => events.push(event),
    onStatus: (status) => statuses.push(status),
  });
  const seen = (type: LiveEvent['type'], id: string) =>
    waitUntil(
      async () => events,
      (all) => all.some((e) => e.type === type && 'id' in e.data && e.data.id === id),
      `a ${type} event about ${id}`,
      15_000,
    );
  return { stream, events, statuses, seen };
}

it('follows a page from where its list was read, through a platform restart, each event once', async () => {
  const url = aPage();
  const before = onPage(url);
  await client().submitBatch([before]);
  const { page, eventId } = await client().listContributionsAt({ url });
  expect(page.items.map((c) => c.id)).toEqual([before.id]);
  expect(eventId).toMatch(/^\d+$/);

  // Published between the list and the stream: not missed.
  const between = onPage(url);
  await client().submitBatch([between]);
  const live = follow(url, eventId);
  await live.seen('contribution', between.id);
  await waitUntil(
    async () => live.statuses,
    (s) => s.includes('open'),
    'the stream open',
  );

  const supported = await client().supportContribution(between.id, 'a'.repeat(64));
  expect(supported.supportCount).toBe(1);
  await waitUntil(
    async () => live.events,
    (all) => all.some((e) => e.type === 'counts' && e.data.id === between.id && e.data.supportCount === 1),
    'the counts event',
  );

  // The platform restarts (an upgrade): the stream is cut, and what is published before it
  // is back is delivered once it is.
  const { dataDir, port } = platform;
  await platform.stop();
  platform = await startPlatformProcess({ env, dataDir, port });
  const after = onPage(url);
  await client().submitBatch([after]);
  await live.seen('contribution', after.id);
  expect(live.statuses).toContain('waiting');
  expect(live.statuses.at(-1)).toBe('open');

  const delivered = live.events.filter((e) => e.type === 'contribution').map((e) => e.data.id);
  expect(delivered).toEqual([between.id, after.id]);
  // Every event's data was checked against the contract: a typed contribution.
  const last = live.events.find((e) => e.type === 'contribution' && e.data.id === after.id);
  expect(last?.type === 'contribution' && last.data.status).toBe('published');
  live.stream.close();
  expect(live.stream.status).toBe('closed');
});

it('a stream closed and opened again from its last event id gets what was missed, and nothing twice', async () => {
  const url = aPage();
  const { eventId } = await client().listContributionsAt({ url });
  const first = follow(url, eventId);
  const seenLive = onPage(url);
  await client().submitBatch([seenLive]);
  await first.seen('contribution', seenLive.id);
  first.stream.close();
  const resumeAt = first.stream.lastEventId;
  expect(resumeAt).toBe(first.events.at(-1)?.id);

  const missed = onPage(url, 'Publié pendant que la page était fermée.');
  await client().submitBatch([missed]);
  // Nothing arrives on a closed stream.
  expect(first.events.filter((e) => e.type === 'contribution')).toHaveLength(1);

  const second = follow(url, resumeAt);
  await second.seen('contribution', missed.id);
  expect(second.events.filter((e) => e.type === 'contribution').map((e) => e.data.id)).toEqual([missed.id]);
  second.stream.close();
});

it('a position the platform does not know is answered with reset: the caller reloads', async () => {
  const url = aPage();
  const events: LiveEvent[] = [];
  const stream = openLiveStream({
    baseUrl: platform.url,
    scope: { url },
    // Ahead of the log: another platform's id, or a database restored from a backup.
    lastEventId: '999999999999999',
    EventSource,
    onEvent: (event) => events.push(event),
  });
  await waitUntil(
    async () => events,
    (all) => all.some((e) => e.type === 'reset'),
    'a reset event',
  );
  expect(events[0]).toMatchObject({ type: 'reset', data: { reason: 'unknown-position' } });
  stream.close();
});
