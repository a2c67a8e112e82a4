import { browser } from 'wxt/browser';
import { resolveLocale } from '../i18n/locale';
import { toolbarStrings } from '../i18n/toolbar';
import { SETTINGS_KEY, settingsFromStorage } from '../settings/defaults';
import { pageAllowed } from '../shared/allow-list';
import { createLifecycle } from './lifecycle';
import { loadChunk } from './lazy-chunk';
import { startPageMessages } from './page-messages';
import { startOwnPassages } from './own-passages';
import { createPageFacts } from './page-state';
import { startPublishedContributions } from './published-contributions';
import { startSelectionToolbar } from './selection-toolbar';
import { createUiHost } from './ui-host';

/**
 * The content script's first load, on every http(s) page: it reads the settings,
 * listens for a selection, answers the extension, and on allow-listed pages asks
 * for published contributions once the browser is idle. Everything else (the
 * composer, the highlighter) is imported on first use.
 */
export async function startContent(ctx: { onInvalidated(callback: () => void): unknown }): Promise<void> {
  const { signal } = createLifecycle(ctx);
  let settings = settingsFromStorage((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  // The pseudonym a composer shows is the options' as they are now.
  const followSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) settings = settingsFromStorage(changes[SETTINGS_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(followSettings);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(followSettings));
  const locale = resolveLocale(settings.language, browser.i18n.getUILanguage());
  const host = createUiHost(signal);
  const facts = createPageFacts(pageAllowed(location.href, settings.allowList));

  const own = startOwnPassages({ signal, facts, host, locale });
  const toolbar = startSelectionToolbar({
    signal,
    host,
    strings: toolbarStrings[locale],
    onAct: (kind, range) =>
      void loadChunk('ui').then((ui) =>
        ui.openComposer({
          host: host(),
          range,
          kind,
          locale,
          pseudonym: settings.pseudonym,
          signal,
          onSent: () => void own.refresh(),
        }),
      ),
  });
  const passages = startPublishedContributions({ signal, facts, host, locale });
  startPageMessages({ signal, facts, toolbar, passages });
}
