import type { Locale } from '../../api-client/contract';
import { describeSyncStatus, type Draft, type SyncEngineState } from '../../api-client/drafts';
import { DRAFT_PORT, DRAFTS_PORT, WatchDraftRequest, type DraftsSnapshot } from '../messaging/protocol';
import { identifySender, type SelfIdentity, type SenderLike } from '../messaging/sender';
import type { DraftAccess } from './draft-access';
import { summaryOf, viewOf } from './draft-views';
import type { DraftsService } from './drafts-service';

/** The part of runtime.Port the background uses. */
export interface PortLike {
  name: string;
  sender?: SenderLike | undefined;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface LiveUpdatesDeps {
  drafts: DraftsService;
  access: DraftAccess;
  locale: () => Promise<Locale>;
  self: SelfIdentity;
}

/**
 * Pushes what changes to whoever shows it: every draft and the sync status to
 * our own pages (`vigie:drafts`), one draft's state to the composer that wrote
 * it (`vigie:draft`). Ports are checked like messages: our pages only for the
 * whole list, a content script only for a draft written from its tab and origin.
 */
export function createLiveUpdates(deps: LiveUpdatesDeps) {
  const { store, engine } = deps.drafts;

  function serveDraftList(port: PortLike, locale: Locale): () => void {
    let drafts: Draft[] | undefined;
    let engineState: SyncEngineState = engine.state.get();
    const emit = () => {
      if (!drafts) return;
      const status = describeSyncStatus(drafts, engineState, locale);
      const snapshot: DraftsSnapshot = {
        status: { text: status.text, tone: status.tone, waiting: status.counts.queued + status.counts.sending },
        drafts: drafts
          .slice()
          .sort((a, b) => b.updatedAt - a.updatedAt)
          .map((draft) => summaryOf(draft, locale)),
      };
      port.postMessage(snapshot);
    };
    const offList = store.watchList().subscribe((value) => {
      drafts = value;
      emit();
    });
    const offEngine = engine.state.subscribe((value) => {
      engineState = value;
      emit();
    });
    return () => {
      offList();
      offEngine();
    };
  }

  // Listens at once: the composer sends its request as soon as it connects.
  function serveOneDraft(port: PortLike, owner: { tabId: number; origin: string }, locale: Promise<Locale>): () => void {
    let stop: (() => void) | undefined;
    let closed = false;
    port.onMessage.addListener((message) => {
      if (stop) return; // one draft per port
      const parsed = WatchDraftRequest.safeParse(message);
      if (!parsed.success) {
        port.disconnect();
        return;
      }
      const { id } = parsed.data;
      void Promise.all([deps.access.allows(id, owner), locale]).then(([allowed, lang]) => {
        if (closed) return;
        if (!allowed) {
          port.disconnect();
          return;
        }
        stop = store.watchDraft(id).subscribe((draft) => port.postMessage(draft ? viewOf(draft, lang) : null));
      });
    });
    return () => {
      closed = true;
      stop?.();
    };
  }

  return {
    connect(port: PortLike): void {
      const caller = identifySender(port.sender, deps.self);
      let stop: (() => void) | undefined;
      let disconnected = false;
      port.onDisconnect.addListener(() => {
        disconnected = true;
        stop?.();
      });
      if (port.name === DRAFTS_PORT && caller?.kind === 'extension-page') {
        void deps.locale().then((locale) => {
          if (!disconnected) stop = serveDraftList(port, locale);
        });
      } else if (port.name === DRAFT_PORT && caller?.kind === 'content') {
        stop = serveOneDraft(port, { tabId: caller.tabId, origin: caller.origin }, deps.locale());
      } else {
        port.disconnect();
      }
    },
  };
}
