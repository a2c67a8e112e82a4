import { setSupport, shownSupportCount, watchSupports, type DraftStore, type SupportRecord } from '../drafts';
import type { Locale } from '../contract';
import type { TalkWords } from './words';

/** The count paragraph the server put just before a contribution's controls (components/talk-controls.tsx). */
function countOf(talk: HTMLElement): HTMLElement | null {
  const previous = talk.previousElementSibling;
  return previous instanceof HTMLElement && previous.matches('[data-support-count]') ? previous : null;
}

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
  /** What the platform last said each count is. */
  readonly #platformCount = new Map<string, number>();
  /** When this page's HTML, and the counts in it, began to arrive (epoch ms). */
  readonly #pageArrivedAt = pageArrivedAt();

  constructor(store: DraftStore, locale: Locale, words: TalkWords) {
    this.#store = store;
    this.#locale = locale;
    this.#words = words;
    watchSupports(store).subscribe((records) => this.#learn(records));
    // The live page's script (assets/live.js) wrote the platform's new count.
    document.addEventListener('vigie:counted', (event) => {
      const count = event.target;
      const talk = count instanceof HTMLElement ? count.nextElementSibling : null;
      if (!(talk instanceof HTMLElement) || !talk.dataset.talk) return;
      this.#platformCount.set(talk.dataset.talk, Number(count instanceof HTMLElement && count.dataset.supportCount));
      this.#render(talk.dataset.talk);
    });
  }

  add(talk: HTMLElement): void {
    const id = talk.dataset.talk;
    const button = talk.querySelector<HTMLButtonElement>('[data-support-button]');
    if (!id || !button) return;
    this.#talks.set(id, talk);
    this.#platformCount.set(id, Number(countOf(talk)?.dataset.supportCount ?? 0));
    button.addEventListener('click', () => void this.#press(id));
    this.#render(id);
  }

  async #press(id: string): Promise<void> {
    const talk = this.#talks.get(id);
    const wanted = !(this.#records.get(id)?.wanted ?? false);
    const record = await setSupport(this.#store, id, wanted, { countAtPress: this.#platformCount.get(id) });
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
    for (const [id, record] of records) {
      const before = this.#records.get(id);
      // Settled by an answer that came after the page: its count, this device's intent in it, is
      // newer than the page's, whichever tab sent it and whether or not this page saw it wait.
      const answered =
        record.state === 'settled' && record.updatedAt !== before?.updatedAt && record.updatedAt >= this.#pageArrivedAt;
      const count = answered ? record.supportCount : undefined;
      if (count !== undefined) {
        this.#platformCount.set(id, count);
        const talk = this.#talks.get(id);
        const paragraph = talk && countOf(talk);
        if (paragraph) paragraph.dataset.supportCount = String(count);
      }
    }
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
    const shown = shownSupportCount(this.#platformCount.get(id) ?? 0, record);
    const english = this.#locale === 'en';
    const singular = english ? shown === 1 : shown <= 1;
    const template = singular ? this.#words.supportOne : this.#words.supportOther;
    paragraph.textContent = template.replace('{n}', shown.toLocaleString(english ? 'en-GB' : 'fr-FR'));
    paragraph.hidden = shown === 0;
  }
}
