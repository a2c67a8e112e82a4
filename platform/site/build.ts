import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { inProduction, isStale } from '../static/build-steps';
import { DEFAULT_SITE_SCRIPT_DIR } from '../static/dist-dirs';
import { TALK_ENTRY } from './talk-script';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clientDir = path.join(root, 'api-client/public-pages');

export interface TalkScriptSizes {
  /** gzip -9 bytes of the entry: what every page with contributions loads. */
  entry: number;
  /** gzip -9 bytes of everything, the outbox's chunk included (loaded when a page has contributions). */
  total: number;
}

/**
 * Builds the public pages' « Moi aussi » and « Répondre » script (api-client/public-pages,
 * with the device's outbox from api-client/drafts and Dexie) into files the platform serves
 * under /site/talk/, every name content-hashed: run by `npm run build`, by `npm install`
 * (the `prepare` script) and by `npm start` when a source changed. The server never loads Vite.
 */
export async function buildTalkScript(outDir = DEFAULT_SITE_SCRIPT_DIR): Promise<TalkScriptSizes> {
  return measure(await inProduction(() => viteBuild(outDir)));
}

function viteBuild(outDir: string) {
  return build({
    configFile: false,
    root: clientDir,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    resolve: {
      // Dexie's default entry is its ES5 build; the modern one is the same code, lighter.
      alias: [{ find: /^dexie$/, replacement: path.join(root, 'node_modules/dexie/dist/modern/dexie.mjs') }],
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: path.join(clientDir, 'talk-back.ts'),
        output: {
          minify: true,
          comments: { legal: true, annotation: false, jsdoc: false },
          entryFileNames: 'talk-back-[hash].js',
          chunkFileNames: 'talk-[name]-[hash].js',
        },
      },
    },
  });
}

function measure(result: Awaited<ReturnType<typeof build>>): TalkScriptSizes {
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
  return {
    entry: chunks.filter((c) => TALK_ENTRY.test(c.fileName)).reduce((n, c) => n + gzip(c.code), 0),
    total: chunks.reduce((n, c) => n + gzip(c.code), 0),
  };
}

/** True when the built script is missing or older than a source of it: all of api-client, its own folder included. */
export function talkScriptIsStale(outDir = DEFAULT_SITE_SCRIPT_DIR): boolean {
  const built = existsSync(outDir) ? readdirSync(outDir).find((name) => TALK_ENTRY.test(name)) : undefined;
  return isStale(built && path.join(outDir, built), [path.join(root, 'api-client')]);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && !talkScriptIsStale()) {
    process.stdout.write('Public pages script: dist/site is up to date.\n');
  } else {
    const sizes = await buildTalkScript();
    process.stdout.write(
      `Public pages script built in dist/site: ${kb(sizes.entry)} gzip first, ${kb(sizes.total)} gzip in all.\n`,
    );
  }
}
