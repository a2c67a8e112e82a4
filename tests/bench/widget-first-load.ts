import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../support/chromium';
import { startStaticServer, type StaticFile } from '../support/static-server';

export interface ModeLoad {
  mode: string;
  /** The widget's files the page fetched before any interaction, as served. */
  files: string[];
  /** Their gzip -9 bytes, summed. */
  gzip: number;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/**
 * What a page embedding the widget really fetches before anyone touches it, in Chromium,
 * for each way of embedding it: the widget built in `dir` is served beside a page holding
 * `<vigie-feedback …attributes>`, the page loads until the network is idle, and the widget
 * files it fetched are summed (gzip -9 of each, as the size table counts them). No platform
 * is needed: before an interaction the widget asks it nothing.
 */
export async function firstLoadByMode(dir: string, modes: Record<string, string>): Promise<ModeLoad[]> {
  const routes: Record<string, StaticFile> = {};
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.js'))) {
    routes[`/widget/${file}`] = { body: readFileSync(path.join(dir, file)), type: 'text/javascript' };
  }
  const pathOf = (mode: string) => `/page-${Object.keys(modes).indexOf(mode)}`;
  for (const [mode, attributes] of Object.entries(modes)) {
    routes[pathOf(mode)] = {
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${mode}</title>
        <script type="module" src="/widget/vigie-feedback.js"></script></head>
        <body><main><h1>Page</h1><p>Un texte de la page.</p>
        <vigie-feedback platform="http://127.0.0.1:9" ${attributes}></vigie-feedback></main></body></html>`,
    };
  }
  const server = await startStaticServer(routes);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  try {
    const loads: ModeLoad[] = [];
    for (const mode of Object.keys(modes)) {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on('requestfinished', (r) => {
        const { pathname } = new URL(r.url());
        if (pathname.startsWith('/widget/')) fetched.push(pathname.slice('/widget/'.length));
      });
      await page.goto(server.url + pathOf(mode), { waitUntil: 'networkidle' });
      // Drawn (the floating mode's element has no box of its own: its button is fixed).
      await page.waitForFunction(() => {
        const root = document.querySelector('vigie-feedback')?.shadowRoot;
        return root !== null && root !== undefined && root.querySelector('button') !== null;
      });
      const gzip = fetched.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
      loads.push({ mode, files: fetched, gzip });
      await page.close();
    }
    return loads;
  } finally {
    await browser.close();
    await server.close();
  }
}
