import { createVigieClient, type VigieClient } from '../../api-client/http';
import { startCountingProxy, type CountingProxy } from './extension-proxy';
import { startPlatformProcess, type PlatformProcess } from './platform-process';
import { fromFile, startStaticServer, type StaticFile, type StaticServer } from './static-server';

const fixture = new URL('../fixtures/plan-gouvernement-ouvert.html', import.meta.url);

/** The plan page's canonical link: what its contributions are filed under. */
export const PLAN_CANONICAL = 'https://www.example.gouv.fr/gouvernement-ouvert/plan-2021-2023';

/**
 * What the extension's end-to-end tests run against, whichever browser: a real
 * platform process (published on arrival, unless pre-moderation is asked for), a counting proxy in front of it (the
 * extension's platform address, which a test can cut), and a site serving the
 * plan's page on 127.0.0.1, plus any other pages a test needs.
 */
export interface CitizenWorld {
  platform: PlatformProcess;
  proxy: CountingProxy;
  site: StaticServer;
  client: VigieClient;
  /** The plan's page on the test site. */
  planUrl: string;
  /** The batch POSTs that reached the platform, those carrying `id` when given. */
  posts(id?: string): CountingProxy['requests'];
  close(): Promise<void>;
}

export async function startCitizenWorld(
  routes: Record<string, StaticFile> = {},
  /** `args`: more arguments to the platform's `serve` (e.g. `--widget DIR`, for a page embedding the widget). */
  options: { moderation?: 'pre' | 'post'; args?: string[] } = {},
): Promise<CitizenWorld> {
  const platform = await startPlatformProcess({
    env: { VIGIE_MODERATION: options.moderation ?? 'post' },
    ...(options.args ? { args: options.args } : {}),
  });
  const proxy = await startCountingProxy(platform.url);
  const site = await startStaticServer({ '/plan-2021-2023': { body: fromFile(fixture) }, ...routes });
  return {
    platform,
    proxy,
    site,
    client: createVigieClient({ baseUrl: platform.url }),
    planUrl: `${site.url}/plan-2021-2023`,
    posts: (id) =>
      proxy.requests.filter(
        (r) => r.method === 'POST' && r.path === '/v1/contributions:batch' && (!id || r.body.includes(id)),
      ),
    async close() {
      await site.close();
      await proxy.close();
      await platform.dispose();
    },
  };
}
