/**
 * Makes the packages the stores take, into .output/ (each build made afresh):
 *
 *   vigie-<version>-chrome-mv3.zip    the Chrome Web Store
 *   vigie-<version>-firefox-mv3.zip   addons.mozilla.org (the one the README recommends)
 *   vigie-<version>-firefox-mv2.zip   addons.mozilla.org (the Manifest V2 build, tested the same)
 *   vigie-<version>-sources.zip       the sources AMO asks for with a Firefox package
 *
 *   npx tsx extension/package.ts      (npm run package)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zip } from 'wxt';
import { inProduction, root, targets } from './build';

export interface ExtensionPackages {
  chrome: string;
  firefoxMv3: string;
  firefoxMv2: string;
  /** What reviewers rebuild the Firefox packages from (see the README: "Building from the sources"). */
  sources: string;
}

export async function packageExtension(): Promise<ExtensionPackages> {
  return inProduction(async () => {
    const made: Record<string, string> = {};
    let sources: string | undefined;
    for (const target of targets) {
      // WXT zips the sources beside each Firefox package: the same files each time.
      const [packaged, sourcesZip] = await zip({ root, ...target });
      made[`${target.browser}-mv${target.manifestVersion}`] = packaged!;
      sources ??= sourcesZip;
    }
    if (!sources) throw new Error('WXT made no sources archive.');
    return {
      chrome: made['chrome-mv3']!,
      firefoxMv3: made['firefox-mv3']!,
      firefoxMv2: made['firefox-mv2']!,
      sources,
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const made = await packageExtension();
  const relative = (file: string) => path.relative(process.cwd(), file);
  console.log('Packages made:');
  console.log(`  Chrome Web Store           ${relative(made.chrome)}`);
  console.log(`  addons.mozilla.org (MV3)   ${relative(made.firefoxMv3)}   with ${relative(made.sources)}`);
  console.log(`  addons.mozilla.org (MV2)   ${relative(made.firefoxMv2)}   with the same sources`);
}
