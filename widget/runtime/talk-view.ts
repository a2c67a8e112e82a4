import type { html as litHtml, TemplateResult } from 'lit';
import type { Contribution } from '../../api-client/contract';
import { shownSupportCount, supportPending } from '../../api-client/drafts/supports';
import type { WidgetLocale } from '../i18n';
import { listStrings } from '../i18n-list';
import type { TalkBack } from './talk-back';

/*
 * "Moi aussi", the replies and the reply box under one published contribution, and the
 * list's sort. Every value goes through a Lit text binding.
 */

const dateOf = (at: string, locale: WidgetLocale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(new Date(at));

/** "Moi aussi" and its count, for a contribution or a reply. */
function renderSupport(html: typeof litHtml, talk: TalkBack, c: Contribution): TemplateResult {
  const t = talk.t;
  const record = talk.supports.get(c.id);
  const count = shownSupportCount(talk.platformCount(c), record);
  return html`<p class="support">
    <button
      type="button"
      class="support-toggle"
      aria-pressed=${String(record?.wanted ?? false)}
      aria-describedby=${`support-count-${c.id}`}
      ?disabled=${!talk.supportAvailable}
      @click=${() => void talk.toggleSupport(c)}
    >
      ${t.meToo}
    </button>
    <span id=${`support-count-${c.id}`}
      >${t.supportCount(count)}${supportPending(record) ? html` (${t.supportPending})` : ''}</span
    >
  </p>`;
}

function renderReply(html: typeof litHtml, talk: TalkBack, r: Contribution, locale: WidgetLocale): TemplateResult {
  return html`<li data-id=${r.id}>
    <p class="meta">
      <span>${r.author?.pseudonym ?? listStrings[locale].anonymous}</span>,
      <time datetime=${r.receivedAt}>${dateOf(r.receivedAt, locale)}</time>
    </p>
    <p class="body">${r.body}</p>
    ${renderSupport(html, talk, r)}
  </li>`;
}

function renderReplies(html: typeof litHtml, talk: TalkBack, c: Contribution, locale: WidgetLocale) {
  const t = talk.t;
  const replies = talk.replies.get(c.id);
  const count = c.replyCount ?? 0;
  if (count === 0 && !replies?.items.length) return '';
  const open = replies?.open === true;
  return html`<button
      type="button"
      id=${`replies-toggle-${c.id}`}
      aria-expanded=${String(open)}
      aria-controls=${`replies-${c.id}`}
      @click=${() => talk.toggleReplies(c)}
    >
      ${t.replies(Math.max(count, replies?.items.length ?? 0))}
    </button>
    <div id=${`replies-${c.id}`} ?hidden=${!open}>
      ${
        replies?.state === 'loading' && replies.items.length === 0
          ? html`<p>${t.repliesLoading}</p>`
          : replies?.state === 'failed'
            ? html`<p>${t.repliesFailed}</p>`
            : ''
      }
      ${
        replies?.items.length
          ? html`<ul class="replies">
              ${replies.items.map((r) => renderReply(html, talk, r, locale))}
            </ul>`
          : ''
      }
      ${
        replies?.nextCursor
          ? html`<button type="button" @click=${() => void talk.loadReplies(c.id, true)}>${t.moreReplies}</button>`
          : ''
      }
    </div>`;
}

function renderComposer(html: typeof litHtml, talk: TalkBack, c: Contribution, locale: WidgetLocale) {
  const t = talk.t;
  const composer = talk.composers.get(c.id);
  if (!composer?.open) return '';
  const field = `reply-body-${c.id}`;
  const describedBy = `${field}-hint${composer.error ? ` ${field}-error` : ''}`;
  return html`<form
    class="reply-box"
    @submit=${(e: Event) => {
      e.preventDefault();
      void talk.composers.send(c);
    }}
  >
    <label for=${field}>${t.replyTo(c.author?.pseudonym ?? listStrings[locale].anonymous)}</label>
    <p class="hint" id=${`${field}-hint`}>${t.replyHint}</p>
    <textarea
      id=${field}
      rows="3"
      maxlength="5000"
      aria-describedby=${describedBy}
      aria-invalid=${composer.error ? 'true' : 'false'}
      .value=${composer.body}
      @input=${(e: Event) => talk.composers.input(c, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${composer.error ? html`<p class="error" id=${`${field}-error`}>${composer.error}</p>` : ''}
    <p class="actions">
      <button type="submit">${t.sendReply}</button>
      <button type="button" @click=${() => talk.composers.close(c.id)}>${t.cancel}</button>
    </p>
  </form>`;
}

/** Under a published contribution: its support, its replies, and the citizen's reply. */
export function renderTalk(html: typeof litHtml, talk: TalkBack, c: Contribution, locale: WidgetLocale) {
  const t = talk.t;
  const composer = talk.composers.get(c.id);
  const status = talk.composers.status(c.id);
  return html`<div class="talk">
    ${renderSupport(html, talk, c)}
    <p class="actions">
      ${renderReplies(html, talk, c, locale)}
      <button
        type="button"
        id=${`reply-${c.id}`}
        aria-expanded=${String(composer?.open === true)}
        @click=${() => talk.composers.open(c)}
      >
        ${t.reply}
      </button>
    </p>
    ${renderComposer(html, talk, c, locale)} ${status ? html`<p class="reply-status" role="status">${status}</p>` : ''}
  </div>`;
}

/** The list's order: the newest first (the default), or the most supported. */
export function renderSort(html: typeof litHtml, talk: TalkBack): TemplateResult {
  const t = talk.t;
  return html`<p class="sort">
    <label for="sort">${t.sortLabel}</label>
    <select
      id="sort"
      @change=${(e: Event) => talk.setSort((e.target as HTMLSelectElement).value as 'newest' | 'support')}
    >
      <option value="newest" ?selected=${talk.sort === 'newest'}>${t.sortNewest}</option>
      <option value="support" ?selected=${talk.sort === 'support'}>${t.sortSupport}</option>
    </select>
  </p>`;
}
