import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../api-client/contract';
import { builtWidgetDir } from '../support/built-assets';
import { send } from '../support/platform-http';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';

// Serving files touches no storage: these run on SQLite only.
const PUBLIC_URL = 'https://vigie.example.gouv.fr';
let platform: PlatformProcess;
let widgetDir: string;

/** A request whose path goes on the wire as written: fetch would resolve `..` first. */
function raw(pathAsIs: string): Promise<{ status: number; type: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: platform.port, path: pathAsIs, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  // A copy, so this suite can add an earlier release beside the current one.
  widgetDir = mkdtempSync(path.join(tmpdir(), 'vigie-widget-served-'));
  cpSync(await builtWidgetDir(), widgetDir, { recursive: true });
  writeFileSync(path.join(widgetDir, 'vigie-feedback.0123456789ab.js'), 'import"./chunks/old-Abc123.js";');
  writeFileSync(path.join(widgetDir, 'chunks/old-Abc123.js'), 'export const old = 1;');
  platform = await startPlatformProcess({ env: { VIGIE_PUBLIC_URL: PUBLIC_URL }, args: ['--widget', widgetDir] });
}, 60_000);
afterAll(async () => {
  await platform?.dispose();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});

const entryBytes = () => readFileSync(path.join(widgetDir, 'vigie-feedback.js'));

describe('the widget served by the platform', () => {
  it('serves the entry as a cross-origin module script, cached five minutes, with an ETag', async () => {
    const answer = await send('GET', `${platform.url}/widget/vigie-feedback.js`, {
      headers: { origin: 'https://www.economie.gouv.fr' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.bytes.equals(entryBytes())).toBe(true);

    const etag = String(answer.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await send('GET', `${platform.url}/widget/vigie-feedback.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    const weak = await send('GET', `${platform.url}/widget/vigie-feedback.js`, {
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(weak.status).toBe(304);
    const stale = await send('GET', `${platform.url}/widget/vigie-feedback.js`, {
      headers: { 'if-none-match': '"an-older-release"' },
    });
    expect(stale.status).toBe(200);
  });

  it('serves every chunk the entry imports, named by content and cached a year as immutable', async () => {
    const imported = [
      ...entryBytes()
        .toString('utf8')
        .matchAll(/["'`]\.\/(chunks\/[\w-]+\.js)["'`]/g),
    ].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThanOrEqual(3); // static imports and the lazy runtime
    expect(imported.some((file) => file.startsWith('chunks/runtime-'))).toBe(true);
    for (const file of new Set(imported)) {
      const answer = await send('GET', `${platform.url}/widget/${file}`);
      expect(answer.status, file).toBe(200);
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.bytes.equals(readFileSync(path.join(widgetDir, file)))).toBe(true);
    }
  });

  it('names this release’s pinned entry and its SHA-384 in release.json, from VIGIE_PUBLIC_URL', async () => {
    const answer = await send('GET', `${platform.url}/widget/release.json`, { headers: { host: 'evil.example' } });
    expect(answer.status).toBe(200);
    const release = answer.json<{ platform: string; entry: string; pinned: { url: string; integrity: string } }>();
    const integrity = `sha384-${createHash('sha384').update(entryBytes()).digest('base64')}`;
    expect(release.platform).toBe(PUBLIC_URL);
    expect(release.entry).toBe(`${PUBLIC_URL}/widget/vigie-feedback.js`);
    expect(release.pinned.url).toMatch(
      /^https:\/\/vigie\.example\.gouv\.fr\/widget\/vigie-feedback\.[0-9a-f]{12}\.js$/,
    );
    expect(release.pinned.integrity).toBe(integrity);
    // The earlier release kept beside it is not the current one.
    expect(release.pinned.url).not.toContain('0123456789ab');

    const pinned = await send('GET', `${platform.url}${new URL(release.pinned.url).pathname}`);
    expect(pinned.status).toBe(200);
    expect(pinned.bytes.equals(entryBytes())).toBe(true);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps serving an earlier release’s entry and chunks, for sites pinned to it and pages opened before an upgrade', async () => {
    const old = await send('GET', `${platform.url}/widget/vigie-feedback.0123456789ab.js`);
    expect(old.status).toBe(200);
    expect(old.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send('GET', `${platform.url}/widget/chunks/old-Abc123.js`)).text).toBe('export const old = 1;');
  });

  it('answers an unknown file with a problem+json 404, in the reader’s language', async () => {
    const answer = await send('GET', `${platform.url}/widget/chunks/runtime-nope.js`, {
      headers: { 'accept-language': 'en' },
    });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(Problem.parse(answer.json()).detail).toBe('This file of the vigie-feedback widget does not exist.');
    expect((await send('GET', `${platform.url}/widget/vigie-feedback.js.map`)).status).toBe(404); // maps are not served
  });

  it('lets no spelling of a path climb out of the widget’s folder', async () => {
    const attempts = [
      '/widget/../package.json',
      '/widget/..%2fpackage.json',
      '/widget/..%2F..%2Fpackage.json',
      '/widget/%2e%2e/package.json',
      '/widget/%2e%2e%2fpackage.json',
      '/widget/chunks/../../package.json',
      '/widget/chunks/..%2f..%2fpackage.json',
      '/widget/chunks%2f..%2f..%2fpackage.json',
      '/widget/..\\package.json',
      '/widget/..%5cpackage.json',
      '/widget/....//package.json',
      '/widget//etc/passwd',
      '/widget/%2fetc%2fpasswd',
      '/widget/vigie-feedback.js%00.map',
      '/widget/.%2e/platform/cli.ts',
      '/widget/%252e%252e%252fpackage.json',
      '/console/assets/..%2f..%2fpackage.json',
      '/console/assets/%2e%2e%2fapp.ts',
    ];
    for (const attempt of attempts) {
      const answer = await raw(attempt);
      expect([400, 404], attempt).toContain(answer.status);
      expect(answer.text, attempt).not.toMatch(/"name":\s*"vigie"|root:x:0|import /);
    }
  });

  it('says in a sentence that the widget is not built, when it is not', async () => {
    const bare = await startPlatformProcess({ args: ['--widget', path.join(widgetDir, 'missing')] });
    try {
      for (const file of ['vigie-feedback.js', 'release.json']) {
        const answer = await send('GET', `${bare.url}/widget/${file}`);
        expect(answer.status).toBe(404);
        expect(Problem.parse(answer.json()).detail).toBe(
          "Le module vigie-feedback n'est pas construit sur cette plateforme : son exploitant doit lancer npm run build.",
        );
      }
      expect(bare.output()).toMatch(/Widget\s+not built in .*missing: run npm run build/);
    } finally {
      await bare.dispose();
    }
  });
});
