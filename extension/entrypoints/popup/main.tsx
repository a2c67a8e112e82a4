import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pagesStrings } from '../../i18n/pages';
import { connectDraftsFeed } from '../../pages/drafts-feed';
import { followSettings, pageLocale } from '../../pages/locale';
import { SyncLine } from '../../pages/sync-line';
import '../../pages/pages.css';

type PanelApis = {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

// Known before the click: opening a side panel must happen within the citizen's gesture.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => (windowId = w.id));

function openSidePanel() {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction)
    void apis.sidebarAction.open(); // Firefox
  else if (apis.sidePanel && windowId !== undefined) void apis.sidePanel.open({ windowId }); // Chrome
  window.close();
}

function Popup() {
  const t = pagesStrings[pageLocale.value];
  return (
    <main>
      <h1>Vigie</h1>
      <SyncLine news />
      <div class="actions">
        <button type="button" class="primary" onClick={openSidePanel}>
          {t.openSidePanel}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t.openOptions}
        </button>
      </div>
    </main>
  );
}

const lifetime = new AbortController();
followSettings(lifetime.signal);
connectDraftsFeed(lifetime.signal);
render(<Popup />, document.getElementById('app')!);
