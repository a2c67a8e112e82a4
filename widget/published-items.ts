import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { Contribution, GapType } from '../api-client/contract';
import type { WidgetLocale } from './i18n';
import { listStrings, type ListStrings } from './i18n-list';
import type { PublicLinks } from './published-view';
import type { TalkBack } from './runtime/talk-back';
import { renderSort, renderTalk } from './runtime/talk-view';

/*
 * The published contributions themselves, with their answers and "Partager". They load
 * with the code that reads the platform (the runtime chunk), not with the page: the list
 * waits behind a button until then. Every value goes through a Lit text binding:
 * whatever a contribution holds, it is rendered as text, never as markup.
 *
 * The element hands over Lit's `html` and `nothing` (and the gap types' labels) instead of this module importing Lit:
 * an import would make the bundler move Lit out of the entry into a chunk of its own,
 * one more request before the form shows.
 */
export interface LitTemplating {
  html: typeof litHtml;
  nothing: typeof litNothing;
  /** The gap types' labels, which the form already loaded with the page. */
  gapTypes: Readonly<Record<GapType, string>>;
}

/** Copying needs a secure page and the Clipboard API; elsewhere "Partager" is a plain link. */
const canCopy = () => window.isSecureContext && typeof navigator.clipboard?.writeText === 'function';

/** Copies a link and says how it went, in words for the list's live region. */
export async function copyLink(address: string, locale: WidgetLocale): Promise<string> {
  const t = listStrings[locale];
  try {
    await navigator.clipboard.writeText(address);
    return t.shareCopied;
  } catch {
    return t.shareFailed(address);
  }
}

function renderContribution(
  { html, nothing, gapTypes }: LitTemplating,
  c: Contribution,
  t: ListStrings,
  locale: WidgetLocale,
  links: PublicLinks,
  share: (address: string) => void,
  talk: TalkBack | undefined,
): TemplateResult {
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
  const date = format.format(new Date(c.receivedAt));
  const answer = c.answer;
  return html`<li data-id=${c.id}>
    <p class="meta">
      ${c.kind === 'gap' && c.gapType ? html`<span class="badge">${gapTypes[c.gapType]}</span>` : nothing}
      <span>${c.author?.pseudonym ?? t.anonymous}</span>, <time datetime=${c.receivedAt}>${date}</time>
    </p>
    ${quote ? html`<p class="quote">${quote.exact}</p>` : nothing}
    <p class="body">${c.body}</p>
    ${
      answer
        ? html`<div class="answer">
            <p>
              <strong>${t.answerFrom(answer.organisation)}</strong> · ${t.answerStatuses[answer.status]} ·
              <time datetime=${answer.at}>${format.format(new Date(answer.at))}</time>${
                answer.firstAt ? ` (${t.answerEdited})` : nothing
              }
            </p>
            <p class="answer-body">${answer.body}</p>
          </div>`
        : nothing
    }
    ${c.reply ? html`<p class="reply"><strong>${t.replyLabel}</strong> ${c.reply.body}</p>` : nothing}
    <p class="actions">
      ${
        canCopy()
          ? html`<button type="button" @click=${() => share(links.permalink(c.id))}>${t.share}</button>`
          : html`<a href=${links.permalink(c.id)}>${t.share}</a>`
      }
    </p>
    ${talk ? renderTalk(html, talk, c, locale) : nothing}
  </li>`;
}

/**
 * The list of published contributions, newest first or the most supported first, with
 * "Moi aussi" and the replies under each (the talk-back controller, once the runtime made it).
 * The list takes the focus when the contribution that held it leaves (a live removal).
 */
export function renderPublishedItems(
  lit: LitTemplating,
  items: readonly Contribution[],
  locale: WidgetLocale,
  links: PublicLinks,
  share: (address: string) => void,
  talk?: TalkBack,
): TemplateResult {
  const t = listStrings[locale];
  return lit.html`${talk ? renderSort(lit.html, talk) : lit.nothing}
    <ul part="list" id="published-list" tabindex="-1">
      ${items.map((c) => renderContribution(lit, c, t, locale, links, share, talk))}
    </ul>`;
}
