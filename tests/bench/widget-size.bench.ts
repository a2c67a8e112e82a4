import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWidget } from '../../widget/build';
import { bundleShares } from './bundle-shares';
import { machineLine } from './machine';

// Sizes are bytes, not timings: measured by building the widget as `npm run build` does.
const dir = mkdtempSync(path.join(tmpdir(), 'vigie-widget-size-'));
try {
  const sizes = await buildWidget(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\n## Widget size (minified, gzip -9)\n');
  console.log(`machine: ${machineLine()}\n`);
  console.log('| chunk | loads | minified | gzip |');
  console.log('|---|---|---:|---:|');
  for (const c of [...sizes.chunks].sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzip - a.gzip)) {
    const when = c.firstLoad ? 'with the page' : c.file.includes('anchoring') ? 'when quoting' : 'on first interaction';
    const name = c.file.startsWith('chunks/') ? c.file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : c.file;
    console.log(`| ${name} | ${when} | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
  }
  console.log(`\n| measure | measured | budget |\n|---|---:|---:|`);
  console.log(`| before the first interaction | ${kb(sizes.firstLoad)} | 15 KB |`);
  console.log(`| the whole widget | ${kb(sizes.total)} | 64 KB |`);

  console.log(
    '\nWho weighs what in the whole widget (each owner gzipped on its own, so the parts add up to a little more):\n',
  );
  console.log('| code | minified | gzip |\n|---|---:|---:|');
  for (const share of bundleShares(
    dir,
    sizes.chunks.map((c) => c.file),
  )) {
    console.log(`| ${share.owner} | ${kb(share.bytes)} | ${kb(share.gzip)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
