import type { Contribution } from '../../api-client/contract';
import type { TalkStrings } from '../talk-i18n';
import type { TalkHost } from './talk-back';
import type { DraftView, Writer } from './types';

const SAVE_DELAY_MS = 250;

/** A reply being written under one contribution: its words are a draft on the device. */
export interface Composer {
  parentId: string;
  draftId: string | null;
  body: string;
  open: boolean;
  /** Why it was refused (by the contract before sending, or by the platform). */
  error: string | undefined;
}

interface Saving {
  timer: ReturnType<typeof setTimeout> | undefined;
  done: Promise<unknown>;
}

/**
 * The replies this device writes, one per contribution at a time: saved as drafts of kind
 * `reply` within 250 ms of each keystroke (so a reload or the network gone loses nothing),
 * queued on send and followed until the platform has them, like the form's draft. Closing
 * the box keeps the words: « Répondre » opens them again.
 */
export class ReplyComposers {
  readonly #host: TalkHost;
  readonly #t: () => TalkStrings;
  readonly #composers = new Map<string, Composer>();
  readonly #saving = new Map<string, Saving>();
  /** The last reply sent under each contribution, as the engine moves it. */
  readonly #sent = new Map<string, DraftView>();
  readonly #unwatch: Array<() => void> = [];

  constructor(host: TalkHost, t: () => TalkStrings) {
    this.#host = host;
    this.#t = t;
  }

  /** After a reload: unsent replies come back open with their words, sent ones with their state. */
  async restore(writer: Writer): Promise<void> {
    for (const { parentId, view } of await writer.openReplies()) {
      if (view.state === 'draft' || view.state === 'rejected') {
        this.#composers.set(parentId, {
          parentId,
          draftId: view.id,
          body: view.fields.body,
          open: true,
          error: view.reason === undefined ? undefined : this.#t().replyRefused(view.reason),
        });
      } else this.#follow(writer, parentId, view.id);
    }
    this.#host.element.requestUpdate();
  }

  get(parentId: string): Composer | undefined {
    return this.#composers.get(parentId);
  }

  /** Where the last reply sent under this contribution stands, in words. */
  status(parentId: string): string | undefined {
    const view = this.#sent.get(parentId);
    const t = this.#t();
    switch (view?.state) {
      case 'queued':
        return navigator.onLine ? t.replySending : t.replyWaiting;
      case 'sending':
        return t.replySending;
      case 'synced':
        return view.published ? t.replyPublished : t.replyForReview;
      default:
        return undefined;
    }
  }

  open(parent: Contribution): void {
    const composer = this.#composers.get(parent.id);
    if (composer) composer.open = !composer.open;
    else this.#composers.set(parent.id, { parentId: parent.id, draftId: null, body: '', open: true, error: undefined });
    this.#focus(this.#composers.get(parent.id)?.open ? `reply-body-${parent.id}` : `reply-${parent.id}`);
  }

  close(parentId: string): void {
    const composer = this.#composers.get(parentId);
    if (composer) composer.open = false;
    this.#focus(`reply-${parentId}`);
  }

  input(parent: Contribution, body: string): void {
    const composer = this.#composers.get(parent.id);
    if (!composer) return;
    composer.body = body;
    composer.error = undefined;
    const saving = this.#saving.get(parent.id) ?? { timer: undefined, done: Promise.resolve() };
    clearTimeout(saving.timer);
    saving.timer = setTimeout(() => void this.#save(parent), SAVE_DELAY_MS);
    this.#saving.set(parent.id, saving);
  }

  async send(parent: Contribution): Promise<void> {
    const composer = this.#composers.get(parent.id);
    const writer = await this.#host.writer();
    if (!composer || !writer) return;
    await this.#save(parent);
    if (!composer.draftId) return;
    const result = await writer.send(composer.draftId);
    if (!result.ok) {
      composer.error = Object.values(result.errors)[0];
      this.#focus(`reply-body-${parent.id}`);
      return;
    }
    this.#composers.delete(parent.id);
    this.#follow(writer, parent.id, result.id);
    this.#focus(`reply-${parent.id}`);
  }

  dispose(): void {
    for (const saving of this.#saving.values()) clearTimeout(saving.timer);
    for (const stop of this.#unwatch.splice(0)) stop();
  }

  /** Saves the words now (one save after the other: the last words typed are the ones kept). */
  #save(parent: Contribution): Promise<unknown> {
    const saving = this.#saving.get(parent.id) ?? { timer: undefined, done: Promise.resolve() };
    clearTimeout(saving.timer);
    saving.timer = undefined;
    saving.done = saving.done
      .catch(() => undefined)
      .then(async () => {
        const composer = this.#composers.get(parent.id);
        const writer = await this.#host.writer();
        if (!composer || !writer || (composer.draftId === null && composer.body === '')) return;
        composer.draftId = await writer.saveReply(composer.draftId, parent, composer.body);
      });
    this.#saving.set(parent.id, saving);
    return saving.done;
  }

  #follow(writer: Writer, parentId: string, id: string): void {
    this.#unwatch.push(
      writer.watch(id, (view) => {
        if (!view) return;
        if (view.state === 'rejected') {
          // Refused by the platform: the words come back to be edited and sent again.
          this.#sent.delete(parentId);
          this.#composers.set(parentId, {
            parentId,
            draftId: view.id,
            body: view.fields.body,
            open: true,
            error: this.#t().replyRefused(view.reason ?? ''),
          });
        } else this.#sent.set(parentId, view);
        this.#host.element.requestUpdate();
      }),
    );
  }

  #focus(id: string): void {
    const { element } = this.#host;
    element.requestUpdate();
    void element.updateComplete.then(() => (element.renderRoot as ShadowRoot).getElementById(id)?.focus());
  }
}
