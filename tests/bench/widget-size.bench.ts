import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWidget } from '../../widget/build';
import { bundleShares } from './bundle-shares';
import { machineLine } from './machine';
import { firstLoadByMode } from './widget-first-load';

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
    const when = c.firstLoad
      ? 'with the page'
      : c.file.includes('anchoring')
        ? 'when quoting'
        : c.file.includes('quote-mode')
          ? 'quote-mode: on the first selection or interaction'
          : 'on first interaction';
    const name = c.file.startsWith('chunks/') ? c.file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : c.file;
    console.log(`| ${name} | ${when} | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
  }
  console.log(`\n| measure | measured | budget |\n|---|---:|---:|`);
  console.log(`| before the first interaction | ${kb(sizes.firstLoad)} | 15 KB |`);
  console.log(`| the whole widget | ${kb(sizes.total)} | 64 KB |`);

  // The entry and its static imports, above, is what the build says; below, what a page
  // embedding the widget each way fetched before anyone touched it, in Chromium.
  const budget = 15 * 1024;
  const loads = await firstLoadByMode(dir, {
    inline: '',
    floating: 'mode="floating"',
    'inline, quote-mode': 'quote-mode',
    'floating, commitment': 'mode="floating" commitment="FR0067"',
  });
  console.log('\nFirst load in Chromium, by way of embedding (the widget files fetched before any interaction):\n');
  console.log('| embedded as | files | gzip | budget |\n|---|---|---:|---:|');
  for (const load of loads) {
    const files = load.files
      .map((f) => (f.startsWith('chunks/') ? f.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : f))
      .join(', ');
    const within = load.gzip <= budget ? 'within' : 'OVER';
    console.log(`| ${load.mode} | ${files} | ${kb(load.gzip)} | 15 KB (${within}) |`);
  }
  if (loads.some((l) => l.gzip > budget)) process.exitCode = 1;

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
