import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../../api-client/contract';
import { builtConsoleDir, builtWidgetDir } from '../support/built-assets';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { startPlatformProcess } from '../support/platform-process';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { createTestDatabase, postgresAdminUrl } from '../support/postgres';
import { slowUpload } from '../support/slow-upload';

const noViteHook = fileURLToPath(new URL('../support/no-vite-hook.js', import.meta.url));
const PUBLIC_URL = 'https://vigie.example.gouv.fr/participer';

/** Whether a new TCP connection to this port is refused (the server stopped listening). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

forEachStorage((kind) => {
  describe('readiness', () => {
    it('answers 200 on /readyz while the database answers', async () => {
      const platform = await startPlatformOn(kind);
      try {
        const answer = await send('GET', `${platform.url}/readyz`);
        expect(answer.status).toBe(200);
        expect(answer.json()).toMatchObject({ status: 'ok', storage: kind });
        expect(answer.headers['cache-control']).toBe('no-store');
      } finally {
        await platform.dispose();
      }
    });
  });

  describe('stopping on SIGTERM', () => {
    it('refuses new connections, finishes the upload in flight, then closes the database cleanly', async () => {
      const platform = await startPlatformOn(kind, { env: { VIGIE_LOG_LEVEL: 'info' } });
      try {
        const item = aContribution({ body: 'Envoyée pendant l’arrêt de la plateforme.' });
        const upload = slowUpload(`${platform.url}/v1/contributions:batch`, JSON.stringify({ items: [item] }));
        await upload.started;

        process.kill(platform.pid, 'SIGTERM');
        await expect.poll(() => refused(platform.port), { timeout: 8000 }).toBe(true);
        expect(platform.output()).toContain('"msg":"stopping');

        upload.finish();
        const answer = await upload.answer;
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toMatchObject({ results: [{ id: item.id, outcome: 'created' }] });

        expect(await platform.exited()).toEqual({ code: 0, signal: null });
        expect(platform.output()).toContain('"msg":"stopped"');
        expect(platform.output()).not.toContain('were cut');
        // SQLite removes its write-ahead log when the last connection closes cleanly; a killed process leaves it.
        if (kind === 'sqlite') expect(existsSync(path.join(platform.dataDir, 'vigie.sqlite-wal'))).toBe(false);
        const rows = await platform.rows('SELECT body FROM contributions WHERE id = ?', [item.id]);
        expect(rows).toEqual([{ body: item.body }]);
      } finally {
        await platform.dispose();
      }
    });
  });

  describe('logs', () => {
    let platform: StoragePlatform;
    let token: string;
    const marker = 'Zanzibar7q3marqueur';

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_LOG_LEVEL: 'info', VIGIE_TRUST_PROXY: '1' } });
      token = await platform.token('admin', 'Exploitation DITP');
    });
    afterAll(async () => {
      await platform?.dispose();
    });

    it('writes one JSON line per request with its id, and nothing of the token, the address or the text', async () => {
      const item = aContribution({
        body: `Texte citoyen ${marker} à ne jamais journaliser.`,
        author: { pseudonym: `Pseudo${marker}` },
      });
      const sent = await send('POST', `${platform.url}/v1/contributions:batch`, {
        body: { items: [item] },
        from: '127.0.0.2',
        headers: { 'x-forwarded-for': '203.0.113.77', 'x-request-id': 'trace-4f2a.9:1' },
      });
      expect(sent.status).toBe(200);
      expect(sent.headers['x-request-id']).toBe('trace-4f2a.9:1');
      const me = await send('GET', `${platform.url}/v1/me`, { token, from: '127.0.0.3' });
      expect(me.status).toBe(200);
      const mine = String(me.headers['x-request-id']);
      expect(mine).toMatch(/^[0-9a-f-]{36}$/);
      // Ids that could forge a log line or carry a token are replaced, not echoed.
      for (const hostile of [`${'a'.repeat(129)}`, 'a b', 'a"b', '{"level":"fatal"}', token, '-leading']) {
        const answer = await send('GET', `${platform.url}/healthz`, { headers: { 'x-request-id': hostile } });
        expect(answer.headers['x-request-id'], hostile).toMatch(/^[0-9a-f-]{36}$/);
      }
      await send('GET', `${platform.url}/v1/contributions/${item.id}?lang=${marker}`, { from: '127.0.0.4' });

      // The logger writes asynchronously: wait for the nine request lines rather than race them.
      const requestLines = () => logLines(platform.output()).filter((line) => line.msg === 'request');
      await expect.poll(() => requestLines().length).toBeGreaterThanOrEqual(9);
      const output = platform.output();
      const lines = logLines(output);
      const requests = lines.filter((line) => line.msg === 'request');
      expect(requests.find((line) => line.reqId === 'trace-4f2a.9:1')).toMatchObject({
        method: 'POST',
        path: '/v1/contributions:batch',
        status: 200,
        level: 'info',
      });
      expect(requests.find((line) => line.reqId === mine)).toMatchObject({ path: '/v1/me', status: 200 });
      expect(requests.length).toBeGreaterThanOrEqual(9);
      for (const line of requests)
        expect(Object.keys(line).sort()).toEqual([
          'level',
          'method',
          'ms',
          'msg',
          'path',
          'pid',
          'reqId',
          'status',
          'time',
        ]);

      for (const secret of [token, token.slice(6), marker, '203.0.113.77', '127.0.0.', 'Bearer', 'x-forwarded-for']) {
        expect(output, secret).not.toContain(secret);
      }
    });
  });
});

describe('production mode', () => {
  it('serves the console, the widget and the API with no Vite loaded, and links from VIGIE_PUBLIC_URL', async () => {
    // The hook really stops Vite: without the platform, an import of it fails.
    const run = promisify(execFile);
    await expect(run(process.execPath, ['--import', noViteHook, '-e', 'await import("vite")'])).rejects.toThrow(
      /Vite was imported at run time/,
    );

    const platform = await startPlatformProcess({
      nodeArgs: ['--import', noViteHook],
      env: { VIGIE_PUBLIC_URL: PUBLIC_URL },
      args: ['--console', await builtConsoleDir(), '--widget', await builtWidgetDir()],
    });
    try {
      for (const route of [
        '/console',
        '/console/assets/console.js',
        '/console/assets/console.css',
        '/widget/vigie-feedback.js',
        '/readyz',
      ]) {
        expect((await send('GET', `${platform.url}${route}`)).status, route).toBe(200);
      }
      const openapi = (await send('GET', `${platform.url}/openapi.json`, { headers: { host: 'evil.example' } })).json<{
        servers: unknown;
        paths: Record<string, unknown>;
      }>();
      expect(openapi.servers).toEqual([{ url: PUBLIC_URL }]);
      expect(Object.keys(openapi.paths)).toContain('/readyz');
      const release = (
        await send('GET', `${platform.url}/widget/release.json`, { headers: { host: 'evil.example' } })
      ).json<{ entry: string }>();
      expect(release.entry).toBe(`${PUBLIC_URL}/widget/vigie-feedback.js`);
      expect(platform.output()).not.toContain('Vite was imported');
    } finally {
      await platform.dispose();
    }
  });

  it('answers 503 with a sentence while the console is not built', async () => {
    const platform = await startPlatformProcess({ args: ['--console', '/nonexistent/vigie-console'] });
    try {
      const answer = await send('GET', `${platform.url}/console`, { headers: { 'accept-language': 'en' } });
      expect(answer.status).toBe(503);
      expect(Problem.parse(answer.json()).detail).toBe(
        'The console is not built on this platform: its operator must run npm run build.',
      );
      expect(platform.output()).toMatch(/Console\s+not built in \/nonexistent\/vigie-console: run npm run build/);
    } finally {
      await platform.dispose();
    }
  });

  it('cuts a request still in flight 10 s after SIGTERM, and exits', async () => {
    const platform = await startPlatformProcess({ env: { VIGIE_LOG_LEVEL: 'info' } });
    try {
      const stuck = slowUpload(`${platform.url}/v1/contributions:batch`, JSON.stringify({ items: [aContribution()] }));
      await stuck.started;
      const signalled = Date.now();
      process.kill(platform.pid, 'SIGTERM');
      await expect(stuck.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(await platform.exited()).toEqual({ code: 0, signal: null });
      const waited = Date.now() - signalled;
      process.stdout.write(`A request stuck in flight was cut ${waited} ms after SIGTERM (grace: 10,000 ms).\n`);
      expect(logLines(platform.output()).find((line) => line.cut !== undefined)).toMatchObject({
        cut: 1,
        graceMs: 10000,
      });
    } finally {
      await platform.dispose();
    }
  }, 30_000);
});

describe.skipIf(!postgresAdminUrl)('readiness on PostgreSQL', () => {
  it('answers 503 on /readyz once its database is gone, and 200 on /healthz still', async () => {
    const database = await createTestDatabase();
    const platform = await startPlatformOn('postgres', { database });
    try {
      expect((await send('GET', `${platform.url}/readyz`)).status).toBe(200);
      await database.drop(); // terminates its connections, then drops it
      const answer = await send('GET', `${platform.url}/readyz`, { headers: { 'accept-language': 'fr' } });
      expect(answer.status).toBe(503);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.headers['retry-after']).toBe('5');
      expect(Problem.parse(answer.json()).detail).toBe(
        'La base de données de la plateforme ne répond pas ; réessayez dans un instant.',
      );
      expect((await send('GET', `${platform.url}/healthz`)).status).toBe(200);
    } finally {
      await platform.dispose();
    }
  });
});
