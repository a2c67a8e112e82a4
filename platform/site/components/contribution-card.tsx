import type { Commitment } from '../../../api-client/contract';
import { answerStatusLabels } from '../../../api-client/contract/labels';
import type { PublicEntry } from '../../storage/storage';
import { answersOf, type AnswerView } from '../answer';
import type { PageContext } from '../context';
import { formatDate, pageLink, quoteOf } from '../format';
import { gapLabel } from '../i18n';
import { Replies, REPLIES_IN_LISTS, SupportCount } from './talk-back';
import { TalkControls } from './talk-controls';

export interface CardOptions {
  /** The heading level of each card in its page. */
  level: 2 | 3;
  /** Shown on lists that mix commitments (search, a page's contributions). */
  commitments?: Map<string, Commitment> | undefined;
  /** False on the contribution's own page, which is its permalink. */
  permalink?: boolean;
}

/** What a contribution is, in words: "Commentaire", "Manque signalé : Lien cassé", or "Réponse". */
export function kindLabel(page: PageContext, entry: PublicEntry): string {
  const c = entry.contribution;
  switch (c.kind) {
    case 'gap':
      return c.gapType
        ? page.words['contribution.kindOf'](gapLabel(page.locale, c.gapType))
        : page.words['contribution.gap'];
    case 'reply':
      return page.words['contribution.reply'];
    case 'comment':
      return page.words['contribution.comment'];
  }
}

/** Who answered and when, in words: "Réponse de X" with its status, or the moderators' line. */
export function answerHeading(page: PageContext, answer: AnswerView): { by: string; when?: string; status?: string } {
  const w = page.words;
  if (answer.by === 'moderation') return { by: w['answer.moderation'](formatDate(page.locale, answer.at)) };
  const latest = formatDate(page.locale, answer.at);
  return {
    by: w['answer.organisation'](answer.organisation),
    status: answerStatusLabels[page.locale][answer.status],
    when: answer.firstAt
      ? w['answer.edited'](formatDate(page.locale, answer.firstAt), latest)
      : w['answer.given'](latest),
  };
}

export function Answer({ page, entry }: { page: PageContext; entry: PublicEntry }) {
  const answers = answersOf(entry.contribution);
  if (answers.length === 0) return <p class="vigie-no-answer fr-text--sm">{page.words['contribution.noAnswer']}</p>;
  return (
    <>
      {answers.map((answer) => {
        const heading = answerHeading(page, answer);
        return (
          <div class={`vigie-answer vigie-answer--${answer.by}`}>
            <p class="vigie-answer__by fr-text--sm">
              <strong>{heading.by}</strong>
              {heading.status ? (
                <>
                  {' '}
                  <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon vigie-answer__status">
                    {heading.status}
                  </span>
                </>
              ) : null}
              {heading.when ? <> · {heading.when}</> : null}
            </p>
            <p class="vigie-text">{answer.body}</p>
          </div>
        );
      })}
    </>
  );
}

/**
 * One published contribution. Everything citizens wrote goes through Preact's text
 * rendering: whatever it holds, it shows as text, never as markup.
 */
export function ContributionCard({
  page,
  entry,
  options,
  replies,
}: {
  page: PageContext;
  entry: PublicEntry;
  options: CardOptions;
  /** Its first replies, shown under it (the lists that show replies). */
  replies?: readonly PublicEntry[] | undefined;
}) {
  const c = entry.contribution;
  const w = page.words;
  const quote = quoteOf(c);
  const who = c.author?.pseudonym ?? w['contribution.anonymous'];
  const date = formatDate(page.locale, entry.publishedAt);
  const Heading = options.level === 2 ? 'h2' : 'h3';
  const headingId = `contribution-${c.id}`;
  const commitment = c.commitmentId ? options.commitments?.get(c.commitmentId) : undefined;
  const permalink = page.href(`/c/${c.id}`);
  return (
    <article
      class="vigie-contribution"
      aria-labelledby={headingId}
      id={`c-${c.id}`}
      data-contribution={c.id}
      data-announce={w['live.newContribution'](kindLabel(page, entry), who)}
    >
      <Heading id={headingId} class="fr-h6 fr-mb-1w">
        {kindLabel(page, entry)}
      </Heading>
      <p class="vigie-meta fr-text--sm">
        {w['contribution.by'](who)} · <time dateTime={entry.publishedAt}>{w['contribution.publishedOn'](date)}</time>
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
        <figure class="vigie-quote">
          <figcaption class="fr-text--xs">{w['contribution.quote']}</figcaption>
          <blockquote cite={c.target.url}>
            <p>{quote.exact}</p>
          </blockquote>
        </figure>
      ) : null}
      <p class="vigie-text">{c.body}</p>
      <Answer page={page} entry={entry} />
      <SupportCount page={page} count={c.supportCount ?? 0} />
      <TalkControls
        page={page}
        id={c.id}
        who={who}
        context={`${kindLabel(page, entry)}, ${who}, ${date}`}
        parent={c.kind === 'reply' ? undefined : c.target}
      />
      <ul class="vigie-actions">
        <li>
          <a class="fr-link fr-text--sm" href={pageLink(c)} rel="external noopener noreferrer">
            {c.target.title ? w['contribution.openPage'](c.target.title) : w['contribution.openPageUntitled']}
          </a>
        </li>
        {options.permalink === false ? null : (
          <li>
            <a class="fr-link fr-text--sm" href={permalink}>
              {w['contribution.permalink']}
              <span class="fr-sr-only">{` — ${kindLabel(page, entry)}, ${who}, ${date}`}</span>
            </a>
          </li>
        )}
        <li>
          {/* Shown by share.js where the clipboard can be written; the permalink stands in otherwise. */}
          <button
            type="button"
            class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
            hidden
            data-share={page.absolute(`/c/${c.id}`)}
            data-copied={w['contribution.shareCopied']}
            data-failed={w['contribution.shareFailed']}
            data-status={`share-${c.id}`}
          >
            {w['contribution.share']}
            <span class="fr-sr-only">{` — ${kindLabel(page, entry)}, ${who}, ${date}`}</span>
          </button>
          <p id={`share-${c.id}`} class="vigie-share-status fr-text--xs" role="status" />
        </li>
      </ul>
      {replies ? (
        <Replies
          page={page}
          parentId={c.id}
          count={c.replyCount ?? 0}
          replies={replies.slice(0, REPLIES_IN_LISTS)}
          level={options.level === 2 ? 3 : 4}
          more={`${permalink}#reponses`}
        />
      ) : null}
    </article>
  );
}
