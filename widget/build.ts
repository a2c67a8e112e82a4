import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WIDGET_OUT_DIR = path.join(root, 'dist/widget');
export const DEMO_OUT_DIR = path.join(root, 'dist/demo');
const ENTRY = path.join(root, 'widget/vigie-feedback.ts');

export interface WidgetSizes {
  /** gzip -9 bytes of the entry and its static imports: what loads before any interaction. */
  firstLoad: number;
  /** gzip -9 bytes of every chunk the widget can load. */
  total: number;
  chunks: Array<{ file: string; bytes: number; gzip: number; firstLoad: boolean }>;
}

/**
 * Builds `<vigie-feedback>` as one ES module with lazy chunks, minified, into dist/widget,
 * which the platform serves under /widget/. The entry is written twice: `vigie-feedback.js`,
 * the address that follows upgrades, and `vigie-feedback.<hash>.js`, this release's own,
 * for snippets pinned with Subresource Integrity. Earlier releases' files are kept (every
 * other name is content-hashed, so nothing collides): a site pinned to one, or a page that
 * loaded the previous entry before an upgrade, still finds its chunks.
 */
export async function buildWidget(outDir = WIDGET_OUT_DIR): Promise<WidgetSizes> {
  // Vite picks packages' production entries from NODE_ENV, which a test runner sets to
  // "test": Lit's development entry, with its warnings, would ship 3 KB heavier.
  const callerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await buildOnce(outDir);
  } finally {
    if (callerEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerEnv;
  }
  pinRelease(outDir);
  return measure(result);
}

/** Copies the entry under a name made from its content: `vigie-feedback.<sha-256, 12 hex>.js`. */
function pinRelease(outDir: string): string {
  const entry = path.join(outDir, 'vigie-feedback.js');
  const hash = createHash('sha256').update(readFileSync(entry)).digest('hex').slice(0, 12);
  const pinned = `vigie-feedback.${hash}.js`;
  copyFileSync(entry, path.join(outDir, pinned));
  return pinned;
}

function buildOnce(outDir: string) {
  return build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    resolve: {
      // Dexie's default entry is its ES5 build; the modern one is the same code, 2 KB lighter gzipped.
      alias: [{ find: /^dexie$/, replacement: path.join(root, 'node_modules/dexie/dist/modern/dexie.mjs') }],
    },
    build: {
      outDir,
      // Earlier releases stay beside this one (see buildWidget).
      emptyOutDir: false,
      target: 'es2022',
      cssMinify: 'lightningcss',
      sourcemap: true,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => 'vigie-feedback.js' },
      rolldownOptions: {
        output: {
          minify: true,
          // Pure annotations help a bundler that comes next; none does, so they would only weigh.
          comments: { legal: true, annotation: false, jsdoc: false },
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  });
}

function measure(result: Awaited<ReturnType<typeof build>>): WidgetSizes {
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const firstLoad = new Set<string>();
  const visit = (file: string) => {
    if (firstLoad.has(file)) return;
    firstLoad.add(file);
    for (const dep of byName.get(file)?.imports ?? []) visit(dep);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const measured = chunks.map((c) => ({
    file: c.fileName,
    bytes: Buffer.byteLength(c.code),
    gzip: gzipSync(c.code, { level: 9 }).length,
    firstLoad: firstLoad.has(c.fileName),
  }));
  return {
    firstLoad: measured.filter((c) => c.firstLoad).reduce((n, c) => n + c.gzip, 0),
    total: measured.reduce((n, c) => n + c.gzip, 0),
    chunks: measured,
  };
}

/**
 * The demo government site: the fixture page styled with the DSFR, the widget
 * embedded by one script tag that loads it from the platform, as an administration's
 * page would. Served by `npm start` with a strict CSP.
 */
export function assembleDemo(outDir = DEMO_OUT_DIR): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(root, 'widget/demo/index.html'), path.join(outDir, 'index.html'));
  const dsfr = path.join(root, 'node_modules/@gouvfr/dsfr/dist');
  mkdirSync(path.join(outDir, 'dsfr'));
  cpSync(path.join(dsfr, 'dsfr.min.css'), path.join(outDir, 'dsfr/dsfr.min.css'));
  for (const folder of ['fonts', 'icons', 'favicon']) {
    cpSync(path.join(dsfr, folder), path.join(outDir, 'dsfr', folder), { recursive: true });
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(ts|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/widget is missing or older than any source it is built from. */
export function widgetIsStale(outDir = WIDGET_OUT_DIR): boolean {
  const built = path.join(outDir, 'vigie-feedback.js');
  if (!existsSync(built) || !existsSync(path.join(DEMO_OUT_DIR, 'index.html'))) return true;
  const sources = Math.max(newestMtime(path.join(root, 'widget')), newestMtime(path.join(root, 'api-client')));
  return sources > statSync(built).mtimeMs;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && !widgetIsStale()) {
    process.stdout.write('Widget: dist/widget is up to date.\n');
  } else {
    const sizes = await buildWidget();
    assembleDemo();
    process.stdout.write(
      `Widget built in dist/widget: ${kb(sizes.firstLoad)} gzip before interaction, ${kb(sizes.total)} gzip in all.\n`,
    );
  }
}
