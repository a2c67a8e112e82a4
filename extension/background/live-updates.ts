import { watchSupports, type Draft, type SyncEngineState } from '../../api-client/drafts';
import { DRAFT_PORT, DRAFTS_PORT, WatchDraftRequest, type DraftsSnapshot } from '../messaging/protocol';
import type { SupportsSnapshot } from '../messaging/talk-back';
import { identifySender, type SelfIdentity, type SenderLike } from '../messaging/sender';
import type { DraftAccess } from './draft-access';
import { summaryOf, viewOf } from './draft-views';
import type { DraftsService } from './drafts-service';
import { markOf } from './support-box';

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
  self: SelfIdentity;
}

/**
 * Pushes what changes to whoever shows it: every draft, the sync status and every
 * "Moi aussi" to our own pages (`vigie:drafts`), one draft's state to the composer that wrote
 * it (`vigie:draft`). Ports are checked like messages: our pages only for the
 * whole list, a content script only for a draft written from its tab and origin.
 */
export function createLiveUpdates(deps: LiveUpdatesDeps) {
  const { store, engine } = deps.drafts;

  function serveDraftList(port: PortLike): () => void {
    let drafts: Draft[] | undefined;
    let engineState: SyncEngineState = engine.state.get();
    const emit = () => {
      if (!drafts) return;
      const failure = engineState.lastFailure;
      const snapshot: DraftsSnapshot = {
        drafts: drafts
          .slice()
          .sort((a, b) => b.updatedAt - a.updatedAt)
          .map((draft) => summaryOf(draft)),
        link: {
          online: engineState.online,
          lastFailure: failure
            ? {
                sentence: failure.sentence,
                ...(failure.code !== undefined ? { code: failure.code } : {}),
                ...(failure.status !== undefined ? { status: failure.status } : {}),
              }
            : null,
        },
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
    // "Moi aussi" as it changes (pressed, sent, answered): the panel asks nothing, and an
    // MV3 worker is not kept awake by a page polling it.
    const offSupports = watchSupports(store).subscribe((records) => {
      const snapshot: SupportsSnapshot = { supports: [...records].map(([id, record]) => markOf(id, record)) };
      port.postMessage(snapshot);
    });
    return () => {
      offList();
      offEngine();
      offSupports();
    };
  }

  // Listens at once: the composer sends its request as soon as it connects.
  function serveOneDraft(port: PortLike, owner: { tabId: number; origin: string }): () => void {
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
      void deps.access.allows(id, owner).then((allowed) => {
        if (closed) return;
        if (!allowed) {
          port.disconnect();
          return;
        }
        stop = store.watchDraft(id).subscribe((draft) => port.postMessage(draft ? viewOf(draft) : null));
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
      port.onDisconnect.addListener(() => stop?.());
      if (port.name === DRAFTS_PORT && caller?.kind === 'extension-page') {
        stop = serveDraftList(port);
      } else if (port.name === DRAFT_PORT && caller?.kind === 'content') {
        stop = serveOneDraft(port, { tabId: caller.tabId, origin: caller.origin });
      } else {
        port.disconnect();
      }
    },
  };
}
