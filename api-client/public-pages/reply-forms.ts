import type { Locale } from '../contract';
import {
  describeDraft,
  fieldErrorsIn,
  reasonSentence,
  replyDraftInput,
  type Draft,
  type DraftInput,
  type DraftStore,
  type FieldErrors,
} from '../drafts';
import type { TalkWords } from './words';

const SAVE_DELAY_MS = 250;
/** The pseudonym this device signs with on the platform's pages, offered again next time. */
const PSEUDONYM_KEY = 'vigie:pseudonym';
const editable = (draft: Draft) => draft.state === 'draft' || draft.state === 'rejected';

function remembered(): string {
  try {
    return localStorage.getItem(PSEUDONYM_KEY) ?? '';
  } catch {
    return '';
  }
}

function remember(pseudonym: string): void {
  try {
    if (pseudonym.trim()) localStorage.setItem(PSEUDONYM_KEY, pseudonym.trim());
    else localStorage.removeItem(PSEUDONYM_KEY);
  } catch {
    // storage blocked: the pseudonym is typed again next time
  }
}

interface ReplyForm {
  talk: HTMLElement;
  form: HTMLFormElement;
  body: HTMLTextAreaElement;
  pseudonym: HTMLInputElement;
  open: HTMLButtonElement | null;
  /** The draft being written under this contribution, once a word was typed. */
  draftId?: string | undefined;
  saving: Promise<unknown>;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * « Répondre » on the public pages: the words are a draft of kind `reply` on this device
 * (saved within 250 ms of each keystroke, so a reload or the network gone loses nothing),
 * checked against the contract on send (its sentences, next to their field), then queued
 * and sent once by the sync engine. The author then sees each reply they sent under its
 * contribution with where it stands ("En attente de relecture", "Publiée"), after a reload too.
 */
export class ReplyForms {
  readonly #store: DraftStore;
  readonly #locale: Locale;
  readonly #words: TalkWords;
  readonly #forms = new Map<string, ReplyForm>();
  #replies: Draft[] | undefined;

  constructor(store: DraftStore, locale: Locale, words: TalkWords) {
    this.#store = store;
    this.#locale = locale;
    this.#words = words;
    store.watchList().subscribe((drafts) => {
      this.#replies = drafts.filter((draft) => draft.input.kind === 'reply');
      for (const parentId of this.#forms.keys()) this.#render(parentId);
    });
  }

  add(talk: HTMLElement): void {
    const parentId = talk.dataset.talk;
    const form = talk.querySelector<HTMLFormElement>('form[data-reply-form]');
    const body = form?.querySelector<HTMLTextAreaElement>('textarea[name=body]');
    const pseudonym = form?.querySelector<HTMLInputElement>('input[name=pseudonym]');
    if (!parentId || !form || !body || !pseudonym) return;
    const open = talk.querySelector<HTMLButtonElement>('[data-reply-button]');
    const entry: ReplyForm = { talk, form, body, pseudonym, open, saving: Promise.resolve() };
    this.#forms.set(parentId, entry);
    pseudonym.value = remembered();
    open?.addEventListener('click', () => this.#show(entry, form.hidden));
    form.querySelector('[data-reply-close]')?.addEventListener('click', () => this.#show(entry, false));
    form.addEventListener('input', () => {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => void this.#save(parentId), SAVE_DELAY_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send(parentId);
    });
    this.#render(parentId);
  }

  #show(entry: ReplyForm, shown: boolean, focus = true): void {
    entry.form.hidden = !shown;
    entry.open?.setAttribute('aria-expanded', String(shown));
    if (focus) (shown ? entry.body : entry.open)?.focus();
  }

  /** Saves the words now, one save after the other: the last words typed are the ones kept. */
  #save(parentId: string, evenEmpty = false): Promise<unknown> {
    const entry = this.#forms.get(parentId)!;
    clearTimeout(entry.timer);
    entry.saving = entry.saving
      .catch(() => undefined)
      .then(async () => {
        const pseudonym = entry.pseudonym.value;
        const words: DraftInput = {
          body: entry.body.value,
          author: pseudonym.trim() ? { pseudonym } : undefined,
        };
        const draft = entry.draftId ? await this.#store.get(entry.draftId) : undefined;
        if (draft && editable(draft)) await this.#store.update(draft.id, words);
        else if (entry.body.value !== '' || evenEmpty) {
          const parent = {
            id: parentId,
            target: {
              url: entry.form.dataset.targetUrl ?? '',
              title: entry.form.dataset.targetTitle ?? '',
              selectors: [],
            },
          };
          const created = await this.#store.create({ ...replyDraftInput(parent), ...words, locale: this.#locale });
          entry.draftId = created.id;
        }
      });
    return entry.saving;
  }

  async #send(parentId: string): Promise<void> {
    const entry = this.#forms.get(parentId)!;
    await this.#save(parentId, true);
    if (!entry.draftId) return;
    const result = await this.#store.queue(entry.draftId);
    if (!result.ok) {
      this.#showErrors(entry, fieldErrorsIn(result.problems, this.#locale));
      return;
    }
    remember(entry.pseudonym.value);
    entry.draftId = undefined;
    entry.body.value = '';
    this.#showErrors(entry, {}, false);
    this.#show(entry, false);
    const status = entry.talk.querySelector('[data-talk-status]');
    if (status) status.textContent = this.#words.saved;
  }

  /** Each field's sentence beside it (DSFR error state), the others above send; the first bad field takes the focus. */
  #showErrors(entry: ReplyForm, errors: FieldErrors<string>, focus = true): void {
    const { body, pseudonym, kind, gapType, target } = errors;
    const placed: Array<[string, string | undefined, HTMLElement | null]> = [
      ['body', body, entry.body],
      ['pseudonym', pseudonym, entry.pseudonym],
      ['target', target ?? kind ?? gapType, null],
    ];
    let first: HTMLElement | null = null;
    for (const [field, sentence, input] of placed) {
      const group = entry.form.querySelector<HTMLElement>(`[data-field="${field}"]`);
      const error = group?.matches('[data-error]') ? group : group?.querySelector<HTMLElement>('[data-error]');
      if (error) {
        error.textContent = sentence ?? '';
        error.hidden = !sentence;
      }
      if (input) {
        group?.classList.toggle('fr-input-group--error', Boolean(sentence));
        input.classList.toggle('fr-input--error', Boolean(sentence));
        if (sentence) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
      if (sentence && !first) first = input ?? entry.body;
    }
    if (focus) first?.focus();
  }

  /** This device's replies under one contribution: the one being written, and those it sent. */
  #render(parentId: string): void {
    const entry = this.#forms.get(parentId);
    if (!entry || !this.#replies) return;
    const mine = this.#replies.filter((draft) => draft.input.parentId === parentId);
    // Words left unsent (or refused by the platform) come back in the form, open.
    const unsent = mine.filter(editable).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (unsent && unsent.id !== entry.draftId && document.activeElement !== entry.body) {
      entry.draftId = unsent.id;
      entry.body.value = unsent.input.body ?? '';
      if (unsent.input.author?.pseudonym) entry.pseudonym.value = unsent.input.author.pseudonym;
      const refused = unsent.state === 'rejected' && unsent.lastError;
      this.#show(entry, true, false);
      this.#showErrors(entry, refused ? { target: reasonSentence(unsent.lastError!, this.#locale) } : {}, false);
    }
    const list = entry.talk.querySelector<HTMLElement>('[data-own-replies]');
    if (!list) return;
    const sent = mine.filter((draft) => !editable(draft)).sort((a, b) => a.createdAt - b.createdAt);
    list.replaceChildren(
      ...sent.map((draft) => {
        const item = document.createElement('li');
        item.className = 'vigie-talk__own-reply';
        const state = document.createElement('p');
        state.className = 'fr-text--sm fr-mb-0';
        const label = document.createElement('strong');
        label.textContent = this.#words.ownReply;
        state.append(label, ` · ${describeDraft(draft, this.#locale)}`);
        const text = document.createElement('p');
        text.className = 'vigie-text fr-text--sm';
        text.textContent = draft.input.body ?? '';
        item.append(state, text);
        return item;
      }),
    );
    list.hidden = sent.length === 0;
  }
}
