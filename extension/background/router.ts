import type { Selector } from '../../api-client/contract';
import {
  DraftLockedError,
  DraftNotFoundError,
  fieldErrors,
  inputOfFormFields,
  NotWithdrawableError,
  type Draft,
  type DraftInput,
} from '../../api-client/drafts';
import { VigieHttpError, VigieNetworkError, VigieTimeoutError } from '../../api-client/http';
import {
  backgroundRequests,
  type BackgroundAnswers,
  type BackgroundRequests,
  type SendResult,
} from '../messaging/protocol';
import { identifySender, type Caller, type SelfIdentity, type SenderLike } from '../messaging/sender';
import type { DraftAccess, DraftOwner } from './draft-access';
import { inputOfNewDraft, mayBeOnPlatform, ownPassageOf, viewOf } from './draft-views';
import type { DraftsService } from './drafts-service';
import type { PageData } from './page-data';
import type { PassageChoices } from './passage-choices';
import { RefusedMessage } from './refused-message';
import { talkBackRoutes } from './talk-back-routes';

export type RequestType = keyof BackgroundRequests;

export { RefusedMessage };

export interface RouterDeps {
  drafts: DraftsService;
  access: DraftAccess;
  pageData: PageData;
  passages: PassageChoices;
  self: SelfIdentity;
  /** The pseudonym the citizen set in the options: every contribution is signed with it, or anonymous. */
  pseudonym(): string;
  /** Opens the options, where the pseudonym is changed (a content script cannot). */
  openOptions(): Promise<void>;
  /** Asks the platform what became of the sent contributions (a page showing them opened). */
  refreshStatuses(): void;
}

/** A refusal the citizen reads, in every language: it crosses to the page with its sentences. */
export class SaidRefusal extends Error {
  constructor(readonly sentences: { fr: string; en: string }) {
    super(sentences.en);
    this.name = 'SaidRefusal';
  }
}

const maybeReceived = new SaidRefusal({
  fr: 'La plateforme a peut-être déjà reçu cette contribution : retirez-la, ou oubliez-la sur cet appareil.',
  en: 'The platform may already have received this contribution: withdraw it, or forget it on this device.',
});

const withdrawalOffline = new SaidRefusal({
  fr: 'Pas de connexion à la plateforme : la contribution n’est pas retirée. Rien n’est perdu : réessayez une fois connecté.',
  en: 'No connection to the platform: the contribution is not withdrawn. Nothing is lost: try again once connected.',
});

/** The quote a draft or a composer is about: the same words with the same context, or none on either side. */
function sameQuote(a: readonly Selector[], b: readonly Selector[]): boolean {
  const quoteA = a.find((s) => s.type === 'TextQuoteSelector');
  const quoteB = b.find((s) => s.type === 'TextQuoteSelector');
  if (!quoteA || !quoteB) return !quoteA && !quoteB;
  return quoteA.exact === quoteB.exact && quoteA.prefix === quoteB.prefix && quoteA.suffix === quoteB.suffix;
}

interface Route<K extends RequestType> {
  /** Who may send it: a content script, our own pages, or both. */
  from: readonly Caller['kind'][];
  handle(data: BackgroundRequests[K], caller: Caller): Promise<BackgroundAnswers[K]>;
}

type Routes = { [K in RequestType]: Route<K> };

const ownerOf = (caller: Extract<Caller, { kind: 'content' }>): DraftOwner => ({
  tabId: caller.tabId,
  origin: caller.origin,
});

/**
 * Every request the background answers, each checked three ways before it runs:
 * the sender (our extension; a content script in a tab, or our own page), the
 * kind of caller the route accepts, and the data against its zod schema. A
 * content script only reaches the drafts written from its own tab and origin.
 */
export function createRouter(deps: RouterDeps) {
  const { store, connectivity } = deps.drafts;

  async function mayTouch(id: string, caller: Caller): Promise<void> {
    if (caller.kind === 'extension-page') return;
    if (!(await deps.access.allows(id, ownerOf(caller)))) {
      // Same answer as a missing draft: a page learns nothing about other drafts.
      throw new DraftNotFoundError(id);
    }
  }

  /** The pseudonym set in the options, as a draft carries it: one place to change it, every draft signed with it. */
  const author = (): Pick<DraftInput, 'author'> => {
    const pseudonym = deps.pseudonym().trim();
    return { author: pseudonym ? { pseudonym } : undefined };
  };

  /** A content script's own page's drafts: typed on its origin, filed under the address it reads. */
  const ofPage = (draft: Draft, url: string, caller: Caller) =>
    caller.kind === 'content' && draft.writtenOn === caller.origin && draft.input.target?.url === url;

  async function queue(id: string): Promise<SendResult> {
    const before = await store.get(id);
    // Signed as the options say now: the citizen may have changed the pseudonym since the draft began.
    if (before?.state === 'draft' || before?.state === 'rejected') await store.update(id, author());
    const result = await store.queue(id);
    if (result.ok) return { ok: true, view: viewOf(result.draft) };
    return { ok: false, errors: fieldErrors(result.problems) };
  }

  const routes: Routes = {
    'page:lookup': {
      from: ['content'],
      async handle(data, caller) {
        const found = await deps.pageData.lookup(data.url, caller.url);
        if (!found.allowed) return found;
        const ids = found.contributions.map((c) => c.id);
        return { ...found, choices: await deps.passages.of(data.url, ids) };
      },
    },
    'passage:choose': {
      from: ['content'],
      async handle({ url, contributionId, choice }, caller) {
        // Choices are made where contributions are shown: on pages of the allow-list.
        if (!(await deps.pageData.allows(caller.url))) throw new RefusedMessage('passage:choose', 'page not allowed');
        if ('here' in choice) await deps.passages.confirm(url, contributionId, choice.here);
        else await deps.passages.refuse(url, contributionId, choice.notHere);
      },
    },
    'draft:create': {
      from: ['content'],
      async handle(data, caller) {
        const origin = caller.kind === 'content' ? { writtenOn: caller.origin } : {};
        const draft = await store.create({ ...inputOfNewDraft(data), ...author() }, origin);
        if (caller.kind === 'content') await deps.access.grant(draft.id, ownerOf(caller));
        return viewOf(draft);
      },
    },
    'draft:save': {
      from: ['content', 'extension-page'],
      async handle(data, caller) {
        await mayTouch(data.id, caller);
        return viewOf(await store.update(data.id, { ...inputOfFormFields(data.fields), ...author() }));
      },
    },
    'draft:resume': {
      from: ['content'],
      async handle(data, caller) {
        // The unsent words this page's composer left for this passage, the latest if several.
        const found = (await store.list({ state: ['draft', 'rejected'] }))
          .filter((d) => ofPage(d, data.url, caller) && sameQuote(d.input.target?.selectors ?? [], data.selectors))
          .sort((a, b) => b.updatedAt - a.updatedAt)[0];
        if (!found) return null;
        if (caller.kind === 'content') await deps.access.grant(found.id, ownerOf(caller));
        return viewOf(found);
      },
    },
    'draft:discard': {
      from: ['content', 'extension-page'],
      async handle(data, caller) {
        await mayTouch(data.id, caller);
        // Only a draft without words: a closed composer never loses what was typed.
        const draft = await store.get(data.id);
        if (draft?.state !== 'draft' || (draft.input.body ?? '').trim() !== '') return false;
        await deps.access.forget(data.id);
        return store.remove(data.id);
      },
    },
    'page:own': {
      from: ['content'],
      async handle(data, caller) {
        const drafts = (await store.list({ state: ['queued', 'sending', 'synced'] })).filter((d) =>
          ofPage(d, data.url, caller),
        );
        return drafts.flatMap((d) => ownPassageOf(d) ?? []);
      },
    },
    'options:open': {
      from: ['content'],
      handle: () => deps.openOptions(),
    },
    'draft:send': {
      from: ['content', 'extension-page'],
      async handle(data, caller) {
        await mayTouch(data.id, caller);
        const sent = await queue(data.id);
        // A draft refused as a conflict leaves under a new id: its tab keeps its access.
        if (sent.ok && sent.view.id !== data.id && caller.kind === 'content') {
          await deps.access.grant(sent.view.id, ownerOf(caller));
        }
        return sent;
      },
    },
    'draft:delete': {
      from: ['extension-page'],
      async handle(data) {
        // Deleting here is for what only ever lived here: a sent one would lose its way to be withdrawn.
        const draft = await store.get(data.id);
        if (draft && mayBeOnPlatform(draft)) throw maybeReceived;
        const removed = await store.remove(data.id);
        await deps.access.forget(data.id);
        return removed;
      },
    },
    'draft:forget': {
      from: ['extension-page'],
      async handle(data) {
        const removed = await store.remove(data.id);
        await deps.access.forget(data.id);
        return removed;
      },
    },
    'draft:withdraw': {
      from: ['extension-page'],
      async handle(data) {
        try {
          return viewOf(await deps.drafts.withdraw(data.id));
        } catch (error) {
          if (error instanceof VigieNetworkError || error instanceof VigieTimeoutError) throw withdrawalOffline;
          if (error instanceof VigieHttpError) {
            const detail = error.problem.detail ?? error.problem.title;
            throw new SaidRefusal({ fr: detail, en: detail });
          }
          throw error;
        }
      },
    },
    'drafts:seen': {
      from: ['extension-page'],
      handle: (data) => store.markSeen(data.ids),
    },
    'drafts:refresh': {
      from: ['extension-page'],
      handle() {
        // The answer comes through the drafts feed when the platform has spoken.
        deps.refreshStatuses();
        return Promise.resolve();
      },
    },
    'draft:retry': {
      from: ['extension-page'],
      async handle(data) {
        const draft = await store.get(data.id);
        if (!draft) throw new DraftNotFoundError(data.id);
        if (draft.state === 'rejected') return queue(data.id);
        // Waiting after a failure: the citizen asks for now rather than after the backoff.
        connectivity.announceOnline({ force: true });
        return { ok: true, view: viewOf(draft) };
      },
    },
    'commitments:find': {
      from: ['extension-page'],
      handle: (data) => deps.pageData.commitments(data.url, data.readingAt, data.ids),
    },
    'network:online': {
      from: ['content', 'extension-page'],
      handle() {
        connectivity.announceOnline();
        return Promise.resolve();
      },
    },
    ...talkBackRoutes({
      store,
      pageData: deps.pageData,
      supports: deps.drafts.supports,
      author,
      ownNews: (ids) => deps.drafts.ownNews(ids),
    }),
  };

  return {
    routes,
    /** Checks the sender and the data, then answers; throws RefusedMessage or a sentence. */
    async handle<K extends RequestType>(
      type: K,
      data: unknown,
      sender: SenderLike | undefined,
    ): Promise<BackgroundAnswers[K]> {
      const caller = identifySender(sender, deps.self);
      if (!caller) throw new RefusedMessage(type, 'the sender is not this extension in a tab or one of its pages');
      const route = routes[type] as Route<K> | undefined;
      if (!route) throw new RefusedMessage(type, 'unknown message');
      if (!route.from.includes(caller.kind)) throw new RefusedMessage(type, `not accepted from a ${caller.kind}`);
      const parsed = backgroundRequests[type].safeParse(data);
      if (!parsed.success) throw new RefusedMessage(type, 'the data does not match its schema');
      try {
        return await route.handle(parsed.data as BackgroundRequests[K], caller);
      } catch (error) {
        throw errorForSender(error);
      }
    },
  };
}

export type Router = ReturnType<typeof createRouter>;

/**
 * The drafts' own errors cross to the sender with their sentences in every
 * language (`sentences`), for the page to say in its own; the rest as they are.
 */
function errorForSender(error: unknown): unknown {
  if (
    error instanceof DraftNotFoundError ||
    error instanceof DraftLockedError ||
    error instanceof NotWithdrawableError ||
    error instanceof SaidRefusal
  ) {
    const said = Object.assign(new Error(error.sentences.fr), { sentences: { ...error.sentences } });
    said.name = error.name;
    return said;
  }
  return error;
}
