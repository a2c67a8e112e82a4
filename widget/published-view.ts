import { html, nothing, type TemplateResult } from 'lit';
import type { Commitment, Contribution } from '../api-client/contract';
import type { Strings, WidgetLocale } from './i18n';

export type ListState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; items: Contribution[]; nextCursor: string | null };

/** Where the platform's own pages show what the widget lists in short. */
export interface PublicLinks {
  /** The commitment's page, or the page's: "Voir toutes les contributions". */
  all: string;
  /** A contribution's permanent page, what "Partager" copies. */
  permalink(id: string): string;
}

export function publicLinks(
  platform: string,
  locale: WidgetLocale,
  commitment: string | undefined,
  pageUrl: string,
): PublicLinks {
  const base = platform.replace(/\/+$/, '');
  const lang = locale === 'en' ? 'lang=en' : '';
  return {
    all: commitment
      ? `${base}/engagements/${encodeURIComponent(commitment)}${lang ? `?${lang}` : ''}`
      : `${base}/pages?url=${encodeURIComponent(pageUrl)}${lang ? `&${lang}` : ''}`,
    permalink: (id) => `${base}/c/${encodeURIComponent(id)}${lang ? `?${lang}` : ''}`,
  };
}

/** Copying needs a secure page and the Clipboard API; elsewhere "Partager" is a plain link. */
const canCopy = () => window.isSecureContext && typeof navigator.clipboard?.writeText === 'function';

/** Copies a link and says how it went, in words for the list's live region. */
export async function copyLink(address: string, t: Strings): Promise<string> {
  try {
    await navigator.clipboard.writeText(address);
    return t.shareCopied;
  } catch {
    return t.shareFailed(address);
  }
}

/*
 * What the platform says, shown to the citizen. Every value goes through a Lit text
 * binding: whatever a contribution holds, it is rendered as text, never as markup.
 */

/** The commitment the page relates to: its id at once, its title and lead once loaded. */
export function renderCommitment(
  id: string | undefined,
  commitment: Commitment | null | undefined,
  t: Strings,
): TemplateResult | typeof nothing {
  if (!id) return nothing;
  return html`<div part="commitment">
    <strong>${t.commitment} ${id}${commitment ? html` : ${commitment.title}` : nothing}</strong>
    ${commitment ? html`<span>${t.leadInstitution} ${commitment.leadInstitution}</span>` : nothing}
  </div>`;
}

function renderContribution(
  c: Contribution,
  t: Strings,
  locale: WidgetLocale,
  links: PublicLinks,
  share: (address: string) => void,
): TemplateResult {
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' });
  const date = format.format(new Date(c.receivedAt));
  const answer = c.answer;
  return html`<li>
    <p class="meta">
      ${c.kind === 'gap' && c.gapType ? html`<span class="badge">${t.gapTypes[c.gapType]}</span>` : nothing}
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
    ${c.reply ? html`<p class="reply"><strong>${locale === 'fr' ? `${t.reply} :` : `${t.reply}:`}</strong> ${c.reply.body}</p>` : nothing}
    <p class="actions">
      ${
        canCopy()
          ? html`<button type="button" @click=${() => share(links.permalink(c.id))}>${t.share}</button>`
          : html`<a href=${links.permalink(c.id)}>${t.share}</a>`
      }
    </p>
  </li>`;
}

/** The published contributions, newest first; nothing is fetched until asked or interacted with. */
export function renderPublished(
  list: ListState,
  t: Strings,
  locale: WidgetLocale,
  on: { show: () => void; more: () => void; share: (address: string) => void },
  links: PublicLinks,
  shareNote: string,
): TemplateResult {
  let content: TemplateResult;
  if (list.kind === 'ready' && list.items.length === 0) content = html`<p>${t.noneYet}</p>`;
  else if (list.kind === 'ready') {
    content = html`<ul part="list">
        ${list.items.map((c) => renderContribution(c, t, locale, links, on.share))}
      </ul>
      ${list.nextCursor ? html`<button type="button" @click=${on.more}>${t.more}</button>` : nothing}`;
  } else if (list.kind === 'failed') content = html`<p>${t.listError}</p>`;
  else if (list.kind === 'idle') content = html`<button type="button" @click=${on.show}>${t.showPublished}</button>`;
  else content = html`<p>${t.loading}</p>`;
  return html`<section aria-labelledby="published-title">
    <h3 id="published-title">${t.published}</h3>
    ${content}
    <p aria-live="polite" class="share-note">${shareNote}</p>
    <p><a href=${links.all}>${t.seeAll}</a></p>
  </section>`;
}
