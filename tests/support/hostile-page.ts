import { expect } from 'vitest';
import type { CitizenWorld } from './citizen-world';
import { selectPassage, type InPageWords } from './citizen-flows';
import type { InPageDriver } from './in-page-driver';

/**
 * A hostile page: it looks for Vigie's drafts in its own IndexedDB, reaches for
 * the extension's messaging, forges messages on the window (including the one
 * WXT uses to retire old content scripts) and tries to read our shadow root.
 */
export const hostilePage = (
  extensionId: string,
) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page hostile</title></head>
<body><main><h1>Bienvenue</h1><p id="texte">Les engagements de cette page sont tenus, circulez.</p></main>
<script>
window.__attack = (async () => {
  const report = {};
  report.databases = (await indexedDB.databases()).map((d) => d.name);
  report.draftsInPageDb = await new Promise((resolve) => {
    const open = indexedDB.open('vigie-extension');
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      if (!names.includes('drafts')) { db.close(); resolve(0); return; }
      const count = db.transaction('drafts').objectStore('drafts').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
    };
    open.onerror = () => resolve(-1);
  });
  report.runtime = typeof chrome === 'undefined' || !chrome.runtime ? 'unreachable' : typeof chrome.runtime.sendMessage;
  if (typeof chrome !== 'undefined' && chrome.runtime && chrome.runtime.sendMessage) {
    try {
      await chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, { id: 1, type: 'draft:delete', data: { id: '00000000-0000-4000-8000-000000000000' }, timestamp: Date.now() });
      report.sent = 'answered';
    } catch (e) { report.sent = 'refused'; }
  }
  const forged = { id: 1, type: 'draft:create', timestamp: Date.now(), data: {
    fields: { kind: 'comment', body: 'forgé', pseudonym: '' },
    target: { url: location.href, title: 'x', selectors: [] } } };
  window.postMessage(forged, '*');
  window.postMessage({ type: 'network:online', timestamp: Date.now(), id: 2 }, '*');
  document.dispatchEvent(new CustomEvent(${JSON.stringify(extensionId)} + ':content:wxt:content-script-started',
    { detail: { contentScriptName: 'content', messageId: 'page' } }));
  window.postMessage({ type: ${JSON.stringify(extensionId)} + ':content:wxt:content-script-started', contentScriptName: 'content', messageId: 'page' }, '*');
  report.shadow = [...document.querySelectorAll('[data-vigie]')].map((host) => host.shadowRoot === null ? 'closed' : 'open');
  return report;
})();
</script></body></html>`;

/** What the extension holds as drafts, read by the browser's own means (its worker, or one of its pages). */
type DraftsReader = () => Promise<Array<{ id: string; state: string; body?: string }>>;

/**
 * On the hostile page (served at `url`): the page finds no draft in its own
 * database and cannot reach the extension's messaging; its forged messages
 * create nothing and send nothing; and Vigie is still there, answering a
 * selection from a root the page cannot open.
 */
export async function expectHostilePageHarmless(
  world: CitizenWorld,
  ui: InPageDriver,
  words: InPageWords,
  draftsInExtension: DraftsReader,
): Promise<void> {
  const draftsBefore = await draftsInExtension();
  const requestsBefore = world.proxy.requests.length;
  const report = await ui.inPage(() => (window as unknown as { __attack: Promise<Record<string, unknown>> }).__attack);
  expect(report).toMatchObject({ draftsInPageDb: 0, runtime: 'unreachable' });
  expect(report.databases).not.toContain('vigie-extension');
  await new Promise((resolve) => setTimeout(resolve, 1000)); // time for a forged message to do harm
  expect(await draftsInExtension()).toEqual(draftsBefore);
  expect(world.proxy.requests.slice(requestsBefore).filter((r) => r.method === 'POST')).toEqual([]);

  await selectPassage(ui, words, { selector: '#texte', passage: 'Les engagements de cette page sont tenus' });
  expect(await ui.inPage(() => [...document.querySelectorAll('[data-vigie]')].map((h) => h.shadowRoot))).toEqual([
    null,
  ]);
}
