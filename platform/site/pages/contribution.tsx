import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import type { PublicEntry } from '../../storage/storage';
import { Answer, kindLabel } from '../components/contribution-card';
import { Replies, REPLIES_ON_ITS_PAGE, SupportCount } from '../components/talk-back';
import { TalkControls } from '../components/talk-controls';
import { NotFoundPage, pageContext, type SiteOptions } from '../context';
import { excerpt, formatDate, pageLink, quoteOf } from '../format';
import { Layout } from '../layout';
import { html } from '../respond';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /c/{id}: one contribution's permanent page, for published contributions only (a
 * pending, hidden, rejected or withdrawn one is not found). The quote is shown in its
 * context, and Open Graph tags make a shared link show a card.
 */
export async function contributionPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const id = c.req.param('id') ?? '';
  const entry = UUID.test(id) ? await options.storage.getPublic(id.toLowerCase()) : undefined;
  if (!entry) throw new NotFoundPage();
  const contribution = entry.contribution;
  // A reply stands under its parent's commitment; a contribution shows its replies.
  const parent = contribution.parentId ? await options.storage.getPublic(contribution.parentId) : undefined;
  const commitmentId = parent?.contribution.commitmentId ?? contribution.commitmentId;
  const [commitment, replies] = await Promise.all([
    commitmentId ? options.storage.getCommitment(commitmentId, page.locale) : undefined,
    contribution.parentId
      ? new Map<string, PublicEntry[]>()
      : options.storage.firstReplies([contribution.id], REPLIES_ON_ITS_PAGE),
  ]);
  const shownReplies = replies.get(contribution.id) ?? [];
  const replyCount = contribution.replyCount ?? 0;
  const date = formatDate(page.locale, entry.publishedAt);
  const who = contribution.author?.pseudonym ?? w['contribution.anonymous'];
  const kind = kindLabel(page, entry);
  const quote = quoteOf(contribution);
  const title = parent ? w['reply.title'](date) : w['contribution.title'](date);
  const shareTitle = commitment ? `${kind} — ${commitment.id} : ${commitment.title}` : kind;
  return html(
    c,
    <Layout
      page={page}
      head={{
        title: `${kind} — ${title}`,
        description: excerpt(contribution.body),
        openGraph: {
          title: shareTitle,
          description: excerpt(contribution.body),
          type: 'article',
          publishedTime: entry.publishedAt,
        },
        talk: true,
        trail: [
          ...(commitment
            ? [{ label: w['commitment.breadcrumb'](commitment.id), href: page.href(`/engagements/${commitment.id}`) }]
            : []),
          { label: title },
        ],
      }}
    >
      <article class="vigie-contribution vigie-contribution--alone" aria-labelledby="contribution-title">
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-mb-1w">{kind}</p>
        <h1 id="contribution-title">{title}</h1>
        <p class="vigie-meta">
          {w['contribution.by'](who)}
          {commitment ? (
            <>
              {' · '}
              <a href={page.href(`/engagements/${commitment.id}`)}>
                {w['contribution.onCommitment'](commitment.id, commitment.title)}
              </a>
            </>
          ) : null}
        </p>
        {quote ? (
          <figure class="vigie-quote vigie-quote--context">
            <figcaption class="fr-text--sm">{w['contribution.context']}</figcaption>
            <blockquote cite={contribution.target.url}>
              <p>
                {quote.prefix ? <span class="vigie-quote__around">{`…${quote.prefix}`}</span> : null}
                <mark>{quote.exact}</mark>
                {quote.suffix ? <span class="vigie-quote__around">{`${quote.suffix}…`}</span> : null}
              </p>
            </blockquote>
          </figure>
        ) : null}
        <p class="vigie-text fr-text--lg">{contribution.body}</p>
        <p>
          <a class="fr-link" href={pageLink(contribution)} rel="external noopener noreferrer">
            {contribution.target.title
              ? w['contribution.openPage'](contribution.target.title)
              : w['contribution.openPageUntitled']}
          </a>
        </p>
        {parent ? (
          <p>
            <a class="fr-link" href={page.href(`/c/${parent.contribution.id}`)}>
              {w['reply.to']}
            </a>
          </p>
        ) : (
          <Answer page={page} entry={entry} />
        )}
        <SupportCount page={page} count={contribution.supportCount ?? 0} />
        <TalkControls
          page={page}
          id={contribution.id}
          who={who}
          context={`${kind}, ${who}, ${date}`}
          parent={parent ? undefined : contribution.target}
        />
        {/* Hidden by the talk-back script, which does what it says; without JavaScript, it is the way. */}
        <p class="fr-text--sm" data-talk-how="">
          {w['talk.how']}
        </p>
        <p class="fr-mt-3w">
          <button
            type="button"
            class="fr-btn fr-btn--secondary fr-btn--sm"
            hidden
            data-share={page.absolute(`/c/${contribution.id}`)}
            data-copied={w['contribution.shareCopied']}
            data-failed={w['contribution.shareFailed']}
            data-status="share-status"
          >
            {w['contribution.share']}
          </button>
        </p>
        <p id="share-status" class="vigie-share-status fr-text--xs" role="status" />
        {parent ? null : (
          <div id="reponses">
            <Replies page={page} parentId={contribution.id} count={replyCount} replies={shownReplies} level={2} />
            {replyCount > shownReplies.length ? (
              <p class="fr-text--sm">{w['replies.shown'](shownReplies.length, replyCount)}</p>
            ) : null}
          </div>
        )}
      </article>
    </Layout>,
    page.locale,
  );
}
