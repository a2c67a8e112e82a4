import { timeoutSchedule, type Schedule } from '../../api-client/drafts';

export const RETRY_ALARM = 'vigie-sync-retry';
export const HEARTBEAT_ALARM = 'vigie-sync-heartbeat';
/** Chrome does not fire alarms sooner than 30 s after they are set. */
const ALARM_FLOOR_MS = 30_000;

/** The part of browser.alarms the schedule uses. */
export interface AlarmsLike {
  create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): unknown;
  clear(name: string): unknown;
}

/**
 * The sync engine's timer in a worker that sleeps: a setTimeout for the short
 * waits while the worker is awake, and a chrome.alarms alarm at the same time
 * (not before 30 s) that wakes the worker if it slept in between. A wake-up that
 * finds nothing due costs one IndexedDB read and no request.
 */
export function alarmSchedule(alarms: AlarmsLike, now: () => number = Date.now): Schedule {
  const timeout = timeoutSchedule(now);
  return (at, wake) => {
    const cancelTimeout = timeout(at, wake);
    void Promise.resolve(alarms.create(RETRY_ALARM, { when: Math.max(at, now() + ALARM_FLOOR_MS) })).catch(
      () => undefined,
    );
    return () => {
      cancelTimeout();
      void Promise.resolve(alarms.clear(RETRY_ALARM)).catch(() => undefined);
    };
  };
}

/**
 * A periodic alarm, re-created at every start of the worker: whatever was lost
 * (a retry alarm cleared by an update, a worker killed mid-push), drafts waiting
 * are looked at again within minutes.
 */
export function armHeartbeat(alarms: AlarmsLike, periodInMinutes = 5): void {
  void Promise.resolve(alarms.create(HEARTBEAT_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes })).catch(
    () => undefined,
  );
}

export function isSyncAlarm(name: string): boolean {
  return name === RETRY_ALARM || name === HEARTBEAT_ALARM;
}
