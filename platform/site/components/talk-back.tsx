import type { PublicEntry } from '../../storage/storage';
import { answersOf } from '../answer';
import type { PageContext } from '../context';
import { formatDate } from '../format';
import { repliesHeading, supportSentence } from '../i18n';
import { Answer } from './contribution-card';
import { TalkControls } from './talk-controls';

/** Replies shown under a contribution in a list; its own page shows them all. */
export const REPLIES_IN_LISTS = 3;
/** Replies its own page shows, oldest first. */
export const REPLIES_ON_ITS_PAGE = 100;

/**
 * How many said "moi aussi". Always in the page (hidden at 0), so the live page's script
 * can show it when a first support comes.
 */
export function SupportCount({ page, count }: { page: PageContext; count: number }) {
  return (
    <p class="vigie-support fr-text--sm" data-support-count={String(count)} hidden={count === 0}>
      {supportSentence(page.locale, count)}
    </p>
  );
}

/** One citizen's reply, under the contribution it answers. */
export function ReplyItem({ page, entry }: { page: PageContext; entry: PublicEntry }) {
  const c = entry.contribution;
  const w = page.words;
  const who = c.author?.pseudonym ?? w['contribution.anonymous'];
  const date = formatDate(page.locale, entry.publishedAt);
  return (
    <li class="vigie-reply" id={`c-${c.id}`} data-contribution={c.id} data-announce={w['live.newReply'](who)}>
      <p class="vigie-meta fr-text--sm">
        {w['reply.by'](who)} · <time dateTime={entry.publishedAt}>{w['contribution.publishedOn'](date)}</time>
      </p>
      <p class="vigie-text">{c.body}</p>
      {/* A reply seldom gets an answer: none is said only when there is one. */}
      {answersOf(c).length > 0 ? <Answer page={page} entry={entry} /> : null}
      <SupportCount page={page} count={c.supportCount ?? 0} />
      <TalkControls page={page} id={c.id} who={who} context={`${w['reply.by'](who)}, ${date}`} />
      <p class="fr-text--sm vigie-reply__link">
        <a class="fr-link fr-text--sm" href={page.href(`/c/${c.id}`)}>
          {w['reply.permalink']}
          <span class="fr-sr-only">{` — ${who}, ${date}`}</span>
        </a>
      </p>
    </li>
  );
}

/**
 * A contribution's replies, oldest first. Always in the page (hidden without replies) so
 * that the live page's script has where to put the first one. `all` links to its page
 * when more replies exist than are shown.
 */
export function Replies({
  page,
  parentId,
  count,
  replies,
  level,
  more,
}: {
  page: PageContext;
  parentId: string;
  count: number;
  replies: readonly PublicEntry[];
  level: 2 | 3 | 4;
  /** Where all of them are, when not all are shown here. */
  more?: string | undefined;
}) {
  const Heading = (['h2', 'h3', 'h4'] as const)[level - 2]!;
  const headingId = `replies-${parentId}`;
  return (
    <section
      class="vigie-replies"
      aria-labelledby={headingId}
      data-replies-of={parentId}
      hidden={count === 0 && replies.length === 0}
    >
      <Heading id={headingId} class="fr-text--md fr-mb-1w" data-reply-count={String(count)}>
        {repliesHeading(page.locale, count)}
      </Heading>
      <ol class="vigie-replies__list">
        {replies.map((entry) => (
          <ReplyItem page={page} entry={entry} />
        ))}
      </ol>
      {more && count > replies.length ? (
        <p class="fr-text--sm">
          <a class="fr-link fr-text--sm" href={more}>
            {page.words['replies.all'](count)}
          </a>
        </p>
      ) : null}
    </section>
  );
}
