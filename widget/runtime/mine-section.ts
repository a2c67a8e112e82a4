import type { html as litHtml, LitElement, TemplateResult } from 'lit';
import {
  describeDraft,
  platformStateOfDraft,
  type Draft,
  type DraftStore,
  type StatusFollower,
} from '../../api-client/drafts';
import type { Answer } from '../../api-client/contract';
import { VigieNetworkError } from '../../api-client/http';
import type { Strings, WidgetLocale } from '../i18n';
import { listStrings } from '../i18n-list';
import { mineStrings } from '../mine-i18n';
import mineCss from './mine.css?inline';

/** What the section needs of the element: to be drawn again, where its shadow root is, and its language. */
export interface MineHost {
  element: Pick<LitElement, 'requestUpdate' | 'updateComplete' | 'renderRoot'>;
  /** The form's catalogue as the widget speaks now: its language, and the gap types' labels. */
  strings(): Strings;
  /**
   * Lit's template tag. Handed over like the catalogue: the bundler would move a module
   * both chunks import into a chunk of its own, and the first load, in two files,
   * compresses worse.
   */
  html: typeof litHtml;
  /** A contribution was withdrawn: the published list may hold it. */
  withdrawn(): void;
}

/** draft-hint.ts's key, written out: an import would split the first load's chunk. */
const OWN_PAGES_KEY = 'vigie:own-pages';

/** What the section does with the drafts: the writer gives it, over the same store and platform. */
export interface MineDeps {
  store: DraftStore;
  follower: StatusFollower;
  withdraw(id: string): Promise<unknown>;
  /** This page's own contributions (the page, commitment and campaign the widget is set to). */
  belongsHere(draft: Draft): boolean;
}

/** A sent contribution is followed while the page is open; a new answer shows within ten minutes. */
const REFRESH_EVERY_MS = 10 * 60_000;
/** Opening the section asks again, unless the platform answered this recently. */
const FRESH_ENOUGH_MS = 30_000;

const sent = (draft: Draft) => draft.state !== 'draft' && draft.state !== 'rejected';

/** The pages of this site holding contributions this device sent and did not withdraw, for the first load's hint. */
function recordOwnPages(drafts: readonly Draft[]): void {
  const pages = new Set<string>();
  for (const draft of drafts) {
    const url = draft.input.target?.url;
    if (url && sent(draft) && draft.platform?.status !== 'withdrawn') pages.add(url);
  }
  try {
    if (pages.size > 0) localStorage.setItem(OWN_PAGES_KEY, [...pages].join('\n'));
    else localStorage.removeItem(OWN_PAGES_KEY);
  } catch {
    // storage blocked: the section shows on the first interaction instead
  }
}

/**
 * "Mes contributions sur cette page": what this device sent from this page and what
 * became of it (pending, published, hidden or rejected with the reason, the moderators'
 * reply, withdrawn), the citizen's own pending words included, since they are on this
 * device. Collapsed behind a disclosure button; "Retirer" erases a contribution from the
 * platform with the secret this device kept, after a confirmation that says so.
 */
export class MineSection {
  readonly #host: MineHost;
  readonly #deps: MineDeps;
  #entries: Draft[] = [];
  #open = false;
  #confirming: string | undefined;
  #note = '';
  #stop: Array<() => void> = [];

  constructor(host: MineHost, deps: MineDeps) {
    this.#host = host;
    this.#deps = deps;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(mineCss);
    const root = host.element.renderRoot;
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    let asked = false;
    this.#stop.push(
      deps.store.watchList().subscribe((drafts) => {
        recordOwnPages(drafts);
        this.#entries = drafts.filter((d) => sent(d) && deps.belongsHere(d)).sort((a, b) => b.createdAt - a.createdAt);
        host.element.requestUpdate();
        // What became of them is asked once they are known: on opening the page.
        if (!asked && this.#entries.some((d) => d.state === 'synced')) {
          asked = true;
          this.#refresh();
        }
      }),
    );
    const timer = setInterval(() => this.#refresh(REFRESH_EVERY_MS), REFRESH_EVERY_MS);
    this.#stop.push(() => clearInterval(timer));
  }

  dispose(): void {
    for (const stop of this.#stop) stop();
  }

  /**
   * The live stream told of these contributions (published, answered, removed): when one is
   * this device's, what became of it is asked at once with its secret, rather than at the
   * next ten-minute round. Counts are not news here.
   */
  heard(ids: readonly string[]): void {
    if (this.#entries.some((d) => d.state === 'synced' && ids.includes(d.id))) this.#refresh();
  }

  /** A failure is retried by the follower's own backoff at the next occasion: nothing to tell the citizen. */
  #refresh(ifOlderThanMs?: number): void {
    void this.#deps.follower.refresh(ifOlderThanMs === undefined ? {} : { ifOlderThanMs }).catch(() => undefined);
  }

  #toggle(): void {
    this.#open = !this.#open;
    if (this.#open) this.#refresh(FRESH_ENOUGH_MS);
    this.#host.element.requestUpdate();
  }

  /** Says how it went, asks to confirm (or not), and puts focus where the citizen's next step is. */
  #say(note: string, confirming: string | undefined, focus: string): void {
    this.#note = note;
    this.#confirming = confirming;
    this.#host.element.requestUpdate();
    const { element } = this.#host;
    void element.updateComplete.then(() => (element.renderRoot as ShadowRoot).getElementById(focus)?.focus());
  }

  async #withdraw(id: string): Promise<void> {
    const t = mineStrings[this.#host.strings().locale];
    try {
      await this.#deps.withdraw(id);
      this.#host.withdrawn();
      this.#say(t.withdrawn, undefined, 'mine-toggle');
    } catch (error) {
      const problem = (error as { problem?: { detail?: string } }).problem?.detail;
      const said = error instanceof VigieNetworkError ? t.withdrawOffline : t.withdrawFailed(problem ?? String(error));
      this.#say(said, undefined, `withdraw-${id}`);
    }
  }

  /** An organisation's answer, as the published list shows it, in the list's words. */
  #answer(answer: Answer, locale: WidgetLocale): TemplateResult {
    const { html } = this.#host;
    const t = listStrings[locale];
    const at = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(answer.at),
    );
    return html`<div class="answer">
      <p>
        <strong>${t.answerFrom(answer.organisation)}</strong> · ${t.answerStatuses[answer.status]} ·
        <time datetime=${answer.at}>${at}</time>${answer.firstAt ? ` (${t.answerEdited})` : ''}
      </p>
      <p class="answer-body">${answer.body}</p>
    </div>`;
  }

  #entry(draft: Draft, locale: WidgetLocale): TemplateResult {
    const { html } = this.#host;
    const t = mineStrings[locale];
    const { kind, gapType, body, target } = draft.input;
    const quote = target?.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
    const state = platformStateOfDraft(draft);
    const at = draft.server?.receivedAt ?? new Date(draft.queuedAt ?? draft.createdAt).toISOString();
    const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(at),
    );
    const canWithdraw = draft.state === 'synced' && state?.status !== 'withdrawn' && !!draft.withdrawalSecret;
    const heading = `mine-${draft.id}`;
    return html`<li aria-labelledby=${heading}>
      <p class="meta" id=${heading}>
        <strong class="state">${describeDraft(draft, locale)}</strong> ·
        ${kind === 'gap' ? `${t.kindGap}${gapType ? ` (${this.#host.strings().gapTypes[gapType]})` : ''}` : t.kindComment}
        ·
        <time datetime=${at}>${t.sentOn(date)}</time>
      </p>
      ${quote ? html`<p class="quote">${quote}</p>` : ''} ${body ? html`<p class="body">${body}</p>` : ''}
      ${state?.answer ? this.#answer(state.answer, locale) : ''}
      ${
        state?.reply
          ? html`<p class="reply"><strong>${listStrings[locale].replyLabel}</strong> ${state.reply.body}</p>`
          : ''
      }
      ${
        canWithdraw
          ? this.#confirming === draft.id
            ? html`<div class="confirm" role="group" aria-labelledby=${heading}>
                <p>${t.withdrawWarning}</p>
                <p class="actions">
                  <button type="button" id=${`confirm-${draft.id}`} @click=${() => void this.#withdraw(draft.id)}>
                    ${t.confirmWithdraw}
                  </button>
                  <button type="button" @click=${() => this.#say('', undefined, `withdraw-${draft.id}`)}>
                    ${t.cancel}
                  </button>
                </p>
              </div>`
            : html`<p class="actions">
                <button
                  type="button"
                  id=${`withdraw-${draft.id}`}
                  aria-describedby=${heading}
                  @click=${() => this.#say('', draft.id, `confirm-${draft.id}`)}
                >
                  ${t.withdraw}
                </button>
              </p>`
          : ''
      }
    </li>`;
  }

  render(): TemplateResult | '' {
    if (this.#entries.length === 0) return '';
    const { html } = this.#host;
    const locale = this.#host.strings().locale;
    const t = mineStrings[locale];
    return html`<section class="mine" aria-labelledby="mine-title">
      <h3 id="mine-title">
        <button
          type="button"
          id="mine-toggle"
          aria-expanded=${String(this.#open)}
          aria-controls="mine-list"
          @click=${() => this.#toggle()}
        >
          ${t.title(this.#entries.length)}
        </button>
      </h3>
      <div id="mine-list" ?hidden=${!this.#open}>
        <p class="hint">${t.hint}</p>
        <ul part="mine">
          ${this.#entries.map((draft) => this.#entry(draft, locale))}
        </ul>
      </div>
      <p aria-live="polite">${this.#note}</p>
    </section>`;
  }
}
