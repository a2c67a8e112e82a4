import { html, LitElement, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import type { Commitment } from '../api-client/contract';
import { hasOpenDrafts } from './draft-hint';
import { DraftKeeper } from './draft-keeper';
import feedbackCss from './feedback.css?inline';
import { renderFloating } from './floating';
import { renderForm, renderQuoteWaiting } from './form-view';
import { followLanguage, followTheme } from './host-page';
import { strings, type Strings, type WidgetLocale } from './i18n';
import { defaultPageUrl } from './page-url';
import { publicLinks, renderCommitment, renderPublished, type ListState } from './published-view';
import type { QuoteMode } from './quote-mode';
import { describeDraft, type StatusLine } from './status-line';
import type { TalkBack } from './runtime/talk-back';
import type { DraftFields, DraftView, FieldName, Reader, RuntimeOptions, Writer } from './runtime/types';

/**
 * Citizen feedback on the page it sits on: comment, or flag a transparency gap.
 *
 * Everything typed is kept as a draft in IndexedDB and sent when the network allows.
 * The first load is the form alone; the code that reads the platform and keeps drafts
 * loads on the first interaction with the widget (focus, pointer or key), or at once
 * when drafts are waiting to be sent.
 *
 * @summary Inline feedback on an open-government page.
 *
 * @attr platform - Base URL of the Vigie platform (required), e.g. https://vigie.example.gouv.fr
 * @attr commitment - Commitment id the page relates to, e.g. FR0067: shown, and attached to contributions.
 * @attr campaign - Campaign id contributions answer to.
 * @attr lang - fr or en; defaults to the page's language, French when unsure.
 * @attr page-url - The address contributions are filed under; defaults to the page's canonical link, else its URL without fragment or tracking parameters.
 * @attr quote-mode - Lets the citizen quote a passage selected on the page.
 * @attr mode - inline (the default): the form in the page; floating: one button at the page's edge opening it in a dialog.
 *
 * @fires vigie-draft-saved - A draft was saved on this device. `detail: { id }`
 * @fires vigie-queued - The citizen sent a contribution; it waits for the network if needed. `detail: { id }`
 * @fires vigie-synced - The platform received the contribution. `detail: { id }`
 * @fires vigie-rejected - The platform refused it; the text is kept. `detail: { id, reason }`
 *
 * @csspart base - The whole widget.
 * @csspart title - Its heading.
 * @csspart commitment - The commitment card.
 * @csspart form - The form.
 * @csspart submit - The send button.
 * @csspart status - The status line, announced to screen readers.
 * @csspart list - The list of published contributions.
 * @csspart launcher - The floating mode's button.
 * @csspart dialog - The floating mode's dialog.
 *
 * @cssprop --vigie-font-family - Default: Marianne, arial, sans-serif.
 * @cssprop --vigie-font-size - Default: 1rem.
 * @cssprop --vigie-color-text - Text colour.
 * @cssprop --vigie-color-muted - Hints and metadata.
 * @cssprop --vigie-color-background - Background.
 * @cssprop --vigie-color-field-background - Fields and cards.
 * @cssprop --vigie-color-accent - Buttons and the commitment rule (blue France by default).
 * @cssprop --vigie-color-accent-text - Text on the accent colour.
 * @cssprop --vigie-color-accent-hover - The send button under the pointer.
 * @cssprop --vigie-color-border - Borders.
 * @cssprop --vigie-color-error - Errors.
 * @cssprop --vigie-color-success - Confirmations.
 * @cssprop --vigie-color-focus - The focus ring.
 * @cssprop --vigie-radius - Corner radius.
 */
export class VigieFeedback extends LitElement {
  // Our own stylesheet, bundled at build time: nothing from the page reaches it.
  static override styles = unsafeCSS(feedbackCss);

  static override properties = {
    platform: { type: String },
    commitment: { type: String },
    campaign: { type: String },
    pageUrl: { type: String, attribute: 'page-url' },
    quoteMode: { type: Boolean, attribute: 'quote-mode' },
    mode: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    _fields: { state: true },
    _errors: { state: true },
    _status: { state: true },
    _commitment: { state: true },
    _list: { state: true },
    _locale: { state: true },
    _shareNote: { state: true },
  };

  declare platform: string | undefined;
  declare commitment: string | undefined;
  declare campaign: string | undefined;
  declare pageUrl: string | undefined;
  declare quoteMode: boolean;
  declare mode: 'inline' | 'floating' | undefined;
  /** Reflects the page's DSFR theme (data-fr-theme), for the dark palette. */
  declare theme: 'light' | 'dark' | undefined;

  declare private _fields: DraftFields;
  declare private _errors: Partial<Record<FieldName, string>>;
  declare private _status: StatusLine | undefined;
  declare private _commitment: Commitment | null | undefined;
  declare private _list: ListState;
  declare private _locale: WidgetLocale;
  /** What "Partager" did, said in the list's live region. */
  declare private _shareNote: string;

  #reader: Promise<Reader> | undefined;
  #mine: ReturnType<Writer['mine']> | undefined; // "Mes contributions sur cette page", drawn by the runtime
  /** The list's items and "Partager": they load with the reader (see published-items.ts). */
  #items: Pick<typeof import('./runtime'), 'renderPublishedItems' | 'copyLink'> | undefined;
  #talk: TalkBack | undefined; // "Moi aussi", replies and the live list, from the runtime
  #teardown = new AbortController();
  #drafts = this.#newKeeper();
  /** The quote-mode part of the form (quote-mode.ts): a chunk of its own, loaded when the attribute is set. */
  #quote: Promise<QuoteMode> | undefined;
  #quoteView: QuoteMode | undefined;
  #unfollow: Array<() => void> = [];

  constructor() {
    super();
    this.quoteMode = false;
    this._fields = { kind: 'comment', body: '', pseudonym: '', selectors: [] };
    this._errors = {};
    this._list = { kind: 'idle' };
    this._locale = 'fr';
    this._shareNote = '';
  }

  get #t(): Strings {
    return strings[this._locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#teardown = new AbortController();
    this.#drafts = this.#newKeeper();
    const { signal } = this.#teardown;
    this.#unfollow = [
      followLanguage(this, (locale) => (this._locale = locale)),
      followTheme((theme) => (this.theme = theme)),
    ];
    // Nothing beyond the form loads with the page: the first interaction with the widget
    // loads the code that reads the platform and keeps drafts, before a word is typed.
    for (const type of ['focusin', 'pointerdown', 'keydown'] as const) {
      this.addEventListener(type, () => this.#wake(), { signal, once: true });
    }
    // The quote code loads when the page's text is first selected, or on the widget's first interaction.
    document.addEventListener('selectionchange', () => this.#startQuoting(), { signal });
    // Leaving the page flushes the draft now rather than after the debounce.
    addEventListener('pagehide', () => void this.#drafts.flush(), { signal });
    document.addEventListener('visibilitychange', () => document.hidden && void this.#drafts.flush(), { signal });
    // A citizen coming back to unsent words gets them (and their sending) at once.
    if (hasOpenDrafts(this.pageUrl || defaultPageUrl(document))) this.#wake();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#drafts.close();
    this.#teardown.abort();
    this.#talk?.close();
    for (const stop of this.#unfollow) stop();
    void this.#quote?.then((q) => q.stop());
    // Put back in a page, it starts afresh from its saved draft.
    this.#woken = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('quoteMode') && !this.quoteMode) void this.#quote?.then((q) => q.stop());
    // A host page (a single-page app, say) that points the widget elsewhere gets the
    // drafts and contributions of the new place, not the old one's.
    const moved = (['platform', 'commitment', 'campaign', 'pageUrl'] as const).some((key) => changed.has(key));
    if (moved && this.#rendered && this.#woken) void this.#restart();
    this.#rendered = true;
  }

  #rendered = false;

  async #restart(): Promise<void> {
    // The last words typed are saved with the place they were typed for.
    await this.#drafts.close();
    this.#drafts = this.#newKeeper();
    this.#reader = undefined;
    this.#talk?.close();
    this._fields = { kind: 'comment', body: '', pseudonym: '', selectors: [] };
    this._errors = {};
    this._status = undefined;
    void this.#quote?.then((q) => q.selectorsChanged());
    this._commitment = undefined;
    this._list = { kind: 'idle' };
    this.#mine = undefined;
    this.#woken = false;
    this.#wake();
  }

  // ---- loading --------------------------------------------------------------------

  #runtimeOptions(): RuntimeOptions | undefined {
    if (!this.platform) return undefined;
    return {
      platform: this.platform,
      locale: this._locale,
      pageUrl: this.pageUrl || defaultPageUrl(document),
      pageTitle: document.title,
      commitmentId: this.commitment || undefined,
      campaignId: this.campaign || undefined,
    };
  }

  #woken = false;

  #wake(): void {
    if (this.#woken) return;
    this.#woken = true;
    void this.#drafts
      .load()
      ?.then((w) => {
        this.#mine = w.mine({ element: this, strings: () => this.#t, html, withdrawn: () => void this.#loadList() });
        if (!this._fields.pseudonym) this._fields = { ...this._fields, pseudonym: w.pseudonym() };
      })
      .catch(() => undefined); // the keeper says why
    void this.#showPlatformData();
    this.#startQuoting();
  }

  #loadReader(): Promise<Reader> | undefined {
    const options = this.#runtimeOptions();
    if (!options) return undefined;
    this.#reader ??= import('./runtime').then((m) => {
      this.#items = m;
      const reader = m.createReader(options, {
        element: this,
        html,
        strings: () => this.#t,
        list: () => this._list,
        setList: (list) => (this._list = list),
        reload: () => void this.#loadList(),
        note: (note) => (this._shareNote = note),
        writer: () => this.#drafts.load(),
        mine: () => this.#mine,
      });
      this.#talk = reader.talk;
      return reader;
    });
    return this.#reader;
  }

  async #showPlatformData(): Promise<void> {
    const reader = this.#loadReader();
    if (!reader) return;
    if (this.commitment) {
      void reader
        .then((r) => r.loadCommitment(this.commitment!))
        .then(
          (commitment) => (this._commitment = commitment),
          () => (this._commitment = null),
        );
    }
    await this.#loadList();
  }

  async #loadList(more = false): Promise<void> {
    const reader = this.#loadReader();
    if (!reader) return;
    const previous = this._list.kind === 'ready' ? this._list : undefined;
    if (!more) this._list = { kind: 'loading' };
    try {
      const page = await (await reader).loadContributions(more ? (previous?.nextCursor ?? undefined) : undefined);
      this._list = {
        kind: 'ready',
        items: more && previous ? [...previous.items, ...page.items] : page.items,
        nextCursor: page.nextCursor,
      };
    } catch {
      this._list = { kind: 'failed' };
    }
  }

  // ---- drafts ---------------------------------------------------------------------------

  #emit(type: 'vigie-draft-saved' | 'vigie-queued' | 'vigie-synced' | 'vigie-rejected', detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #newKeeper(): DraftKeeper {
    return new DraftKeeper(
      {
        options: () => this.#runtimeOptions(),
        fields: () => this._fields,
        restored: (view) => {
          this._fields = view.fields;
          this._status = describeDraft(view, this.#t, navigator.onLine);
          if (this.quoteMode && view.state === 'draft') void this.#quoteMode()?.then((q) => q.restored(view.id));
        },
        saved: (id) => {
          if (!Object.keys(this._errors).length) this._status = { tone: 'neutral', text: this.#t.draftSaved };
          this.#emit('vigie-draft-saved', { id });
        },
        moved: (view, previous) => this.#onDraftMoved(view, previous),
        failed: (problem) =>
          (this._status = {
            tone: 'problem',
            text: problem === 'code-offline' ? this.#t.codeOffline : this.#t.storageUnavailable,
          }),
      },
      this.#teardown.signal,
    );
  }

  #onDraftMoved(view: DraftView, previous: DraftView['state'] | undefined): void {
    // A draft being written is announced by its saves, not by each change of state.
    if (view.state === 'draft') return;
    this._status = describeDraft(view, this.#t, navigator.onLine);
    if (previous === undefined) return; // first sight of a restored draft: no event
    if (view.state === 'synced') {
      this.#emit('vigie-synced', { id: view.id });
      if (view.published) void this.#loadList();
    }
    if (view.state === 'rejected') this.#emit('vigie-rejected', { id: view.id, reason: view.reason });
  }

  #update(patch: Partial<DraftFields>): void {
    this._fields = { ...this._fields, ...patch };
    if (patch.selectors) void this.#quote?.then((q) => q.selectorsChanged());
    if (Object.keys(this._errors).length) {
      const cleared = { ...this._errors };
      for (const key of Object.keys(patch)) delete cleared[key as FieldName];
      this._errors = cleared;
    }
    this.#drafts.edited();
  }

  async #send(event: Event): Promise<void> {
    event.preventDefault();
    const result = await this.#drafts.send();
    if (!result) return;
    if (!result.ok) {
      this._errors = result.errors;
      this._status = { tone: 'problem', text: this.#t.fixErrors(Object.keys(result.errors).length) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this._errors = {};
    this.#emit('vigie-queued', { id: result.id });
    // The form is free for a new contribution; the sent one stays in the drafts' history.
    this._fields = { kind: this._fields.kind, body: '', pseudonym: this._fields.pseudonym, selectors: [] };
  }

  /** In quote mode, follows the page's selection, loading the quote code first if need be. */
  #startQuoting(): void {
    if (this.quoteMode) void this.#quoteMode()?.then((q) => q.start());
  }

  #quoteMode(): Promise<QuoteMode> | undefined {
    if (!this.quoteMode) return this.#quote;
    this.#quote ??= import('./quote-mode').then(
      (m) =>
        (this.#quoteView = new m.QuoteMode({
          element: this,
          lit: { html, nothing },
          strings: () => this.#t,
          selectors: () => this._fields.selectors,
          setSelectors: (selectors) => this.#update({ selectors }),
          say: (line) => (this._status = line),
        })),
    );
    return this.#quote;
  }

  // ---- rendering ---------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.#t;
    if (!this.platform) return html`<p part="base" role="alert" lang=${this._locale}>${t.missingPlatform}</p>`;
    const form = { fields: this._fields, errors: this._errors };
    const section = html`<section part="base" lang=${this._locale} aria-labelledby="title">
      <h2 id="title" part="title">${t.heading}</h2>
      ${renderCommitment(this.commitment, this._commitment, t)}
      ${renderForm(
        form,
        t,
        { update: (patch) => this.#update(patch), send: (e) => void this.#send(e) },
        this.quoteMode ? (this.#quoteView?.render() ?? renderQuoteWaiting(t)) : nothing,
      )}
      <p part="status" role="status" class=${this._status?.tone ?? ''}>${this._status?.text ?? ''}</p>
      ${this.#mine?.render()}
      ${renderPublished({
        list: this._list,
        t,
        locale: this._locale,
        links: publicLinks(this.platform, this._locale, this.commitment, this.pageUrl || defaultPageUrl(document)),
        shareNote: this._shareNote,
        items: this.#items,
        talk: this.#talk,
        show: () => this.#wake(),
        more: () => void this.#loadList(true),
        noteShared: (note) => (this._shareNote = note),
      })}
    </section>`;
    return this.mode === 'floating' ? renderFloating(section, t, this) : section;
  }
}
