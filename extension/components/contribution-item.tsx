import type { Contribution } from '../../api-client/contract';
import { gapTypeLabels } from '../../api-client/contract/labels';
import type { UiLocale } from '../i18n/locale';
import { ShareButton } from './share-button';

const words = {
  fr: { anonymous: 'Anonyme', reply: 'Réponse de l’administration', dateLocale: 'fr-FR' },
  en: { anonymous: 'Anonymous', reply: 'Reply from the administration', dateLocale: 'en-GB' },
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
}: {
  contribution: Contribution;
  locale: UiLocale;
  showQuote?: boolean;
  /** The contribution's page on the platform, to share (the side panel's list). */
  permalink?: string | undefined;
}) {
  const t = words[locale];
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  const date = new Intl.DateTimeFormat(t.dateLocale, { dateStyle: 'long' }).format(new Date(c.receivedAt));
  return (
    <li>
      <p class="meta">
        {c.kind === 'gap' && c.gapType ? <span class="badge">{gapTypeLabels[locale][c.gapType]}</span> : null}
        <span>{c.author?.pseudonym ?? t.anonymous}</span>, <time dateTime={c.receivedAt}>{date}</time>
      </p>
      {showQuote && quote ? <p class="quote">{quote.exact}</p> : null}
      <p class="body">{c.body}</p>
      {c.reply ? (
        <p class="reply">
          <strong>
            {t.reply}
            {locale === 'fr' ? ' :' : ':'}
          </strong>{' '}
          {c.reply.body}
        </p>
      ) : null}
      {permalink ? (
        <p class="actions">
          <ShareButton address={permalink} locale={locale} />
        </p>
      ) : null}
    </li>
  );
}
