import { noteDraftWritten, recordOpenDrafts } from './draft-hint';
import type { DraftFields, DraftView, RuntimeOptions, SendResult, Writer } from './runtime/types';

const SAVE_DELAY_MS = 250;

/** What the keeper needs from the element, and what it tells it. */
export interface DraftKeeperHost {
  /** Where the words belong; undefined while the widget has no platform. */
  options(): RuntimeOptions | undefined;
  /** The words in the form now. */
  fields(): DraftFields;
  /** A draft of this place was found on the device (after a reload, say), and nothing was typed since. */
  restored(view: DraftView): void;
  saved(id: string): void;
  /** The draft moved on (queued, sending, synced, rejected); `previous` is undefined at first sight. */
  moved(view: DraftView, previous: DraftView['state'] | undefined): void;
  /** The drafts code could not be fetched (offline), or the browser's storage refused. */
  failed(problem: 'code-offline' | 'storage'): void;
}

/**
 * Keeps the citizen's words as a draft on the device: loads the drafts code once,
 * saves at most every 250 ms and one save after the other (the last words typed are
 * the ones kept), follows the draft as the engine sends it, and queues it on send.
 */
export class DraftKeeper {
  readonly #host: DraftKeeperHost;
  readonly #signal: AbortSignal;
  #writer: Promise<Writer> | undefined;
  #draftId: string | null = null;
  #state: DraftView['state'] | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<unknown> = Promise.resolve();
  #unwatch: (() => void) | undefined;
  #unwatchOpen: (() => void) | undefined;

  constructor(host: DraftKeeperHost, signal: AbortSignal) {
    this.#host = host;
    this.#signal = signal;
  }

  /** Loads the drafts code (once), then restores this place's draft. */
  load(): Promise<Writer> | undefined {
    const options = this.#host.options();
    if (!options) return undefined;
    if (this.#writer) return this.#writer;
    const loading = import('./runtime').then((m) => m.createWriter(options));
    this.#writer = loading;
    void loading.then(
      async (writer) => {
        // Keeps the first-load hint in step: drafts waiting here make the next page load open the store at once.
        if (this.#writer === loading) this.#unwatchOpen = writer.watchOpenDrafts(recordOpenDrafts);
        const restored = await writer.restore();
        // Words typed while the code loaded win over an older saved draft.
        if (this.#host.fields().body !== '') this.#schedule(0);
        else if (restored) {
          this.#host.restored(restored);
          this.#attach(restored.id);
        }
      },
      () => {
        // The network went before the code arrived: the words stay in the form, and are
        // saved as soon as the code can be fetched again.
        this.#writer = undefined;
        this.#host.failed('code-offline');
        addEventListener('online', () => void this.load(), { once: true, signal: this.#signal });
      },
    );
    return loading;
  }

  /** The citizen changed the words: a sent draft is history, so new words start a new one. */
  edited(): void {
    if (this.#state === 'synced' || this.#state === 'queued' || this.#state === 'sending') this.#forget();
    this.#schedule(SAVE_DELAY_MS);
  }

  /** Saves now what waits for the debounce (leaving the page, sending). */
  flush(): Promise<unknown> {
    if (this.#timer === undefined) return this.#saving;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const writer = this.load();
    if (!writer) return this.#saving;
    const fields = this.#host.fields();
    this.#saving = this.#saving
      .catch(() => undefined)
      .then(async () => {
        const id = await (await writer).save(this.#draftId, fields);
        // The hint holds from the first save: a reload before the watcher's count still opens the store.
        noteDraftWritten();
        if (this.#writer !== writer) return; // the widget moved on meanwhile
        if (this.#draftId !== id) this.#attach(id);
        this.#host.saved(id);
      });
    this.#saving.catch(() => {
      // When the code itself could not load, load() has said so already.
      if (this.#writer) this.#host.failed('storage');
    });
    return this.#saving;
  }

  /** The citizen pressed send: saves, then queues; the engine takes it from there. */
  async send(): Promise<SendResult | undefined> {
    const writer = this.load();
    if (!writer) return undefined;
    if (this.#timer === undefined && this.#draftId === null) this.#schedule(0);
    await this.flush();
    if (!this.#draftId) return undefined;
    const result = await (await writer).send(this.#draftId);
    // A draft refused as a conflict leaves under a new id.
    if (result.ok && result.id !== this.#draftId) this.#attach(result.id);
    return result;
  }

  /** Saves the last words, then lets go of the drafts code (the widget left, or moved elsewhere). */
  async close(): Promise<void> {
    await this.flush();
    this.#forget();
    this.#unwatchOpen?.();
    this.#unwatchOpen = undefined;
    void this.#writer?.then((w) => w.dispose());
    this.#writer = undefined;
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  #attach(id: string): void {
    if (this.#draftId === id && this.#unwatch) return;
    this.#unwatch?.();
    this.#draftId = id;
    void this.#writer?.then((writer) => {
      this.#unwatch = writer.watch(id, (view) => {
        if (!view || view.id !== this.#draftId) return;
        const previous = this.#state;
        this.#state = view.state;
        if (previous !== view.state) this.#host.moved(view, previous);
      });
    });
  }

  #forget(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#draftId = null;
    this.#state = undefined;
  }
}
