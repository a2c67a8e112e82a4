/**
 * How fast the outbox empties and how long a keystroke's save takes. Run with
 *   npx tsx tests/bench/sync.bench.ts [drafts=10000] [saves=1000]
 * It prints figures beside the machine that produced them; it asserts nothing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { createDraftStore, createSyncEngine } from '../../api-client/drafts';
import { createVigieClient } from '../../api-client/http';
import { chromiumArgs, findChromium } from '../support/chromium';
import { startPlatformProcess } from '../support/platform-process';
import { aDraftInput } from '../support/sync-fakes';

const DRAFTS = Number(process.argv[2] ?? 10_000);
const SAVES = Number(process.argv[3] ?? 1_000);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function syncThroughput() {
  const platform = await startPlatformProcess({ env: { VIGIE_MODERATION: 'post' } });
  try {
    const store = createDraftStore({
      dbName: `bench-${Date.now()}`,
      indexedDB,
      IDBKeyRange,
      defaults: { source: 'widget', locale: 'fr' },
    });
    const queueStart = performance.now();
    for (let i = 0; i < DRAFTS; i++) {
      const { id } = await store.create(
        aDraftInput({ body: `Contribution de test numéro ${i} : le lien vers le rapport est cassé.` }),
      );
      const queued = await store.queue(id);
      if (!queued.ok) throw new Error(queued.sentences.en);
    }
    const queueMs = performance.now() - queueStart;

    const engine = createSyncEngine({
      store,
      client: createVigieClient({ baseUrl: platform.url, timeoutMs: 60_000 }),
      schedule: null,
      connectivity: null,
    });
    const syncStart = performance.now();
    const report = await engine.syncNow();
    const syncMs = performance.now() - syncStart;
    if (report.skipped || report.synced !== DRAFTS) throw new Error(`Not everything synced: ${JSON.stringify(report)}`);
    store.close();
    return { queueMs, syncMs, requests: report.requests };
  } finally {
    await platform.dispose();
  }
}

async function bundleStoreForThePage(): Promise<string> {
  const entry = fileURLToPath(new URL('../../api-client/drafts/index.ts', import.meta.url));
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'drafts' } },
  });
  const first = Array.isArray(output) ? output[0] : output;
  if (!first || !('output' in first)) throw new Error('vite did not return a bundle');
  const chunk = first.output.find((file) => file.type === 'chunk' && file.isEntry);
  if (!chunk || chunk.type !== 'chunk') throw new Error('no entry chunk in the bundle');
  return chunk.code;
}

async function autosaveLatency() {
  const bundle = await bundleStoreForThePage();
  const page = `<!doctype html><meta charset="utf-8"><title>autosave</title>
<script type="module">import * as drafts from '/drafts.js'; window.drafts = drafts;</script>`;
  // An http origin on loopback, so the page has a real, persistent IndexedDB.
  const server = createServer((req, res) => {
    if (req.url === '/drafts.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  try {
    const tab = await browser.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => 'drafts' in window);
    const durations = await tab.evaluate(async (saves) => {
      const api = (window as unknown as { drafts: typeof import('../../api-client/drafts') }).drafts;
      const store = api.createDraftStore({ dbName: 'autosave-bench', defaults: { source: 'widget', locale: 'fr' } });
      const { id } = await store.create({ kind: 'comment' });
      const text = 'Le jeu de données promis sur les marchés publics n’est toujours pas publié. '.repeat(20);
      const times: number[] = [];
      for (let i = 1; i <= saves; i++) {
        const start = performance.now();
        await store.update(id, { body: text.slice(0, i % text.length) });
        times.push(performance.now() - start);
      }
      store.close();
      return times;
    }, SAVES);
    return { durations: durations.sort((a, b) => a - b), chromium: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
);

const sync = await syncThroughput();
console.log(
  `\nsync of ${DRAFTS.toLocaleString('en')} queued drafts to a local platform process (Node, fake-indexeddb, post-moderation)`,
);
console.table({
  'queue the drafts (create + queue)': seconds(sync.queueMs),
  'sync them all (syncNow)': seconds(sync.syncMs),
  'drafts per second': Math.round(DRAFTS / (sync.syncMs / 1000)),
  requests: sync.requests,
});

const save = await autosaveLatency();
console.log(
  `\nautosave latency: ${SAVES.toLocaleString('en')} saves (store.update) in Chromium ${save.chromium}, real IndexedDB`,
);
console.table({
  p50: `${percentile(save.durations, 50).toFixed(2)} ms`,
  p95: `${percentile(save.durations, 95).toFixed(2)} ms`,
  max: `${(save.durations.at(-1) ?? NaN).toFixed(2)} ms`,
});
