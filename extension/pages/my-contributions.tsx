import { useSignal } from '@preact/signals';
import { gapTypeLabels } from '../../api-client/contract/labels';
import { pagesStrings } from '../i18n/pages';
import { sendMessage } from '../messaging/messenger';
import type { DraftSummary } from '../messaging/protocol';
import { draftStateText, sentenceOf } from '../shared/draft-words';
import { DraftEditor } from './draft-editor';
import { draftsSnapshot } from './drafts-feed';
import { pageLocale } from './locale';
import { SyncLine } from './sync-line';

function DraftItem({ draft, onSaid }: { draft: DraftSummary; onSaid: (sentence: string) => void }) {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const editing = useSignal(false);
  const confirming = useSignal(false);
  const headingId = `draft-${draft.id}`;
  const act = (run: () => Promise<unknown>) =>
    void run().catch((error: unknown) => onSaid(sentenceOf(error, locale, String(error))));

  return (
    <li aria-labelledby={headingId}>
      <h3 id={headingId}>
        {draft.fields.kind === 'gap' ? t.kindGap : t.kindComment}
        {draft.fields.kind === 'gap' && draft.fields.gapType ? ` · ${gapTypeLabels[locale][draft.fields.gapType]}` : ''}
        {' — '}
        <span class={`state${draft.state === 'rejected' ? ' problem' : ''}`}>{draftStateText(draft, locale)}</span>
      </h3>
      <p class="meta">
        {t.onPage} {draft.pageTitle || draft.pageUrl || t.untitledPage}
      </p>
      {draft.quote ? <p class="quote">{draft.quote}</p> : null}
      {editing.value ? (
        <DraftEditor draft={draft} onDone={() => (editing.value = false)} />
      ) : (
        <>
          {draft.fields.body ? <p class="body">{draft.fields.body}</p> : null}
          <div class="actions">
            {draft.canEdit ? (
              <button type="button" aria-describedby={headingId} onClick={() => (editing.value = true)}>
                {t.continue}
              </button>
            ) : null}
            {draft.canRetry ? (
              <button
                type="button"
                aria-describedby={headingId}
                onClick={() => act(() => sendMessage('draft:retry', { id: draft.id }))}
              >
                {t.sendAgain}
              </button>
            ) : null}
            {draft.canDelete && !confirming.value ? (
              <button type="button" aria-describedby={headingId} onClick={() => (confirming.value = true)}>
                {t.remove}
              </button>
            ) : null}
            {confirming.value ? (
              <>
                <button
                  type="button"
                  class="primary"
                  aria-describedby={headingId}
                  onClick={() =>
                    act(async () => (await sendMessage('draft:delete', { id: draft.id })) && onSaid(t.removed))
                  }
                >
                  {t.confirmRemove}
                </button>
                <button type="button" onClick={() => (confirming.value = false)}>
                  {t.cancel}
                </button>
              </>
            ) : null}
          </div>
        </>
      )}
    </li>
  );
}

/** "Mes contributions": every draft of this device, its state in words, and what can be done with it. */
export function MyContributions() {
  const t = pagesStrings[pageLocale.value];
  const said = useSignal('');
  const drafts = draftsSnapshot.value?.drafts;
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t.mine}</h2>
      <SyncLine />
      <p class="status" role="status">
        {said.value}
      </p>
      {drafts === undefined ? (
        <p>{t.loading}</p>
      ) : drafts.length === 0 ? (
        <p>{t.noDrafts}</p>
      ) : (
        <ul class="list">
          {drafts.map((draft) => (
            <DraftItem key={draft.id} draft={draft} onSaid={(sentence) => (said.value = sentence)} />
          ))}
        </ul>
      )}
    </section>
  );
}
