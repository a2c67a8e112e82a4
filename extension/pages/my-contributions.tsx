import { useSignal, useSignalEffect } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { answerStatusLabels, gapTypeLabels } from '../../api-client/contract/labels';
import { pagesStrings, type PagesStrings } from '../i18n/pages';
import { talkBackStrings } from '../i18n/talk-back';
import { sendMessage } from '../messaging/messenger';
import type { DraftSummary } from '../messaging/protocol';
import { draftStateText, sentenceOf } from '../shared/draft-words';
import { DraftEditor } from './draft-editor';
import { draftsSnapshot } from './drafts-feed';
import { pageLocale } from './locale';
import { SyncLine } from './sync-line';

type Confirming = 'remove' | 'withdraw' | 'forget';

const dateFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }),
};

/** "Envoyée le 3 décembre 2026 à 10:04", or when a draft was last written. */
function DateLine({ draft, t }: { draft: DraftSummary; t: PagesStrings }) {
  const at = draft.sentAt ?? draft.updatedAt;
  const date = dateFormats[pageLocale.value].format(new Date(at));
  return <time dateTime={new Date(at).toISOString()}>{draft.sentAt ? t.sentOn(date) : t.draftOn(date)}</time>;
}

/** The page it is about, as a link to it (only ever an http(s) address: the contract's). */
function PageLink({ draft, t }: { draft: DraftSummary; t: PagesStrings }) {
  const name = draft.pageTitle || draft.pageUrl || t.untitledPage;
  return draft.pageUrl && /^https?:\/\//.test(draft.pageUrl) ? (
    <a href={draft.pageUrl} target="_blank" rel="noreferrer">
      {name}
    </a>
  ) : (
    <span>{name}</span>
  );
}

function DraftItem({
  draft,
  isNew,
  onSaid,
}: {
  draft: DraftSummary;
  isNew: boolean;
  onSaid: (sentence: string) => void;
}) {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const tb = talkBackStrings[locale];
  const editing = useSignal(false);
  const confirming = useSignal<Confirming | undefined>(undefined);
  const item = useRef<HTMLLIElement>(null);
  const focusNext = useRef<string | undefined>(undefined);
  const headingId = `draft-${draft.id}`;
  const act = (run: () => Promise<unknown>) =>
    void run().catch((error: unknown) => onSaid(sentenceOf(error, locale, String(error))));
  /** Asks to confirm, and puts focus on the confirmation: the next key press decides. */
  const ask = (what: Confirming | undefined) => {
    focusNext.current = what ? '.confirm .primary' : '.actions button';
    confirming.value = what;
  };
  // Right after the render that shows it (an animation frame would wait while the panel is hidden).
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    item.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = undefined;
  });
  const withdrawn = draft.platform?.status === 'withdrawn';
  const confirmations: Record<Confirming, { warning: string; label: string; run: () => Promise<unknown> }> = {
    remove: {
      warning: t.removeWarning,
      label: t.confirmRemove,
      run: async () => (await sendMessage('draft:delete', { id: draft.id })) && onSaid(t.removed),
    },
    withdraw: {
      warning: t.withdrawWarning,
      label: t.confirmWithdraw,
      run: async () => {
        await sendMessage('draft:withdraw', { id: draft.id });
        onSaid(t.withdrawn);
        ask(undefined);
      },
    },
    forget: {
      warning: withdrawn ? t.forgetWithdrawnWarning : t.forgetWarning,
      label: t.confirmForget,
      run: async () => (await sendMessage('draft:forget', { id: draft.id })) && onSaid(t.forgotten),
    },
  };
  const asked = confirming.value && confirmations[confirming.value];
  const reply = draft.platform?.reply;
  const answer = draft.platform?.answer;

  return (
    <li ref={item} aria-labelledby={headingId} class={isNew ? 'is-new' : undefined}>
      <h3 id={headingId}>
        {isNew ? <span class="new">{t.news} </span> : null}
        {draft.fields.kind === 'gap' ? t.kindGap : draft.fields.kind === 'reply' ? tb.kindReply : t.kindComment}
        {draft.fields.kind === 'gap' && draft.fields.gapType ? ` · ${gapTypeLabels[locale][draft.fields.gapType]}` : ''}
        {' — '}
        <span class={`state${draft.state === 'rejected' ? ' problem' : ''}`}>{draftStateText(draft, locale)}</span>
      </h3>
      <p class="meta">
        <DateLine draft={draft} t={t} /> · {t.onPage} <PageLink draft={draft} t={t} />
      </p>
      {draft.quote ? <p class="quote">{draft.quote}</p> : null}
      {draft.platform?.replyCount ? <p class="meta">{tb.citizenReplies(draft.platform.replyCount)}</p> : null}
      {editing.value ? (
        <DraftEditor draft={draft} onDone={() => (editing.value = false)} />
      ) : (
        <>
          {draft.fields.body ? <p class="body">{draft.fields.body}</p> : null}
          {answer ? (
            <div class="answer">
              <p>
                <strong>{t.answerFrom(answer.organisation)}</strong> · {answerStatusLabels[locale][answer.status]} ·{' '}
                <time dateTime={answer.at}>{dateFormats[locale].format(new Date(answer.at))}</time>
                {answer.firstAt ? ` (${t.answerEdited})` : null}
              </p>
              <p class="answer-body">{answer.body}</p>
            </div>
          ) : null}
          {reply ? (
            <p class="reply">
              <strong>
                {t.moderationReply}
                {locale === 'fr' ? ' :' : ':'}
              </strong>{' '}
              {reply.body}
            </p>
          ) : null}
          {asked ? (
            <div class="confirm" role="group" aria-labelledby={headingId}>
              <p>{asked.warning}</p>
              <div class="actions">
                <button type="button" class="primary" onClick={() => act(asked.run)}>
                  {asked.label}
                </button>
                <button type="button" onClick={() => ask(undefined)}>
                  {t.cancel}
                </button>
              </div>
            </div>
          ) : (
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
              {draft.canWithdraw ? (
                <button type="button" aria-describedby={headingId} onClick={() => ask('withdraw')}>
                  {t.withdraw}
                </button>
              ) : null}
              {draft.canDelete ? (
                <button type="button" aria-describedby={headingId} onClick={() => ask('remove')}>
                  {t.remove}
                </button>
              ) : null}
              {draft.canForget ? (
                <button type="button" aria-describedby={headingId} onClick={() => ask('forget')}>
                  {t.forget}
                </button>
              ) : null}
            </div>
          )}
        </>
      )}
    </li>
  );
}

/**
 * "Mes contributions": every draft and contribution of this device, with its date, its
 * page, where it stands in words and what can be done with it. What changed since the
 * citizen last looked is marked "Nouveau" for as long as the panel stays open, and is no
 * longer news for the badge as soon as they see it.
 */
export function MyContributions() {
  const t = pagesStrings[pageLocale.value];
  const said = useSignal('');
  const shownNew = useSignal<ReadonlySet<string>>(new Set());
  const drafts = draftsSnapshot.value?.drafts;

  useSignalEffect(() => {
    const fresh = (draftsSnapshot.value?.drafts ?? []).filter((d) => d.news);
    if (fresh.length === 0) return;
    const look = () => {
      if (document.visibilityState !== 'visible') return false;
      shownNew.value = new Set([...shownNew.peek(), ...fresh.map((d) => d.id)]);
      void sendMessage('drafts:seen', { ids: fresh.map((d) => d.id) }).catch(() => undefined);
      return true;
    };
    if (look()) return;
    // A panel opened in the background is looked at once it shows.
    const onVisible = () => look() && document.removeEventListener('visibilitychange', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  });

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
            <DraftItem
              key={draft.id}
              draft={draft}
              isNew={draft.news || shownNew.value.has(draft.id)}
              onSaid={(sentence) => (said.value = sentence)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
