import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { inProduction, isStale } from '../static/build-steps';
import { DEFAULT_CONSOLE_DIR } from '../static/dist-dirs';

const appDir = fileURLToPath(new URL('./app/', import.meta.url));
/** The file the page loads first: its presence says the console is built. */
export const CONSOLE_ENTRY = 'console.js';

/**
 * Builds the console (Preact) into files the platform serves as they are: run by
 * `npm run build`, by `npm install` (the `prepare` script) and by `npm start` when a
 * source changed. The server itself never loads Vite.
 */
export async function buildConsole(outDir = DEFAULT_CONSOLE_DIR): Promise<void> {
  await inProduction(() => viteBuild(outDir));
}

function viteBuild(outDir: string) {
  return build({
    configFile: false,
    root: appDir,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    // The dashboard draws with the public pages' chart (platform/charts), written in JSX.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: path.join(appDir, 'main.ts'),
        output: {
          entryFileNames: CONSOLE_ENTRY,
          chunkFileNames: 'console-[hash].js',
          assetFileNames: 'console[extname]',
        },
      },
    },
  });
}

/** True when the built console is missing or older than a source of it (its app, the shared chart or the contract). */
export function consoleIsStale(outDir = DEFAULT_CONSOLE_DIR): boolean {
  const contract = fileURLToPath(new URL('../../api-client/contract/', import.meta.url));
  const charts = fileURLToPath(new URL('../charts/', import.meta.url));
  return isStale(path.join(outDir, CONSOLE_ENTRY), [appDir, contract, charts]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && !consoleIsStale()) {
    process.stdout.write('Console: dist/console is up to date.\n');
  } else {
    await buildConsole();
    process.stdout.write('Console built in dist/console.\n');
  }
}
