import { existsSync } from 'node:fs';

const usualPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const CHROMIUM_MISSING =
  'Chromium was not found: install it (on Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its binary.';

/** The Chromium the tests drive: CHROMIUM_PATH, else the usual install paths. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, where there is no file. ${CHROMIUM_MISSING}`);
  }
  const found = usualPaths.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(CHROMIUM_MISSING);
  return found;
}

/**
 * Flags for a quiet headless Chromium on a machine with no internet: no
 * background traffic, no component updates. Playwright adds --no-sandbox as root.
 */
export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
