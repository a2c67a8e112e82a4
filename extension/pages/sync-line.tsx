import { pagesStrings } from '../i18n/pages';
import { draftsSnapshot } from './drafts-feed';
import { pageLocale } from './locale';

/** The sync status in one line, and how many contributions wait to be sent. */
export function SyncLine() {
  const t = pagesStrings[pageLocale.value];
  const snapshot = draftsSnapshot.value;
  return (
    <div class="sync">
      <p class="status" role="status">
        {snapshot?.status.text ?? ''}
      </p>
      {snapshot ? <p class="meta">{t.waiting(snapshot.status.waiting)}</p> : null}
    </div>
  );
}
