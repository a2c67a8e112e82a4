import { pagesStrings } from '../i18n/pages';
import { syncStatusText } from '../shared/draft-words';
import { draftsSnapshot } from './drafts-feed';
import { pageLocale } from './locale';

/** The sync status in one line, and how many contributions wait to be sent. */
export function SyncLine() {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const snapshot = draftsSnapshot.value;
  const status = snapshot && syncStatusText(snapshot, locale);
  return (
    <div class="sync">
      <p class="status" role="status">
        {status?.text ?? ''}
      </p>
      {status ? <p class="meta">{t.waiting(status.counts.queued + status.counts.sending)}</p> : null}
    </div>
  );
}
