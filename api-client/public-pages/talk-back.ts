// The public pages' « Moi aussi » and « Répondre »: this entry is all a page loads first.
// The rest (the device's outbox: Dexie, the contract's checks, the sync engine) comes only
// when the page shows a contribution, now or once the live list receives one. No inline
// code: this file is what the pages' Content-Security-Policy allows.
const TALK = '[data-talk]';

function load(): void {
  void import('./runtime').then(({ startTalkBack }) => startTalkBack());
}

if (document.querySelector(TALK)) load();
else {
  const watcher = new MutationObserver(() => {
    if (!document.querySelector(TALK)) return;
    watcher.disconnect();
    load();
  });
  watcher.observe(document.body, { childList: true, subtree: true });
}
