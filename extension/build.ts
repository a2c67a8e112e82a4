/**
 * Builds the extension with WXT for Chrome (MV3) and Firefox (MV3 and MV2), when
 * its sources are newer than the last build (or always, without --if-stale), and
 * says where the builds are.
 *
 *   npx tsx extension/build.ts [--if-stale]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'wxt';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const CHROME_DIR = path.join(root, '.output/chrome-mv3');
export const FIREFOX_MV3_DIR = path.join(root, '.output/firefox-mv3');
export const FIREFOX_MV2_DIR = path.join(root, '.output/firefox-mv2');
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** What WXT builds, each into its own folder of .output/. */
export const targets = [
  { browser: 'chrome', manifestVersion: 3 },
  { browser: 'firefox', manifestVersion: 3 },
  { browser: 'firefox', manifestVersion: 2 },
] as const satisfies ReadonlyArray<Pick<InlineConfig, 'browser' | 'manifestVersion'>>;

/** What a build is made from: a change to any of these makes the build stale. */
const sources = ['extension', 'api-client', 'wxt.config.ts', 'package.json'];

export interface ExtensionBuild {
  chromeDir: string;
  /** Firefox, Manifest V3: the one the README recommends. */
  firefoxMv3Dir: string;
  /** Firefox, Manifest V2: built and tested the same. */
  firefoxMv2Dir: string;
  /** False when the existing build was up to date. */
  built: boolean;
  /** gzip -9 bytes of the content script every page loads, before any interaction. */
  contentScriptGzip: number;
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== 'node_modules') visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of sources) {
    const file = path.join(root, source);
    if (existsSync(file)) visit(file);
  }
  return newest;
}

/** Stale when a build is missing, or older than the newest source file. */
export function extensionBuildIsStale(): boolean {
  for (const dir of [CHROME_DIR, FIREFOX_MV3_DIR, FIREFOX_MV2_DIR]) {
    const manifest = path.join(dir, 'manifest.json');
    if (!existsSync(manifest) || statSync(manifest).mtimeMs < newestSourceTime()) return true;
  }
  return false;
}

export function contentScriptGzip(dir = CHROME_DIR): number {
  return gzipSync(readFileSync(path.join(dir, CONTENT_SCRIPT)), { level: 9 }).length;
}

/** Runs WXT as for a release: packages pick their production entries from NODE_ENV, which a test runner sets to "test". */
export async function inProduction<T>(work: () => Promise<T>): Promise<T> {
  const callerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await work();
  } finally {
    if (callerEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerEnv;
  }
}

export async function buildExtension(options: { ifStale?: boolean } = {}): Promise<ExtensionBuild> {
  const built = !options.ifStale || extensionBuildIsStale();
  if (built) {
    await inProduction(async () => {
      for (const target of targets) await build({ root, ...target });
    });
  }
  return {
    chromeDir: CHROME_DIR,
    firefoxMv3Dir: FIREFOX_MV3_DIR,
    firefoxMv2Dir: FIREFOX_MV2_DIR,
    built,
    contentScriptGzip: contentScriptGzip(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const result = await buildExtension({ ifStale: process.argv.includes('--if-stale') });
  const relative = (dir: string) => path.relative(process.cwd(), dir) || '.';
  console.log(result.built ? 'Extension built:' : 'Extension up to date:');
  console.log(`  Chrome (MV3)   ${relative(result.chromeDir)}   chrome://extensions → "Load unpacked"`);
  console.log(
    `  Firefox (MV3)  ${relative(result.firefoxMv3Dir)}   about:debugging → "Load Temporary Add-on" → manifest.json`,
  );
  console.log(`  Firefox (MV2)  ${relative(result.firefoxMv2Dir)}   the same, from this folder`);
  console.log(`  Content script first load: ${(result.contentScriptGzip / 1024).toFixed(1)} KB gzip`);
}
