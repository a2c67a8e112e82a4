import type { PageContext } from '../context';

/**
 * « Moi aussi » and « Répondre » under one published contribution or reply, rendered hidden:
 * the talk-back script (api-client/public-pages) shows them and makes them work; without it,
 * the page stays as it is and says where to support or reply. The script reads the
 * contribution's id and, for a reply's parent, its page (`data-target-*`); every word is
 * here, from the site's catalogue, or comes from the contract's when the script checks a reply.
 */
export function TalkControls({
  page,
  id,
  who,
  context,
  parent,
}: {
  page: PageContext;
  id: string;
  /** Who wrote it, for the reply form's name. */
  who: string;
  /** What tells this button from the others of the page, for screen readers ("Commentaire, Zoé, 3 mars"). */
  context: string;
  /** The page a reply would stand on; absent for a reply, which takes none (one level). */
  parent?: { url: string; title?: string | undefined } | undefined;
}) {
  if (!page.talkScript) return null;
  const w = page.words;
  const field = (name: string) => `talk-${name}-${id}`;
  return (
    <div class="vigie-talk" data-talk={id} hidden>
      <div class="vigie-talk__buttons">
        <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" aria-pressed="false" data-support-button="">
          {w['talk.support']}
          <span class="fr-sr-only">{` — ${context}`}</span>
        </button>
        {parent ? (
          <button
            type="button"
            class="fr-btn fr-btn--sm fr-btn--tertiary"
            aria-expanded="false"
            aria-controls={field('form')}
            data-reply-button=""
            id={field('open')}
          >
            {w['talk.reply']}
            <span class="fr-sr-only">{` — ${context}`}</span>
          </button>
        ) : null}
      </div>
      <p class="vigie-talk__status fr-text--xs" role="status" data-talk-status="" />
      {parent ? (
        <>
          <form
            class="vigie-talk__form"
            id={field('form')}
            aria-label={w['talk.replyTo'](who)}
            data-reply-form=""
            data-target-url={parent.url}
            data-target-title={parent.title ?? ''}
            novalidate
            hidden
          >
            <div class="fr-input-group" data-field="body">
              <label class="fr-label" for={field('body')}>
                {w['talk.body']}
                <span class="fr-hint-text">{w['talk.bodyHint']}</span>
              </label>
              <textarea
                class="fr-input"
                id={field('body')}
                name="body"
                rows={3}
                aria-describedby={field('body-error')}
              />
              <p class="fr-error-text" id={field('body-error')} data-error="" hidden />
            </div>
            <div class="fr-input-group" data-field="pseudonym">
              <label class="fr-label" for={field('pseudonym')}>
                {w['talk.pseudonym']}
                <span class="fr-hint-text">{w['talk.pseudonymHint']}</span>
              </label>
              <input
                class="fr-input"
                id={field('pseudonym')}
                name="pseudonym"
                autocomplete="nickname"
                aria-describedby={field('pseudonym-error')}
              />
              <p class="fr-error-text" id={field('pseudonym-error')} data-error="" hidden />
            </div>
            <p class="fr-error-text" data-field="target" data-error="" hidden />
            <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
              <li>
                <button type="submit" class="fr-btn">
                  {w['talk.send']}
                </button>
              </li>
              <li>
                <button type="button" class="fr-btn fr-btn--tertiary" data-reply-close="">
                  {w['talk.close']}
                </button>
              </li>
            </ul>
          </form>
          <ul class="vigie-talk__own" data-own-replies="" hidden />
        </>
      ) : null}
    </div>
  );
}

/** The sentences the script writes itself, once per page, from the site's catalogue. */
export function TalkWords({ page }: { page: PageContext }) {
  if (!page.talkScript) return null;
  const w = page.words;
  return (
    <div
      id="vigie-talk-words"
      hidden
      data-support-one={w['support.one']}
      data-support-other={w['support.other']}
      data-support-offline={w['talk.supportOffline']}
      data-support-unavailable={w['talk.supportUnavailable']}
      data-own-reply={w['talk.ownReply']}
      data-saved={w['talk.saved']}
    />
  );
}
