import { existsSync } from 'node:fs';

const usualPaths = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const FIREFOX_MISSING =
  'Firefox was not found: install it (on Debian: sudo apt-get install firefox-esr; on Ubuntu, Mozilla’s firefox package, not the snap) or set FIREFOX_PATH to its binary.';

/** The Firefox the tests drive: FIREFOX_PATH, else the usual install paths. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, where there is no file. ${FIREFOX_MISSING}`);
  }
  const found = usualPaths.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(FIREFOX_MISSING);
  return found;
}
