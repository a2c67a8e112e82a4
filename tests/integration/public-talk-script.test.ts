import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSiteScriptDir } from '../support/built-assets';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { getPage, moderation } from '../support/public-site';

describe('the public pages’ « Moi aussi » and « Répondre » script', () => {
  let platform: StoragePlatform;
  let unbuilt: StoragePlatform;
  const zoe = aContribution({ body: 'Où sont les données essentielles ?', author: { pseudonym: 'Zoé' } });

  beforeAll(async () => {
    platform = await startPlatformOn('sqlite', { args: ['--site-script', await builtSiteScriptDir()] });
    unbuilt = await startPlatformOn('sqlite', {
      args: ['--site-script', mkdtempSync(path.join(tmpdir(), 'vigie-no-script-'))],
    });
    for (const p of [platform, unbuilt]) {
      const mod = moderation(p, await p.token('moderator', 'Modération'));
      await mod.submit(zoe);
      await mod.publish(zoe.id);
    }
  }, 120_000);
  afterAll(async () => {
    await platform?.dispose();
    await unbuilt?.dispose();
  });

  const scripts = (doc: Document) =>
    [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline').filter((s) => s.includes('talk'));

  it('loads only on pages that show contributions, from a content-hashed address cached for good', async () => {
    const commitment = await getPage(platform, '/engagements/FR0067');
    const [entry] = scripts(commitment.document);
    expect(entry).toMatch(/^\/site\/talk\/talk-back-[\w-]+\.js$/);
    expect(commitment.document.querySelector(`[data-talk="${zoe.id}"]`)?.hasAttribute('hidden')).toBe(true);
    expect(scripts((await getPage(platform, `/c/${zoe.id}`)).document)).toEqual([entry]);
    expect(scripts((await getPage(platform, '/recherche?q=donnees')).document)).toEqual([entry]);
    for (const bare of ['/', '/donnees', '/recherche', '/recherche?q=introuvable', '/pages']) {
      expect(scripts((await getPage(platform, bare)).document), bare).toEqual([]);
    }
    const file = await send('GET', `${platform.url}${entry}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The chunk it imports is served beside it; nothing else is.
    const chunk = /\.\/(talk-runtime-[\w-]+\.js)/.exec(file.text)?.[1];
    expect(chunk).toBeDefined();
    expect((await send('GET', `${platform.url}/site/talk/${chunk}`)).status).toBe(200);
    for (const bad of ['/site/talk/nope.js', '/site/talk/..%2Fpackage.json', '/site/talk/talk-back.ts']) {
      expect((await send('GET', `${platform.url}${bad}`)).status, bad).toBe(404);
    }
  });

  it('not built, the pages are as they were: no script, no hidden control, the sentence saying how to talk back', async () => {
    const page = await getPage(unbuilt, `/c/${zoe.id}`);
    expect(page.status).toBe(200);
    expect(scripts(page.document)).toEqual([]);
    expect(page.document.querySelector('[data-talk]')).toBeNull();
    expect(page.text).toContain('Pour dire « moi aussi » ou répondre');
  });
});
