import type { KeyValueArea } from './draft-access';

const KEY = 'browserSessionSeen';

/**
 * True the first time it is asked in a browser session. storage.session is emptied
 * when the browser quits and kept across the worker's naps: a worker woken by a
 * message or an alarm answers false, a browser that starts again answers true.
 * (runtime.onStartup would say the same, but does not fire for an extension loaded
 * from the command line.)
 */
export async function isNewBrowserSession(area: KeyValueArea): Promise<boolean> {
  if ((await area.get(KEY))[KEY] === true) return false;
  await area.set({ [KEY]: true });
  return true;
}
