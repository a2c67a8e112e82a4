import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, findChromium } from './support/chromium.ts';
import { findFirefox } from './support/firefox.ts';

// Found once, up front: without Chromium or Firefox the run stops here with one sentence, not a stack.
function foundOrStop(find: () => string): string {
  try {
    return find();
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
}
const executablePath = foundOrStop(findChromium);
foundOrStop(findFirefox);

export default defineConfig({
  // Paths below are from the repository root, whatever folder this file sits in.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        // The real platform process on a free port, driven through the typed client.
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          // Suites make tokens through the CLI, a process start each.
          hookTimeout: 60_000,
        },
      },
      {
        // Pre-bundled up front: discovered mid-run, Vite would reload the page under a test.
        optimizeDeps: { include: ['dexie', 'approx-string-match'] },
        // Real Chromium, real IndexedDB; a real platform process is started for the run.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/browser-global-setup.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        // playwright-core scripts driving Chromium, puppeteer-core ones driving Firefox, against real processes.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // A real browser on a shared 2-core machine: give expect.poll room before calling it a failure.
          expect: { poll: { timeout: 8_000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
