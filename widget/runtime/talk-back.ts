import type { html as litHtml, LitElement } from 'lit';
import type { Contribution } from '../../api-client/contract';
import { answerOf } from '../../api-client/drafts/supports';
import { freshestCount, type CountAt } from '../../api-client/drafts/support-count';
import { listReplies, type Transport } from '../../api-client/http';
import { openLiveStream, type LiveEvent, type LiveStream } from '../../api-client/live';
import type { Strings } from '../i18n';
import type { ListState } from '../published-view';
import { talkStrings, type TalkStrings } from '../talk-i18n';
import { withLiveEvent } from './live-list';
import { ReplyComposers } from './reply-composers';
import talkCss from './talk.css?inline';
import type { MineView, RuntimeOptions, SupportRecord, Writer } from './types';

/** What talking back needs of the element: its list, to redraw, to speak, and its drafts. */
export interface TalkHost {
  element: Pick<LitElement, 'requestUpdate' | 'updateComplete' | 'renderRoot'>;
  /** Lit's template tag, handed over as to the mine section (see mine-section.ts). */
  html: typeof litHtml;
  strings(): Strings;
  list(): ListState;
  setList(list: ListState): void;
  /** Reads the list again from its first page (a reset, another sort). */
  reload(): void;
  /** Says something in the list's polite live region. */
  note(text: string): void;
  /** The drafts code (the writer): "Moi aussi" and replies are kept there. */
  writer(): Promise<Writer> | undefined;
  mine(): MineView | undefined;
}

export type ListSort = 'newest' | 'support';

/** A contribution's replies, once the citizen asked to see them. */
export interface RepliesState {
  open: boolean;
  state: 'loading' | 'ready' | 'failed';
  items: Contribution[];
  nextCursor: string | null;
}

const REPLIES_PAGE = 20;

/**
 * Citizens talking back in the widget's list: "Moi aussi" through the device's outbox,
 * replies shown on demand and written as drafts, and the list kept live from the platform's
 * stream (new contributions and replies, answers, counts, removals), without a reload.
 * Loaded with the runtime, never with the page.
 */
export class TalkBack {
  sort: ListSort = 'newest';
  supports: ReadonlyMap<string, SupportRecord> = new Map();
  /** False where this browser cannot make the supporter key (a plain-http page). */
  supportAvailable = true;
  readonly replies = new Map<string, RepliesState>();
  readonly composers: ReplyComposers;
  readonly #host: TalkHost;
  readonly #options: RuntimeOptions;
  readonly #platform: Transport;
  #stream: LiveStream | undefined;
  /** When the platform last gave each count shown (a list or a thread read, a live event), epoch ms. */
  readonly #countedAt = new Map<string, number>();
  #stop: Array<() => void> = [];

  constructor(options: RuntimeOptions, platform: Transport, host: TalkHost) {
    this.#options = options;
    this.#platform = platform;
    this.#host = host;
    this.composers = new ReplyComposers(host, () => this.t);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(talkCss);
    const root = host.element.renderRoot;
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    void host.writer()?.then((writer) => {
      this.#stop.push(
        writer.watchSupports((supports) => {
          this.supports = supports;
          host.element.requestUpdate();
        }),
      );
      void this.composers.restore(writer);
    });
  }

  /** Contributions or replies just read from the platform, asked at `at`: their counts are as of then. */
  counted(items: readonly Contribution[], at: number): void {
    for (const c of items) this.#countedAt.set(c.id, at);
  }

  /**
   * The platform's freshest count of a contribution: the list's or the stream's, or the answer
   * to this device's last « Moi aussi » when it came since (the stream may be blocked).
   */
  platformCount(c: Contribution): number {
    // A count whose time is unknown is taken as the newest word.
    const counted: CountAt = { count: c.supportCount ?? 0, at: this.#countedAt.get(c.id) ?? Number.POSITIVE_INFINITY };
    return freshestCount(counted, answerOf(this.supports.get(c.id)));
  }

  get t(): TalkStrings {
    return talkStrings[this.#host.strings().locale];
  }

  /** Follows the list's page or commitment from where its first page was read. */
  follow(eventId: string | undefined): void {
    this.#stream?.close();
    this.#stream = openLiveStream({
      baseUrl: this.#options.platform,
      // The same scope as the list: the commitment when the widget has one, else the page.
      scope: this.#options.commitmentId ? { commitmentId: this.#options.commitmentId } : { url: this.#options.pageUrl },
      lastEventId: eventId,
      onEvent: (event) => this.#heard(event),
    });
  }

  close(): void {
    this.#stream?.close();
    this.#stream = undefined;
    for (const stop of this.#stop.splice(0)) stop();
    this.composers.dispose();
  }

  async toggleSupport(c: Contribution): Promise<void> {
    const writer = await this.#host.writer();
    if (!writer) return;
    const wanted = !(this.supports.get(c.id)?.wanted ?? false);
    this.supportAvailable = await writer.setSupport(c.id, wanted, this.platformCount(c));
    if (!this.supportAvailable) this.#host.note(this.t.supportUnavailable);
    else if (wanted && !navigator.onLine) this.#host.note(this.t.supportOffline);
    this.#host.element.requestUpdate();
  }

  setSort(sort: ListSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    this.#host.reload();
  }

  /** Shows or hides a contribution's replies; the first showing reads them, oldest first. */
  toggleReplies(parent: Contribution): void {
    const shown = this.replies.get(parent.id);
    if (shown) {
      shown.open = !shown.open;
      this.#host.element.requestUpdate();
      return;
    }
    void this.loadReplies(parent.id);
  }

  async loadReplies(parentId: string, more = false): Promise<void> {
    const before = this.replies.get(parentId);
    const cursor = more ? (before?.nextCursor ?? undefined) : undefined;
    const state: RepliesState = before
      ? { ...before, open: true, ...(more ? {} : { state: 'loading' }) }
      : { open: true, state: 'loading', items: [], nextCursor: null };
    this.replies.set(parentId, state);
    this.#host.element.requestUpdate();
    try {
      const asked = Date.now();
      const page = await listReplies(this.#platform, parentId, { limit: REPLIES_PAGE, ...(cursor ? { cursor } : {}) });
      this.counted(page.items, asked);
      const known = more ? state.items : [];
      const items = [...known, ...page.items.filter((r) => !known.some((k) => k.id === r.id))];
      this.replies.set(parentId, { open: true, state: 'ready', items, nextCursor: page.nextCursor });
    } catch {
      this.replies.set(parentId, { ...state, state: 'failed' });
    }
    this.#host.element.requestUpdate();
  }

  /** One live event: the list, the replies shown, and "Mes contributions" learn it. */
  #heard(event: LiveEvent): void {
    const host = this.#host;
    if (event.type === 'reset') {
      // The platform no longer knows what this page missed: read everything again.
      this.replies.clear();
      host.reload();
      return;
    }
    if (event.type !== 'counts') host.mine()?.heard([event.data.id]);
    this.#countedAt.set(event.data.id, Date.now());
    const parentId = event.type === 'counts' ? undefined : event.data.parentId;
    const shown = parentId ? this.replies.get(parentId) : undefined;
    if (parentId) {
      // A reply: in its parent's replies when they were read (oldest first: at the end).
      const changed = shown && withLiveEvent(shown.items, event, { prepend: false, complete: !shown.nextCursor });
      if (shown && changed) {
        this.replies.set(parentId, { ...shown, items: changed.items });
        if (changed.change === 'added') host.note(this.t.liveReply);
        host.element.requestUpdate();
      }
      return;
    }
    for (const [id, replies] of this.replies) {
      const changed = withLiveEvent(replies.items, event, { prepend: false, complete: false });
      if (changed) this.replies.set(id, { ...replies, items: changed.items });
    }
    const list = host.list();
    if (list.kind !== 'ready') return;
    const changed = withLiveEvent(list.items, event, {
      prepend: this.sort === 'newest',
      complete: list.nextCursor === null,
    });
    if (!changed) {
      // The replies shown may have changed all the same.
      host.element.requestUpdate();
      return;
    }
    if (changed.change === 'removed') {
      this.replies.delete(event.data.id);
      this.#keepFocus(event.data.id);
    }
    host.setList({ ...list, items: changed.items });
    const said = { added: this.t.liveAdded, answered: this.t.liveAnswered, removed: this.t.liveRemoved, counted: '' };
    if (said[changed.change]) host.note(said[changed.change]);
  }

  /** Focus inside a contribution that leaves goes to the list, not to the page's top. */
  #keepFocus(id: string): void {
    const root = this.#host.element.renderRoot as ShadowRoot;
    if (!root.activeElement?.closest(`li[data-id="${CSS.escape(id)}"]`)) return;
    void this.#host.element.updateComplete.then(() => root.getElementById('published-list')?.focus());
  }
}
