import type { ComponentChildren } from 'preact';
import type { Contribution } from '../../api-client/contract';
import { answerStatusLabels, gapTypeLabels } from '../../api-client/contract/labels';
import type { UiLocale } from '../i18n/locale';
import { ShareButton } from './share-button';

const words = {
  fr: {
    anonymous: 'Anonyme',
    reply: 'Réponse de la modération :',
    answerFrom: (organisation: string) => `Réponse de ${organisation}`,
    edited: 'modifiée',
    dateLocale: 'fr-FR',
  },
  en: {
    anonymous: 'Anonymous',
    reply: 'Reply from the moderators:',
    answerFrom: (organisation: string) => `Answer from ${organisation}`,
    edited: 'edited',
    dateLocale: 'en-GB',
  },
} as const;

/**
 * One published contribution. Platform data is only ever rendered as text
 * (Preact escapes it): a body full of markup shows as the markup it is.
 */
export function ContributionItem({
  contribution: c,
  locale,
  showQuote = true,
  permalink,
  children,
}: {
  contribution: Contribution;
  locale: UiLocale;
  showQuote?: boolean;
  /** The contribution's page on the platform, to share (the side panel's list). */
  permalink?: string | undefined;
  /** What follows it in the list: "Moi aussi", its replies. */
  children?: ComponentChildren;
}) {
  const t = words[locale];
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  const format = new Intl.DateTimeFormat(t.dateLocale, { dateStyle: 'long' });
  const date = format.format(new Date(c.receivedAt));
  const answer = c.answer;
  return (
    <li>
      <p class="meta">
        {c.kind === 'gap' && c.gapType ? <span class="badge">{gapTypeLabels[locale][c.gapType]}</span> : null}
        <span>{c.author?.pseudonym ?? t.anonymous}</span>, <time dateTime={c.receivedAt}>{date}</time>
      </p>
      {showQuote && quote ? <p class="quote">{quote.exact}</p> : null}
      <p class="body" id={`body-${c.id}`}>
        {c.body}
      </p>
      {answer ? (
        <div class="answer">
          <p>
            <strong>{t.answerFrom(answer.organisation)}</strong> · {answerStatusLabels[locale][answer.status]} ·{' '}
            <time dateTime={answer.at}>{format.format(new Date(answer.at))}</time>
            {answer.firstAt ? ` (${t.edited})` : null}
          </p>
          <p class="answer-body">{answer.body}</p>
        </div>
      ) : null}
      {c.reply ? (
        <p class="reply">
          <strong>{t.reply}</strong> {c.reply.body}
        </p>
      ) : null}
      {permalink ? (
        <p class="actions">
          <ShareButton address={permalink} locale={locale} />
        </p>
      ) : null}
      {children}
    </li>
  );
}
