import { pagesStrings } from '../i18n/pages';
import { ownSummaryText, waitingText } from '../shared/draft-words';
import { draftsSnapshot } from './drafts-feed';
import { pageLocale } from './locale';

/**
 * Where the citizen's contributions stand, in one line that counts them with the entries'
 * own words; below it, what waits to be sent and why (the network, the platform); in the
 * popup, how many changed since they last looked.
 */
export function SyncLine({ news = false }: { news?: boolean }) {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const snapshot = draftsSnapshot.value;
  const waiting = snapshot && waitingText(snapshot, locale);
  const fresh = snapshot?.drafts.filter((d) => d.news).length ?? 0;
  return (
    <div class="sync">
      <p class="status" role="status">
        {snapshot ? ownSummaryText(snapshot, locale).text : ''}
      </p>
      {waiting ? <p class="meta">{waiting}</p> : null}
      {news && fresh > 0 ? <p class="news-line">{t.newsCount(fresh)}</p> : null}
    </div>
  );
}
