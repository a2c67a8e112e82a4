import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Contribution } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { ContributionItem } from '../components/contribution-item';
import { ListedSupport } from '../components/support-button';
import type { SupportMarks } from '../components/support-marks';
import { talkBackStrings } from '../i18n/talk-back';
import { sendMessage } from '../messaging/messenger';
import { DraftView } from '../messaging/protocol';
import { DraftEditor } from './draft-editor';
import { supportsFeed } from './drafts-feed';
import { liveList } from './live-page';
import { pageLocale, settings } from './locale';

/** Replies asked at a time: a thread longer than this shows "Réponses suivantes". */
const PAGE_SIZE = 20;

/**
 * A contribution's replies, under it in the side panel: their number, loaded when the
 * citizen opens them (oldest first, like a conversation), the ones published since added
 * live; and "Répondre", which drafts a reply on this device like any contribution (kept
 * offline, sent once, followed in « Mes contributions »).
 */
export function Replies({ parent, support }: { parent: Contribution; support: SupportMarks }) {
  const locale = pageLocale.value;
  const t = talkBackStrings[locale];
  const open = useSignal(false);
  const loaded = useSignal<Contribution[] | undefined>(undefined);
  /** When the thread was first read (epoch ms): a « Moi aussi » answered since has the newer count. */
  const readAt = useSignal(0);
  const cursor = useSignal<string | undefined>(undefined);
  const problem = useSignal('');
  const writing = useSignal<DraftView | undefined>(undefined);
  const listId = `replies-${parent.id}`;
  const replyButton = useRef<HTMLButtonElement>(null);
  const focusReply = useRef(false);
  // The reply sent or closed, the keyboard goes back to where it came from: « Répondre ».
  useLayoutEffect(() => {
    if (!focusReply.current || writing.value) return;
    focusReply.current = false;
    replyButton.current?.focus();
  });

  // A reply can be supported too: this device's marks, as the background tells them.
  const marks = supportsFeed.value;
  const live = liveList.value;
  const arrived = live?.replies.get(parent.id) ?? [];
  const removed = live?.removedReplies ?? new Set<string>();
  const shown = [...(loaded.value ?? []), ...arrived.filter((r) => !loaded.value?.some((l) => l.id === r.id))].filter(
    (r) => !removed.has(r.id),
  );
  const count = Math.max(parent.replyCount ?? 0, loaded.value ? shown.length : 0);

  const load = async (after?: string) => {
    const platformUrl = settings.value?.platformUrl;
    if (!platformUrl) return;
    problem.value = '';
    try {
      const asked = Date.now();
      const page = await createVigieClient({ baseUrl: platformUrl }).listReplies(parent.id, {
        limit: PAGE_SIZE,
        ...(after ? { cursor: after } : {}),
      });
      if (!after) readAt.value = asked;
      loaded.value = [...(after ? (loaded.value ?? []) : []), ...page.items];
      cursor.value = page.nextCursor ?? undefined;
    } catch {
      problem.value = t.repliesFailed;
    }
  };
  const toggle = () => {
    open.value = !open.value;
    if (open.value && loaded.value === undefined) void load();
  };
  const reply = async () => {
    problem.value = '';
    try {
      writing.value = DraftView.parse(
        await sendMessage('reply:create', {
          parentId: parent.id,
          target: { url: parent.target.url, title: parent.target.title },
          locale,
        }),
      );
    } catch {
      problem.value = t.replyFailed;
    }
  };

  return (
    <div class="replies">
      <div class="actions">
        {count > 0 ? (
          <button type="button" aria-expanded={open.value ? 'true' : 'false'} aria-controls={listId} onClick={toggle}>
            {open.value ? t.hideReplies(count) : t.showReplies(count)}
          </button>
        ) : null}
        {writing.value ? null : (
          <button type="button" ref={replyButton} aria-describedby={`body-${parent.id}`} onClick={() => void reply()}>
            {t.reply}
          </button>
        )}
      </div>
      {open.value ? (
        <div id={listId}>
          {loaded.value === undefined && !problem.value ? null : shown.length === 0 ? (
            <p class="meta">{t.noReplies}</p>
          ) : (
            <ol class="list" aria-label={t.repliesLabel}>
              {shown.map((r) => (
                <ContributionItem key={r.id} contribution={r} locale={locale} showQuote={false}>
                  <ListedSupport
                    id={r.id}
                    listed={{ count: r.supportCount ?? 0, at: readAt.value }}
                    mark={marks?.get(r.id)}
                    live={live?.otherCounts.get(r.id)}
                    locale={locale}
                    support={support}
                  />
                </ContributionItem>
              ))}
            </ol>
          )}
          {cursor.value ? (
            <button type="button" onClick={() => void load(cursor.value)}>
              {t.moreReplies}
            </button>
          ) : null}
        </div>
      ) : null}
      {writing.value ? (
        <DraftEditor
          draft={writing.value}
          onDone={() => {
            focusReply.current = true;
            writing.value = undefined;
          }}
        />
      ) : null}
      {problem.value ? (
        <p class="error" role="alert">
          {problem.value}
        </p>
      ) : null}
    </div>
  );
}
