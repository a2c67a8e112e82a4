import { defineConfig } from 'wxt';

/**
 * The platform the extension talks to until the citizen picks another in the
 * options: the demo platform of `npm start`, or VIGIE_PLATFORM_URL at build time.
 */
function platformUrl(): string {
  const value = process.env.VIGIE_PLATFORM_URL ?? 'http://localhost:8787';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`VIGIE_PLATFORM_URL must be an http or https address; it is "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`VIGIE_PLATFORM_URL must be an http or https address; it is "${value}".`);
  }
  return url.origin;
}

const PLATFORM_URL = platformUrl();

// Loaded by the content script on first use, by dynamic import(): they must be
// reachable from pages, but only through Chrome's per-session URL (use_dynamic_url),
// so a page cannot probe a fixed address to learn that Vigie is installed.
const LAZY_CHUNKS = ['content-ui.js', 'content-highlights.js'];

// WXT's source dir is extension/: the extension is one room of the repository,
// beside widget/, api-client/ and platform/.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  // Every import is written out: a reader finds where each name comes from.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'fr',
    // Settings, alarms to wake the worker that sends drafts, and unlimitedStorage so
    // the drafts' database is never evicted under disk pressure. Nothing else.
    permissions: ['storage', 'unlimitedStorage', 'alarms', ...(browser === 'chrome' ? ['sidePanel'] : [])],
    // The demo platform only: another platform chosen in the options is reached under CORS.
    host_permissions: [`${PLATFORM_URL}/*`],
    commands: {
      'open-toolbar': {
        suggested_key: { default: 'Alt+Shift+V' },
        description: '__MSG_commandOpenToolbar__',
      },
    },
    web_accessible_resources:
      manifestVersion === 3
        ? [
            {
              resources: LAZY_CHUNKS,
              matches: ['http://*/*', 'https://*/*'],
              ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
            },
          ]
        : LAZY_CHUNKS,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vigie@extension.vigie.example',
              // The oldest Firefox the tests run in (ESR 153); data_collection_permissions needs 140.
              strict_min_version: '153.0',
              // Firefox asks the citizen's consent to these at install, in the words of Mozilla's
              // taxonomy. On allow-listed pages Vigie asks the platform about the page's address
              // (browsing activity); a contribution carries the quoted passage, the page's address
              // and title (website content) and what the citizen wrote for publication (personal
              // communications, as a public post is). No telemetry: nothing optional to ask for.
              data_collection_permissions: {
                required: ['browsingActivity', 'websiteContent', 'personalCommunications'],
              },
            },
          },
        }
      : {}),
  }),
  zip: {
    // One file per store build: vigie-0.1.0-chrome-mv3.zip, vigie-0.1.0-firefox-mv2.zip, …
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    // The sources AMO's reviewers rebuild the Firefox package from: the extension, the
    // api-client it imports, and what installs and configures the build. Listed rather
    // than everything-but, so nothing else of the repository ships by accident (never a
    // local database in data/, nor the platform, the widget or the tests).
    excludeSources: ['**/*'],
    includeSources: [
      'extension/**',
      'api-client/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
  },
  vite: () => ({
    define: { __VIGIE_PLATFORM_URL__: JSON.stringify(PLATFORM_URL) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { target: 'es2022' },
  }),
});
