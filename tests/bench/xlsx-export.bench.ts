/**
 * What the XLSX export holds in memory, in the process that writes it: the export's own stream
 * (platform/exports/xlsx.ts) fed with generated rows, read as fast as it comes, the heap and
 * Node's buffers sampled after a garbage collection every 200 ms. Printed, not asserted.
 *   npx tsx tests/bench/xlsx-export.bench.ts
 */
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { xlsxStream } from '../../platform/exports/xlsx';
import type { ExportRow } from '../../platform/storage/storage';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const base = Date.parse('2026-11-01T00:00:00Z');
function row(n: number): ExportRow {
  const at = new Date(base + n * 1000).toISOString();
  return {
    contribution: {
      id: crypto.randomUUID(),
      kind: n % 5 ? 'comment' : 'gap',
      ...(n % 5 ? {} : { gapType: 'missing-data' as const }),
      body: `Contribution ${n} : le jeu de données promis, « avec accents », n'est toujours pas publié, ni daté.`,
      target: {
        url: `https://www.example.gouv.fr/demarches/${n % 500}`,
        title: 'Démarche en ligne',
        selectors: [{ type: 'TextQuoteSelector', exact: 'rendre la commande publique plus transparente' }],
      },
      commitmentId: 'FR0067',
      locale: 'fr',
      source: 'widget',
      createdAt: at,
      status: 'published',
      receivedAt: at,
    },
    moderation: { journal: [] },
  };
}

async function measure(rows: number): Promise<string> {
  let made = 0;
  // Answers without yielding to the event loop, as SQLite's driver does: the hard case.
  const stream = xlsxStream(async (limit) => {
    const page: ExportRow[] = [];
    while (page.length < limit && made < rows) page.push(row(made++));
    return page;
  }, 'fr');
  gc();
  const before = process.memoryUsage();
  let peak = 0;
  const timer = setInterval(() => {
    gc();
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.external);
  }, 200);
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  return `${String(rows).padStart(7)} rows  ${seconds.toFixed(1).padStart(5)} s  ${(rows / seconds).toFixed(0).padStart(6)} rows/s  ${(bytes / 1e6).toFixed(1).padStart(5)} MB  heap + buffers ${mib(before.heapUsed + before.external)} → peak ${mib(peak)} MiB`;
}

const cpus = os.cpus();
const lines = [
  '',
  `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; Node ${process.version}`,
  'XLSX export stream (ExcelJS streaming writer), rows read as fast as they come; memory after GC, sampled every 200 ms:',
];
for (const rows of [20_000, 100_000]) lines.push(`  ${await measure(rows)}`);
lines.push('Target: memory that does not grow with the rows.', '');
process.stdout.write(lines.join('\n'));
