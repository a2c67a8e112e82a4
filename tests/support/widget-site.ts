import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleDemo, buildWidget, type WidgetSizes } from '../../widget/build';
import { startPlatformProcess, type PlatformProcess } from './platform-process';

export interface WidgetSite {
  platform: PlatformProcess;
  /** The demo government page, on its own origin, under a strict CSP. */
  pageUrl: string;
  /** The folder the demo site serves from, read on each request: a test may edit its page. */
  siteDir: string;
  sizes: WidgetSizes;
  dispose(): Promise<void>;
}

/**
 * Builds the widget as `npm run build` does (into a temporary folder), then runs
 * the real platform serving it, and the demo site beside it, as `npm start` does.
 */
export async function startWidgetSite(env: Record<string, string> = {}): Promise<WidgetSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-widget-'));
  const sizes = await buildWidget(path.join(dir, 'widget'));
  assembleDemo(path.join(dir, 'demo'));
  const platform = await startPlatformProcess({
    env: { VIGIE_MODERATION: 'post', VIGIE_DEMO_PORT: '0', ...env },
    args: ['--demo', '--site', path.join(dir, 'demo'), '--widget', path.join(dir, 'widget')],
  });
  const match = /Demo page\s+(http:\/\/localhost:\d+)\//.exec(platform.output());
  if (!match) throw new Error(`The demo site did not start:\n${platform.output()}`);
  return {
    platform,
    pageUrl: `${match[1]}/`,
    siteDir: path.join(dir, 'demo'),
    sizes,
    async dispose() {
      await platform.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
