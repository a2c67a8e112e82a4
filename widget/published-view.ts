import { html, nothing, type TemplateResult } from 'lit';
import type { Commitment, Contribution } from '../api-client/contract';
import type { Strings, WidgetLocale } from './i18n';
import type { TalkBack } from './runtime/talk-back';

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
  /** An empty attribute means none. */
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

/** What the list needs from the element. */
export interface PublishedSection {
  list: ListState;
  t: Strings;
  locale: WidgetLocale;
  links: PublicLinks;
  shareNote: string;
  /** The items' code (published-items.ts): it loads with the reader, so the list is never ready without it. */
  items: Pick<typeof import('./published-items'), 'renderPublishedItems' | 'copyLink'> | undefined;
  /** "Moi aussi", replies, sorting and live updates (runtime/talk-back.ts), made with the reader. */
  talk: TalkBack | undefined;
  show(): void;
  more(): void;
  noteShared(note: string): void;
}

/** The published contributions, newest first; nothing is fetched until asked or interacted with. */
export function renderPublished(section: PublishedSection): TemplateResult {
  const { list, t, locale, links, items } = section;
  const share = (address: string) => {
    if (items) void items.copyLink(address, locale).then((note) => section.noteShared(note));
  };
  let content: TemplateResult;
  if (list.kind === 'ready' && list.items.length === 0) content = html`<p>${t.noneYet}</p>`;
  else if (list.kind === 'ready' && items) {
    content = html`${items.renderPublishedItems(
      { html, nothing, gapTypes: t.gapTypes },
      list.items,
      locale,
      links,
      share,
      section.talk,
    )}
    ${list.nextCursor ? html`<button type="button" @click=${() => section.more()}>${t.more}</button>` : nothing}`;
  } else if (list.kind === 'failed') content = html`<p>${t.listError}</p>`;
  else if (list.kind === 'idle')
    content = html`<button type="button" @click=${() => section.show()}>${t.showPublished}</button>`;
  else content = html`<p>${t.loading}</p>`;
  return html`<section aria-labelledby="published-title">
    <h3 id="published-title">${t.published}</h3>
    ${content}
    <p aria-live="polite" class="share-note">${section.shareNote}</p>
    <p><a href=${links.all}>${t.seeAll}</a></p>
  </section>`;
}
