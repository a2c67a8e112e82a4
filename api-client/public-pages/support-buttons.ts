import {
  answerOf,
  freshestCount,
  setSupport,
  shownSupportCount,
  watchSupports,
  type CountAt,
  type DraftStore,
  type SupportRecord,
} from '../drafts';
import type { Locale } from '../contract';
import type { TalkWords } from './words';

/** The count paragraph the server put just before a contribution's controls (components/talk-controls.tsx). */
function countOf(talk: HTMLElement): HTMLElement | null {
  const previous = talk.previousElementSibling;
  return previous instanceof HTMLElement && previous.matches('[data-support-count]') ? previous : null;
}

/** When this page's HTML began to arrive (epoch ms): the counts in it are the platform's as of then. */
function pageArrivedAt(): number {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return performance.timeOrigin + (navigation?.responseStart ?? 0);
}

/**
 * « Moi aussi » on the public pages: each press is kept in the device's outbox (IndexedDB on
 * the platform's origin) and sent by the sync engine, once, whatever the network did
 * meanwhile. The count shown is the platform's (the page's, then the live stream's, then
 * the answer's) with this device's intent that has not reached it yet, and never both.
 */
export class SupportButtons {
  readonly #store: DraftStore;
  readonly #locale: Locale;
  readonly #words: TalkWords;
  readonly #talks = new Map<string, HTMLElement>();
  #records: ReadonlyMap<string, SupportRecord> = new Map();
  /** What the platform last said each count is, and when: the page's HTML, then the live stream. */
  readonly #counted = new Map<string, CountAt>();
  readonly #pageArrivedAt = pageArrivedAt();

  constructor(store: DraftStore, locale: Locale, words: TalkWords) {
    this.#store = store;
    this.#locale = locale;
    this.#words = words;
    watchSupports(store).subscribe((records) => this.#learn(records));
    // The live page's script (assets/live.js) wrote the platform's new count.
    document.addEventListener('vigie:counted', (event) => {
      const count = event.target;
      if (!(count instanceof HTMLElement)) return;
      const talk = count.nextElementSibling;
      if (!(talk instanceof HTMLElement) || !talk.dataset.talk) return;
      this.#counted.set(talk.dataset.talk, { count: Number(count.dataset.supportCount), at: Date.now() });
      this.#render(talk.dataset.talk);
    });
  }

  add(talk: HTMLElement): void {
    const id = talk.dataset.talk;
    const button = talk.querySelector<HTMLButtonElement>('[data-support-button]');
    if (!id || !button) return;
    this.#talks.set(id, talk);
    this.#counted.set(id, { count: Number(countOf(talk)?.dataset.supportCount ?? 0), at: this.#pageArrivedAt });
    button.addEventListener('click', () => void this.#press(id));
    this.#render(id);
  }

  /**
   * The platform's freshest count: the page's or the stream's, or the answer to this device's
   * last press when it came since (from this tab or another), which holds this device's intent.
   */
  #platformCount(id: string): number {
    return freshestCount(this.#counted.get(id) ?? { count: 0, at: 0 }, answerOf(this.#records.get(id)));
  }

  async #press(id: string): Promise<void> {
    const talk = this.#talks.get(id);
    const wanted = !(this.#records.get(id)?.wanted ?? false);
    const record = await setSupport(this.#store, id, wanted, { countAtPress: this.#platformCount(id) });
    const status = talk?.querySelector('[data-talk-status]');
    if (status) {
      status.textContent = !record
        ? this.#words.supportUnavailable
        : wanted && !navigator.onLine
          ? this.#words.supportOffline
          : '';
    }
    // Shown at once; the outbox's own news follows.
    if (record) this.#learn(new Map([...this.#records, [id, record]]));
  }

  #learn(records: ReadonlyMap<string, SupportRecord>): void {
    this.#records = records;
    for (const id of this.#talks.keys()) this.#render(id);
  }

  #render(id: string): void {
    const talk = this.#talks.get(id);
    if (!talk) return;
    const record = this.#records.get(id);
    talk
      .querySelector('[data-support-button]')
      ?.setAttribute('aria-pressed', String(record?.state !== 'gone' && (record?.wanted ?? false)));
    const paragraph = countOf(talk);
    if (!paragraph) return;
    const shown = shownSupportCount(this.#platformCount(id), record);
    const english = this.#locale === 'en';
    const singular = english ? shown === 1 : shown <= 1;
    const template = singular ? this.#words.supportOne : this.#words.supportOther;
    paragraph.textContent = template.replace('{n}', shown.toLocaleString(english ? 'en-GB' : 'fr-FR'));
    paragraph.hidden = shown === 0;
  }
}
