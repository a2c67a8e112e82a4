import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExtension } from '../../extension/build';
import { startCitizenWorld, type CitizenWorld } from './citizen-world';
import {
  configureThroughOptions,
  launchExtensionBrowser,
  type ExtensionBrowser,
  type OptionValues,
} from './extension-browser';
import type { StaticFile } from './static-server';

export interface ExtensionWorld {
  world: CitizenWorld;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/**
 * The citizen's world (platform, counting proxy, the plan's page and `routes`) and the built
 * extension in a fresh Chromium profile, set through its options page to that platform and
 * to the test pages' hosts, with `settings` on top.
 */
export async function startExtensionWorld(
  options: {
    routes?: Record<string, StaticFile>;
    world?: Parameters<typeof startCitizenWorld>[1];
    settings?: OptionValues;
  } = {},
): Promise<ExtensionWorld> {
  const build = await buildExtension({ ifStale: true });
  const profileDir = mkdtempSync(path.join(tmpdir(), 'vigie-extension-profile-'));
  const world = await startCitizenWorld(options.routes, options.world);
  const browser = await launchExtensionBrowser(profileDir, build.chromeDir);
  await configureThroughOptions(browser, {
    platformUrl: world.proxy.url,
    allowList: `*.gouv.fr\n127.0.0.1`,
    ...options.settings,
  });
  return {
    world,
    browser,
    async close() {
      await browser.close();
      await world.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
