import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging/messenger';
import { pageStateOf, type PageFacts } from './page-state';
import type { PassageDecision } from '../messaging/protocol';
import type { PassageDecisions } from './published-contributions';
import type { SelectionToolbar } from './selection-toolbar';

export interface PageMessagesOptions {
  signal: AbortSignal;
  facts: PageFacts;
  toolbar: SelectionToolbar;
  passages: PassageDecisions;
}

/** A contribution id: the contract makes them UUIDs. Checked by hand: zod stays out of the first load. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the content script answers: the keyboard command (show the toolbar, focused),
 * the side panel's question (what do you know about this page) and its citizen's
 * answer about a possible match ("C'est ici" or not). Only our own
 * extension can send these (runtime messages never come from web pages); the id
 * is checked all the same.
 */
export function startPageMessages({ signal, facts, toolbar, passages }: PageMessagesOptions): void {
  const ours = (sender: { id?: string | undefined }) => sender.id === browser.runtime.id;
  const offCommand = onMessage('selection:act', ({ sender }) => {
    if (ours(sender)) toolbar.showForSelection(true);
  });
  const offState = onMessage('page:state', ({ sender }) => {
    if (!ours(sender)) throw new Error('Refused.');
    return pageStateOf(facts);
  });
  const offDecide = onMessage('passage:decide', async ({ sender, data }) => {
    if (!ours(sender)) throw new Error('Refused.');
    const { id, here } = (data ?? {}) as Partial<PassageDecision>;
    if (typeof id !== 'string' || !uuid.test(id) || typeof here !== 'boolean') throw new Error('Refused.');
    return (await passages.decide(id, here)) ? pageStateOf(facts) : null;
  });
  // The page is told first when the network returns; the worker may not be.
  const online = () => void sendMessage('network:online', undefined).catch(() => undefined);
  addEventListener('online', online, { signal });
  signal.addEventListener('abort', () => {
    offCommand();
    offState();
    offDecide();
  });
}
