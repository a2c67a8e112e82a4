import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';
import { contentScriptGzip, inProduction, root } from '../../extension/build';
import { packageExtension, type ExtensionPackages } from '../../extension/package';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

/** The files of a zip, by path, as bytes (folders left out). */
async function filesOf(zipFile: string): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(readFileSync(zipFile));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

async function manifestOf(zipFile: string): Promise<Record<string, unknown>> {
  return JSON.parse((await filesOf(zipFile)).get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
}

let packages: ExtensionPackages;
const scratch: string[] = [];

beforeAll(async () => {
  packages = await packageExtension();
}, 180_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the Firefox packages', () => {
  it('pass addons-linter, Mozilla’s own review linter, with no error', async () => {
    const linter = createRequire(import.meta.url).resolve('addons-linter/bin/addons-linter');
    for (const file of [packages.firefoxMv3, packages.firefoxMv2]) {
      // The linter exits non-zero when it finds errors; its JSON report is what we read either way.
      const { stdout } = await promisify(execFile)(process.execPath, [linter, file, '--output', 'json'], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
      const name = path.basename(file);
      for (const w of report.warnings)
        console.log(`${name}: addons-linter warning ${w.code} in ${w.file ?? '?'}: ${w.message}`);
      expect(report.errors.map((e) => `${name}: ${e.code} in ${e.file ?? '?'}: ${e.message}`)).toEqual([]);
    }
  }, 120_000);

  it('declare their add-on id, the oldest Firefox tested, and the data they transmit', async () => {
    for (const file of [packages.firefoxMv3, packages.firefoxMv2]) {
      const manifest = await manifestOf(file);
      expect(manifest.browser_specific_settings).toEqual({
        gecko: {
          id: 'vigie@extension.vigie.example',
          strict_min_version: '153.0',
          data_collection_permissions: {
            required: ['browsingActivity', 'websiteContent', 'personalCommunications'],
          },
        },
      });
    }
    expect((await manifestOf(packages.firefoxMv3)).manifest_version).toBe(3);
    expect((await manifestOf(packages.firefoxMv2)).manifest_version).toBe(2);
  });
});

describe('every package', () => {
  it('carries its icons, square PNGs from 16 to 128 pixels, for the stores, the toolbar and the add-ons page', async () => {
    for (const file of [packages.chrome, packages.firefoxMv3, packages.firefoxMv2]) {
      const files = await filesOf(file);
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
        icons?: Record<string, string>;
      };
      const name = path.basename(file);
      expect(Object.keys(manifest.icons ?? {}), name).toEqual(['16', '32', '48', '128']);
      for (const [size, iconPath] of Object.entries(manifest.icons ?? {})) {
        const png = files.get(iconPath);
        expect(png, `${name}: ${iconPath}`).toBeDefined();
        // A PNG's IHDR chunk gives its width and height at bytes 16 and 20.
        expect(png!.subarray(1, 4).toString('latin1'), `${name}: ${iconPath} is a PNG`).toBe('PNG');
        expect([png!.readUInt32BE(16), png!.readUInt32BE(20)], `${name}: ${iconPath}`).toEqual([
          Number(size),
          Number(size),
        ]);
      }
    }
  });
});

describe('the Chrome package', () => {
  it('loads at most 10 KB gzip on every page; the UI comes on first use, from per-session addresses', async () => {
    const gzip = contentScriptGzip();
    console.log(`extension: content script first load ${(gzip / 1024).toFixed(1)} KB gzip (${gzip} bytes)`);
    expect(gzip).toBeLessThanOrEqual(10 * 1024);
    const manifest = (await manifestOf(packages.chrome)) as {
      manifest_version: number;
      content_scripts: Array<{ js: string[] }>;
      web_accessible_resources: unknown[];
      externally_connectable?: unknown;
      browser_specific_settings?: unknown;
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.content_scripts[0]!.js).toEqual(['content-scripts/content.js']);
    expect(manifest.web_accessible_resources[0]).toMatchObject({
      resources: ['content-ui.js', 'content-highlights.js'],
      use_dynamic_url: true,
    });
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.browser_specific_settings).toBeUndefined();
  });
});

describe('the sources archive', () => {
  it('holds what builds the extension, and nothing else of the repository', async () => {
    const names = [...(await filesOf(packages.sources)).keys()];
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md'])
      expect(names).toContain(needed);
    expect(names).toContain('extension/entrypoints/content.ts');
    expect(names).toContain('api-client/contract/url.ts');
    expect(names.filter((name) => !/^(extension|api-client)\//.test(name) && !name.includes('/')).sort()).toEqual([
      'README.md',
      'package-lock.json',
      'package.json',
      'tsconfig.json',
      'wxt.config.ts',
    ]);
    expect(names.filter((name) => !/^(extension|api-client)\//.test(name) && name.includes('/'))).toEqual([]);
  });

  it('builds the same Firefox packages again, file for file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-amo-sources-'));
    scratch.push(dir);
    for (const [name, bytes] of await filesOf(packages.sources)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    // A reviewer runs `npm ci` first; the installed tree of this checkout stands in for it.
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [manifestVersion, shipped] of [
      [3, packages.firefoxMv3],
      [2, packages.firefoxMv2],
    ] as const) {
      await inProduction(() => build({ root: dir, browser: 'firefox', manifestVersion }));
      const rebuilt = path.join(dir, `.output/firefox-mv${manifestVersion}`);
      const expected = await filesOf(shipped);
      const built = readdirSync(rebuilt, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(rebuilt, path.join(entry.parentPath, entry.name)));
      expect(built.sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) {
        expect(readFileSync(path.join(rebuilt, name)).equals(bytes), `${name} of firefox-mv${manifestVersion}`).toBe(
          true,
        );
      }
    }
  }, 120_000);
});
