import { fileURLToPath } from 'node:url';

export interface ConsoleAsset {
  body: string | Uint8Array;
  type: string;
}

const appDir = fileURLToPath(new URL('./app/', import.meta.url));
const types: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

let bundle: Promise<Map<string, ConsoleAsset>> | undefined;

async function build(): Promise<Map<string, ConsoleAsset>> {
  // Loaded only when someone opens the console: the API alone never pays for the bundler.
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    configFile: false,
    root: appDir,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: fileURLToPath(new URL('./main.ts', `file://${appDir}`)),
        output: {
          entryFileNames: 'console.js',
          chunkFileNames: 'console-[hash].js',
          assetFileNames: 'console[extname]',
        },
      },
    },
  });
  const assets = new Map<string, ConsoleAsset>();
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const file of output.output) {
      const extension = file.fileName.split('.').at(-1) ?? '';
      const body = file.type === 'chunk' ? file.code : file.source;
      assets.set(file.fileName, { body, type: types[extension] ?? 'application/octet-stream' });
    }
  }
  return assets;
}

/**
 * The console's files, bundled by Vite in memory once per process, at the first
 * visit (or at `npm start`); a failed build is tried again at the next visit.
 */
export function prepareConsole(): Promise<Map<string, ConsoleAsset>> {
  bundle ??= build().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
