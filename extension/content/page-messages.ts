import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging/messenger';
import { pageStateOf, type PageFacts } from './page-state';
import type { SelectionToolbar } from './selection-toolbar';

export interface PageMessagesOptions {
  signal: AbortSignal;
  facts: PageFacts;
  toolbar: SelectionToolbar;
}

/**
 * What the content script answers: the keyboard command (show the toolbar, focused)
 * and the side panel's question (what do you know about this page). Only our own
 * extension can send these (runtime messages never come from web pages); the id
 * is checked all the same.
 */
export function startPageMessages({ signal, facts, toolbar }: PageMessagesOptions): void {
  const ours = (sender: { id?: string | undefined }) => sender.id === browser.runtime.id;
  const offCommand = onMessage('selection:act', ({ sender }) => {
    if (ours(sender)) toolbar.showForSelection(true);
  });
  const offState = onMessage('page:state', ({ sender }) => {
    if (!ours(sender)) throw new Error('Refused.');
    return pageStateOf(facts);
  });
  // The page is told first when the network returns; the worker may not be.
  const online = () => void sendMessage('network:online', undefined).catch(() => undefined);
  addEventListener('online', online, { signal });
  signal.addEventListener('abort', () => {
    offCommand();
    offState();
  });
}
