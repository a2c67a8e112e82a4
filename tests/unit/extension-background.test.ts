import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Commitment, Contribution } from '../../api-client/contract';
import {
  alarmSchedule,
  armHeartbeat,
  HEARTBEAT_ALARM,
  isSyncAlarm,
  RETRY_ALARM,
} from '../../extension/background/alarm-schedule';
import { createDraftAccess, memoryArea } from '../../extension/background/draft-access';
import { isNewBrowserSession } from '../../extension/background/session-start';
import { createPageData } from '../../extension/background/page-data';
import { aContribution } from '../support/contributions';

afterEach(() => {
  vi.useRealTimers();
});

function fakeAlarms() {
  const alarms = new Map<string, { when?: number; periodInMinutes?: number }>();
  return {
    alarms,
    create: (name: string, info: { when?: number; periodInMinutes?: number }) => void alarms.set(name, info),
    clear: (name: string) => void alarms.delete(name),
  };
}

describe('the sync timer over chrome.alarms', () => {
  it('wakes the engine on time while the worker is awake, and leaves an alarm in case it sleeps', () => {
    vi.useFakeTimers();
    const now = Date.now();
    const alarms = fakeAlarms();
    const wake = vi.fn();
    alarmSchedule(alarms, () => now)(now + 2000, wake);
    // Chrome fires no alarm sooner than 30 s: the alarm is the backstop, the timer the punctual one.
    expect(alarms.alarms.get(RETRY_ALARM)).toEqual({ when: now + 30_000 });
    vi.advanceTimersByTime(1999);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(wake).toHaveBeenCalledOnce();
  });

  it('sets the alarm at the very time for long waits, and cancelling clears both', () => {
    vi.useFakeTimers();
    const now = Date.now();
    const alarms = fakeAlarms();
    const wake = vi.fn();
    const cancel = alarmSchedule(alarms, () => now)(now + 5 * 60_000, wake);
    expect(alarms.alarms.get(RETRY_ALARM)).toEqual({ when: now + 5 * 60_000 });
    cancel();
    expect(alarms.alarms.has(RETRY_ALARM)).toBe(false);
    vi.advanceTimersByTime(10 * 60_000);
    expect(wake).not.toHaveBeenCalled();
  });

  it('re-creates a periodic heartbeat at every start, and knows its own alarms', () => {
    const alarms = fakeAlarms();
    armHeartbeat(alarms, 5);
    expect(alarms.alarms.get(HEARTBEAT_ALARM)).toEqual({ periodInMinutes: 5, delayInMinutes: 5 });
    expect([RETRY_ALARM, HEARTBEAT_ALARM, 'someone-else'].map(isSyncAlarm)).toEqual([true, true, false]);
  });
});

describe('draft access', () => {
  it('lets only the tab and origin that wrote a draft reach it, until it is forgotten', async () => {
    const access = createDraftAccess(memoryArea());
    const owner = { tabId: 4, origin: 'https://www.example.gouv.fr' };
    await Promise.all([access.grant('a', owner), access.grant('b', { tabId: 5, origin: owner.origin })]);
    expect(await access.allows('a', owner)).toBe(true);
    expect(await access.allows('b', { tabId: 5, origin: owner.origin })).toBe(true);
    expect(await access.allows('a', { ...owner, tabId: 5 })).toBe(false);
    expect(await access.allows('a', { ...owner, origin: 'https://evil.example' })).toBe(false);
    expect(await access.allows('unknown', owner)).toBe(false);
    await access.forget('a');
    expect(await access.allows('a', owner)).toBe(false);
  });
});

describe('a new browser session', () => {
  it('is seen once: the worker’s later wakes share storage.session, a restarted browser has it empty', async () => {
    const session = memoryArea();
    expect(await isNewBrowserSession(session)).toBe(true);
    expect(await isNewBrowserSession(session)).toBe(false); // the worker woke again, same session
    expect(await isNewBrowserSession(memoryArea())).toBe(true); // storage.session emptied by a restart
  });
});

describe('page data', () => {
  const commitment = (id: string, pages: string[] = []): Commitment => ({
    id,
    title: id,
    leadInstitution: 'DITP',
    status: 'unverified',
    themes: [],
    plan: '2021-2023',
    pages,
  });

  function setUp(allowList: string[]) {
    const calls: string[] = [];
    const client = {
      async listContributions(query: { url?: string; cursor?: string }) {
        calls.push(`contributions ${query.url} ${query.cursor ?? ''}`);
        const items: Contribution[] = [
          { ...aContribution(), status: 'published', receivedAt: '2026-11-27T09:30:00.000Z' },
        ];
        return { items, nextCursor: query.cursor ? null : 'next' };
      },
      async listCommitments() {
        calls.push('commitments');
        return [
          commitment('FR0054'),
          commitment('FR0067'),
          commitment('FR0100', ['https://www.example.gouv.fr/plan?utm_source=x']),
        ];
      },
    };
    return { calls, data: createPageData({ client: () => client, allowList: async () => allowList }) };
  }

  it('asks nothing of the platform for a page outside the allow-list', async () => {
    const { calls, data } = setUp(['*.gouv.fr']);
    expect(await data.lookup('https://www.example.gouv.fr/plan', 'https://blog.example/plan')).toEqual({
      allowed: false,
    });
    expect(await data.commitments('https://www.example.gouv.fr/plan', 'https://blog.example/plan', ['FR0067'])).toEqual(
      [],
    );
    expect(calls).toEqual([]);
  });

  it('reads every page of contributions of an allowed page, and its commitments: by address first, then by markup', async () => {
    const { calls, data } = setUp(['*.gouv.fr']);
    const result = await data.lookup('https://www.example.gouv.fr/plan', 'https://www.example.gouv.fr/plan');
    expect(result.allowed && result.contributions).toHaveLength(2);
    expect(calls).toEqual([
      'contributions https://www.example.gouv.fr/plan ',
      'contributions https://www.example.gouv.fr/plan next',
    ]);
    const found = await data.commitments('https://www.example.gouv.fr/plan', 'https://www.example.gouv.fr/plan', [
      'FR0067',
      'FR9999',
    ]);
    expect(found.map((c) => c.id)).toEqual(['FR0100', 'FR0067']);
    await data.commitments('https://www.example.gouv.fr/plan', 'https://www.example.gouv.fr/plan', []);
    expect(calls.filter((c) => c === 'commitments')).toHaveLength(1); // cached
  });
});
