import { replyDraftInput, type Draft, type DraftInput, type DraftStore } from '../../api-client/drafts';
import type { BackgroundAnswers, BackgroundRequests } from '../messaging/protocol';
import type { Caller } from '../messaging/sender';
import type { SupportMark } from '../messaging/talk-back';
import { viewOf } from './draft-views';
import type { PageData } from './page-data';
import { RefusedMessage } from './refused-message';

/** This device's "Moi aussi": the outbox in the drafts' database, sent once by the sync engine. */
export interface SupportBox {
  /**
   * Keeps the citizen's last intent and wakes the engine; works offline. `countAtPress`: the
   * platform's count the list showed (see countWithIntent).
   */
  press(id: string, wanted: boolean, countAtPress?: number): Promise<SupportMark>;
  marks(ids: readonly string[]): Promise<SupportMark[]>;
}

export interface TalkBackDeps {
  store: DraftStore;
  pageData: Pick<PageData, 'allows'>;
  supports: SupportBox;
  /** The pseudonym of the options, as a draft carries it. */
  author(): Pick<DraftInput, 'author'>;
  /** The live stream spoke of these contributions of this device: ask the platform what became of them. */
  ownNews(ids: readonly string[]): void;
}

type TalkBackType = 'support:press' | 'support:marks' | 'reply:create' | 'own:news';

export type TalkBackRoutes = {
  [K in TalkBackType]: {
    from: readonly Caller['kind'][];
    handle(data: BackgroundRequests[K], caller: Caller): Promise<BackgroundAnswers[K]>;
  };
};

/** A content script speaks of contributions only from a page of the allow-list, where they are shown. */
async function mustBeShown(deps: TalkBackDeps, type: TalkBackType, caller: Caller): Promise<void> {
  if (caller.kind === 'content' && !(await deps.pageData.allows(caller.url))) {
    throw new RefusedMessage(type, 'page not allowed');
  }
}

/** The unsent reply this device began under a contribution, the latest if several. */
const unsentReplyTo = (drafts: readonly Draft[], parentId: string) =>
  drafts
    .filter((d) => d.input.kind === 'reply' && d.input.parentId === parentId)
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];

/**
 * The routes of "Moi aussi", replies and the live stream's news. "Moi aussi" is offered
 * where contributions are shown: the side panel, and the popover on an allow-listed page.
 * A reply is drafted from the side panel only, an extension page, like any draft kept here.
 */
export function talkBackRoutes(deps: TalkBackDeps): TalkBackRoutes {
  return {
    'support:press': {
      from: ['content', 'extension-page'],
      async handle(data, caller) {
        await mustBeShown(deps, 'support:press', caller);
        return deps.supports.press(data.id, data.wanted, data.countAtPress);
      },
    },
    'support:marks': {
      from: ['content', 'extension-page'],
      async handle(data, caller) {
        await mustBeShown(deps, 'support:marks', caller);
        return deps.supports.marks(data.ids);
      },
    },
    'reply:create': {
      from: ['extension-page'],
      async handle({ parentId, target, locale }) {
        // "Répondre" again under the same contribution continues the reply left there.
        const unsent = unsentReplyTo(await deps.store.list({ state: ['draft', 'rejected'] }), parentId);
        if (unsent) return viewOf(unsent);
        const draft = await deps.store.create({
          ...replyDraftInput({ id: parentId, target: { ...target, selectors: [] } }),
          body: '',
          locale,
          source: 'extension',
          ...deps.author(),
        });
        return viewOf(draft);
      },
    },
    'own:news': {
      from: ['extension-page'],
      handle(data) {
        deps.ownNews(data.ids);
        return Promise.resolve();
      },
    },
  };
}
