import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Commitment } from '../../api-client/contract';
import { sendMessage } from '../messaging/messenger';
import { PageState } from '../messaging/protocol';

export type PageView =
  | { kind: 'loading' }
  /** No content script there: a browser page, a store page, a page still loading. */
  | { kind: 'unreadable' }
  | { kind: 'ready'; state: PageState; commitments: Commitment[] | undefined };

export const pageView = signal<PageView>({ kind: 'loading' });

/** The tab the panel speaks about now. */
let shownTab: number | undefined;

/**
 * The citizen's answer about a possible match ("C'est ici" when `here`), taken
 * to the tab showing it, which keeps it (through the background) and paints or
 * drops the place. True once done; the panel then shows the tab's new state.
 */
export async function decidePassage(id: string, here: boolean): Promise<boolean> {
  if (shownTab === undefined) return false;
  const answer = await sendMessage('passage:decide', { id, here }, shownTab);
  if (answer === null) return false;
  const state = PageState.parse(answer);
  const previous = pageView.value;
  const commitments = previous.kind === 'ready' && previous.state.url === state.url ? previous.commitments : undefined;
  pageView.value = { kind: 'ready', state, commitments };
  return true;
}

/**
 * The tab the side panel speaks about: `?tab=` when given (a side panel opened
 * for a given tab), else the active tab of the window it sits in.
 */
async function tabToShow(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/**
 * Follows the page being read: asks its content script what it knows (often
 * while it still looks up or anchors, then every few seconds: a page whose
 * text comes late is anchored again), then the commitments it names.
 */
export function followActivePage(abort: AbortSignal): void {
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    const tabId = await tabToShow();
    shownTab = tabId;
    if (tabId === undefined) {
      pageView.value = { kind: 'unreadable' };
      return;
    }
    let seen = '';
    while (!abort.aborted && mine === generation) {
      let state: PageState;
      try {
        state = PageState.parse(await sendMessage('page:state', undefined, tabId));
      } catch {
        pageView.value = { kind: 'unreadable' };
        return;
      }
      if (mine !== generation) return;
      const said = JSON.stringify(state);
      if (said !== seen) {
        seen = said;
        const previous = pageView.value;
        const known = previous.kind === 'ready' && previous.state.url === state.url ? previous.commitments : undefined;
        pageView.value = { kind: 'ready', state, commitments: known };
        if (known === undefined && state.allowed) void findCommitments(state, mine);
      }
      const busy = state.lookup === 'pending' || state.anchoring;
      await new Promise((resolve) => setTimeout(resolve, busy ? 250 : 2000));
    }
  };
  const findCommitments = async (state: PageState, mine: number) => {
    let commitments: Commitment[] = [];
    try {
      commitments = await sendMessage('commitments:find', {
        url: state.url,
        readingAt: state.location,
        ids: state.commitmentIds,
      });
    } catch {
      // the card then says no commitment is known; the rest of the panel still works
    }
    const current = pageView.value;
    if (mine === generation && current.kind === 'ready') pageView.value = { ...current, commitments };
  };

  void refresh();
  const onActivated = () => void refresh();
  const onUpdated = (_id: number, change: { status?: string }) => change.status === 'complete' && void refresh();
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  abort.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  });
}
