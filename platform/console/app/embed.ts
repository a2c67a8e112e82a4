import { useSignal } from '@preact/signals';
import { h, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Campaign, CampaignList, Commitment, CommitmentList } from '../../../api-client/contract';
import { account, ApiError, callJson } from './api';
import { t } from './i18n';
import { cspDirectives, embedSnippet, type EmbedChoice, type WidgetRelease } from './snippet';

/** Copies with the Clipboard API; where it is refused, selects the text and lets the browser copy. */
async function copy(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    // The one copy that works where the Clipboard API is refused.
    return document.execCommand('copy');
  }
}

/** The "Intégrer" page: choose what the widget is about, see the two lines to paste, copy them. */
export function Embed() {
  const s = t();
  const release = useSignal<WidgetRelease | null>(null);
  const commitments = useSignal<Commitment[]>([]);
  const campaigns = useSignal<Campaign[]>([]);
  const choice = useSignal<EmbedChoice>({ commitment: '', campaign: '', lang: '', quoteMode: false, pinned: true });
  const message = useSignal<{ text: string; error: boolean } | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    callJson<WidgetRelease>('/widget/release.json').then(
      (found) => {
        release.value = found;
        if (!found.pinned) choice.value = { ...choice.value, pinned: false };
      },
      (e: unknown) => (message.value = { text: e instanceof ApiError ? e.message : String(e), error: true }),
    );
    callJson<CommitmentList>('/v1/commitments').then(
      (list) => (commitments.value = list.items),
      () => undefined,
    );
    // Moderators manage no campaign; admins and NGOs list theirs.
    if (account.value?.role !== 'moderator') {
      callJson<CampaignList>('/v1/me/campaigns').then(
        (list) => (campaigns.value = list.items),
        () => undefined,
      );
    }
  }, []);

  const set = (patch: Partial<EmbedChoice>) => {
    choice.value = { ...choice.value, ...patch };
    message.value = null;
  };
  const labelled = (id: string, label: string, control: ComponentChildren) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const snippet = release.value ? embedSnippet(release.value, choice.value) : '';

  return h(
    'section',
    { 'aria-labelledby': 'embed-title' },
    h('h1', { id: 'embed-title' }, s.embedTitle),
    h('p', { class: 'hint' }, s.embedHelp),
    h(
      'form',
      { class: 'card embed-form', onSubmit: (event: Event) => event.preventDefault() },
      labelled(
        'embed-commitment',
        s.commitment,
        h(
          'select',
          {
            id: 'embed-commitment',
            value: choice.value.commitment,
            onChange: (e: Event) => set({ commitment: value(e) }),
          },
          h('option', { value: '' }, s.embedNone),
          commitments.value.map((c) => h('option', { key: c.id, value: c.id }, `${c.id} — ${c.title}`)),
        ),
      ),
      campaigns.value.length
        ? labelled(
            'embed-campaign',
            s.campaign,
            h(
              'select',
              {
                id: 'embed-campaign',
                value: choice.value.campaign,
                onChange: (e: Event) => set({ campaign: value(e) }),
              },
              h('option', { value: '' }, s.embedNone),
              campaigns.value.map((c) => h('option', { key: c.id, value: c.id }, c.title)),
            ),
          )
        : null,
      labelled(
        'embed-lang',
        s.embedLang,
        h(
          'select',
          {
            id: 'embed-lang',
            value: choice.value.lang,
            onChange: (e: Event) => set({ lang: value(e) as EmbedChoice['lang'] }),
          },
          h('option', { value: '' }, s.embedLangPage),
          h('option', { value: 'fr', lang: 'fr' }, 'français'),
          h('option', { value: 'en', lang: 'en' }, 'English'),
        ),
      ),
      h(
        'div',
        { class: 'check' },
        h('input', {
          id: 'embed-quote',
          type: 'checkbox',
          checked: choice.value.quoteMode,
          onChange: (e: Event) => set({ quoteMode: (e.currentTarget as HTMLInputElement).checked }),
        }),
        h('label', { for: 'embed-quote' }, s.embedQuoteMode),
      ),
      h(
        'fieldset',
        null,
        h('legend', null, s.embedVersion),
        (['pinned', 'follow'] as const).map((kind) =>
          h(
            'div',
            { class: 'check', key: kind },
            h('input', {
              id: `embed-${kind}`,
              type: 'radio',
              name: 'version',
              checked: choice.value.pinned === (kind === 'pinned'),
              disabled: kind === 'pinned' && !release.value?.pinned,
              'aria-describedby': `embed-${kind}-hint`,
              onChange: () => set({ pinned: kind === 'pinned' }),
            }),
            h('label', { for: `embed-${kind}` }, kind === 'pinned' ? s.embedPinned : s.embedFollow),
            h(
              'p',
              { class: 'hint', id: `embed-${kind}-hint` },
              kind === 'pinned' ? s.embedPinnedHint : s.embedFollowHint,
            ),
          ),
        ),
      ),
    ),
    release.value
      ? h(
          'div',
          { class: 'card' },
          h('label', { for: 'embed-snippet' }, s.embedSnippet),
          h('textarea', { id: 'embed-snippet', ref: field, readOnly: true, rows: 4, class: 'code', value: snippet }),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                onClick: async () => {
                  const copied = await copy(snippet, field.current);
                  message.value = { text: copied ? t().embedCopied : t().embedCopyFailed, error: !copied };
                },
              },
              s.embedCopy,
            ),
          ),
          h('h2', null, s.embedCspTitle),
          h('p', null, s.embedCspHelp, ' ', h('code', { id: 'embed-csp' }, cspDirectives(release.value))),
        )
      : null,
    h(
      'p',
      { class: message.value?.error ? 'error' : 'notice', role: 'status', 'aria-live': 'polite' },
      message.value?.text ?? '',
    ),
  );
}
