import { browser } from 'wxt/browser';
import type { Locale } from '../../api-client/contract';
import { sendMessage } from '../messaging/messenger';
import { DRAFT_PORT, DraftView, SendResult, type DraftFields, type PageTarget } from '../messaging/protocol';

export interface DraftChannel {
  readonly id: string | null;
  /**
   * The unsent draft this page left for this passage, if any: the channel then writes to
   * it instead of starting a new one (selecting the same words again continues them).
   */
  resume(): Promise<DraftView | null>;
  /** The composer closes: a draft it made without a word typed is not kept. */
  discardIfEmpty(): Promise<void>;
  /** Saves the fields (the first save creates the draft); saves run one after the other. */
  save(fields: DraftFields): Promise<DraftView>;
  /** Saves, then asks the background to queue the draft for sending. */
  send(fields: DraftFields): Promise<SendResult>;
  /** The draft's state as it changes, until close(). */
  watch(onView: (view: DraftView) => void): void;
  close(): void;
}

/**
 * The composer's line to its draft in the background. The words go there as they
 * are typed; nothing is kept in the page's own storage, which the page can read.
 */
export function createDraftChannel(target: PageTarget, commitmentId: string | undefined, locale: Locale): DraftChannel {
  let id: string | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let onView: ((view: DraftView) => void) | undefined;

  let closed = false;
  // The background may sleep and drop the port (an MV3 worker, a Firefox event page):
  // the composer then connects again, which wakes it, so the state it shows keeps up.
  const listen = () => {
    if (closed || port || !id || !onView || !browser.runtime?.id) return;
    const listener = onView;
    const current = browser.runtime.connect({ name: DRAFT_PORT });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      const parsed = DraftView.safeParse(message);
      if (parsed.success) listener(parsed.data);
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = undefined;
      setTimeout(listen, 300);
    });
    current.postMessage({ id });
  };

  const save = (fields: DraftFields): Promise<DraftView> => {
    const next = chain.then(async () => {
      const answer = id
        ? await sendMessage('draft:save', { id, fields })
        : await sendMessage('draft:create', { fields, target, locale, ...(commitmentId ? { commitmentId } : {}) });
      const view = DraftView.parse(answer);
      id = view.id;
      listen();
      return view;
    });
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    get id() {
      return id;
    },
    async resume() {
      if (id) return null;
      const found = await sendMessage('draft:resume', { url: target.url, selectors: target.selectors });
      if (!found || id) return null;
      const view = DraftView.parse(found);
      id = view.id;
      listen();
      return view;
    },
    async discardIfEmpty() {
      await chain;
      if (id) await sendMessage('draft:discard', { id }).catch(() => false);
    },
    save,
    async send(fields) {
      const saved = await save(fields);
      return SendResult.parse(await sendMessage('draft:send', { id: saved.id }));
    },
    watch(callback) {
      onView = callback;
      listen();
    },
    close() {
      closed = true;
      const last = port;
      port = undefined;
      last?.disconnect();
    },
  };
}
