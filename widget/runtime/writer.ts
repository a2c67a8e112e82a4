import * as z from 'zod/mini';
import {
  createDraftStore,
  createStatusFollower,
  createSyncEngine,
  fieldErrorsIn,
  formFieldsOf,
  inputOfFormFields,
  reasonSentence,
  replyDraftInput,
  requestPersistentStorage,
  setSupport,
  targetTitle,
  watchSupports,
  withdrawContribution,
  type Draft,
  type DraftInput,
  type PushClient,
} from '../../api-client/drafts';
import {
  contributionStatuses,
  createTransport,
  submitBatch,
  supportContribution,
  withdrawContribution as withdrawRoute,
  withdrawSupport,
} from '../../api-client/http';
import { MineSection, type MineHost } from './mine-section';
import type { DraftFields, DraftView, RuntimeOptions, SendResult, Writer } from './types';

// Zod would probe `new Function` for its fast path; a strict CSP page forbids eval.
z.config({ jitless: true });

/** One database per origin for every widget on it, so one tab's engine sends all of them. */
export const WIDGET_DB_NAME = 'vigie-widget';

/**
 * The pseudonym this device signs with, for every widget of the site: remembered from
 * the form's one field, offered again after a reload. Empty is a choice too (anonymous).
 */
const PSEUDONYM_KEY = 'vigie:pseudonym';

function rememberPseudonym(pseudonym: string): void {
  try {
    if (pseudonym.trim()) localStorage.setItem(PSEUDONYM_KEY, pseudonym.trim());
    else localStorage.removeItem(PSEUDONYM_KEY);
  } catch {
    // storage blocked: the pseudonym is typed again next time
  }
}

function rememberedPseudonym(): string {
  try {
    return localStorage.getItem(PSEUDONYM_KEY) ?? '';
  } catch {
    return '';
  }
}

function viewOf(draft: Draft, locale: RuntimeOptions['locale']): DraftView {
  return {
    id: draft.id,
    fields: { ...formFieldsOf(draft), selectors: draft.input.target?.selectors ?? [] },
    state: draft.state,
    reason: draft.state === 'rejected' && draft.lastError ? reasonSentence(draft.lastError, locale) : undefined,
    published: draft.server?.status === 'published',
  };
}

/** The drafts of this origin in IndexedDB, and the engine that sends them. */
export function createWriter(options: RuntimeOptions): Writer {
  const store = createDraftStore({
    dbName: WIDGET_DB_NAME,
    defaults: { source: 'widget', locale: options.locale },
    locale: options.locale,
  });
  const platform = createTransport({ baseUrl: options.platform, locale: options.locale });
  // The engine only sends: the routes it calls are all the widget carries.
  const client: PushClient = {
    submitBatch: (items, o) => submitBatch(platform, items, o),
    supportContribution: (id, key, o) => supportContribution(platform, id, key, o),
    withdrawSupport: (id, key, o) => withdrawSupport(platform, id, key, o),
  };
  const engine = createSyncEngine({ store, client, locale: options.locale });
  let mine: MineSection | undefined;
  // start() recovers drafts a crash left `sending`, under the lock, then sends what waits;
  // a page load is a new session, so drafts waiting out an earlier page's backoff go now.
  void engine.start({ retryNow: true });
  void requestPersistentStorage();

  const inputOf = (fields: DraftFields): DraftInput => ({
    ...inputOfFormFields(fields),
    target: { url: options.pageUrl, title: targetTitle(options.pageTitle), selectors: fields.selectors },
    commitmentId: options.commitmentId,
    campaignId: options.campaignId,
    locale: options.locale,
    source: 'widget',
  });

  const writeDraft = async (id: string | null, fields: DraftFields): Promise<Draft> => {
    if (id) {
      const draft = await store.get(id);
      if (draft && (draft.state === 'draft' || draft.state === 'rejected')) return store.update(id, inputOf(fields));
    }
    return store.create(inputOf(fields));
  };

  // A reply stands under its parent, with no commitment of its own: here when its page is this one.
  const belongsHere = (draft: Draft) =>
    draft.input.target?.url === options.pageUrl &&
    (draft.input.kind === 'reply' ||
      (draft.input.commitmentId === options.commitmentId && draft.input.campaignId === options.campaignId));
  const isReply = (draft: Draft) => draft.input.kind === 'reply';

  return {
    async restore() {
      const open = await store.list({ state: ['draft', 'rejected', 'queued', 'sending'] });
      const latest = open.filter((d) => belongsHere(d) && !isReply(d)).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      return latest ? viewOf(latest, options.locale) : null;
    },

    async save(id, fields) {
      rememberPseudonym(fields.pseudonym);
      return (await writeDraft(id, fields)).id;
    },

    pseudonym: rememberedPseudonym,

    mine(host: MineHost) {
      mine?.dispose();
      const follower = createStatusFollower({
        store,
        client: { contributionStatuses: (items, o) => contributionStatuses(platform, items, o) },
        only: belongsHere,
      });
      const withdrawing = { withdrawContribution: (id: string, secret: string) => withdrawRoute(platform, id, secret) };
      mine = new MineSection(host, {
        store,
        follower,
        withdraw: (id) => withdrawContribution(store, withdrawing, id),
        belongsHere,
      });
      return mine;
    },

    async setSupport(id, wanted, countAtPress) {
      return (await setSupport(store, id, wanted, { countAtPress })) !== undefined;
    },

    watchSupports: (callback) => watchSupports(store).subscribe(callback),

    async saveReply(id, parent, body) {
      const author = rememberedPseudonym().trim();
      const words: DraftInput = { body, author: author ? { pseudonym: author } : undefined };
      const draft = id ? await store.get(id) : undefined;
      if (draft && (draft.state === 'draft' || draft.state === 'rejected'))
        return (await store.update(draft.id, words)).id;
      return (await store.create({ ...replyDraftInput(parent), ...words, locale: options.locale, source: 'widget' }))
        .id;
    },

    async openReplies() {
      const open = await store.list({ state: ['draft', 'rejected', 'queued', 'sending'] });
      return open
        .filter((d) => isReply(d) && d.input.parentId)
        .map((d) => ({ parentId: d.input.parentId!, view: viewOf(d, options.locale) }));
    },

    async send(id): Promise<SendResult> {
      const result = await store.queue(id);
      // A draft refused as a conflict leaves under a new id.
      if (result.ok) return { ok: true, id: result.draft.id };
      return { ok: false, errors: fieldErrorsIn(result.problems, options.locale) };
    },

    watch(id, callback) {
      return store.watchDraft(id).subscribe((draft) => callback(draft && viewOf(draft, options.locale)));
    },

    watchOpenDrafts(callback) {
      return store
        .watchList({ state: ['draft', 'queued', 'sending', 'rejected'] })
        .subscribe((drafts) => callback(drafts.length));
    },

    dispose() {
      mine?.dispose();
      void engine.stop();
      store.close();
    },
  };
}
