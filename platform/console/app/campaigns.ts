import { useSignal, type Signal } from '@preact/signals';
import { h, type ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Campaign, CampaignInput, CampaignList, CampaignPatch } from '../../../api-client/contract';
import { account, ApiError, callJson } from './api';
import { formText } from './form-text';
import { lang, t } from './i18n';
import { defaultCampaignDates, slugFromTitle } from './slug';

function stateOf(campaign: Campaign, now = Date.now()): 'open' | 'upcoming' | 'closed' {
  if (now < Date.parse(campaign.opensAt)) return 'upcoming';
  return now < Date.parse(campaign.closesAt) ? 'open' : 'closed';
}

/** datetime-local shows local time; the platform keeps UTC. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function date(iso: string): string {
  return new Date(iso).toLocaleString(lang.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A labelled field; a required one is marked with an asterisk (its control says `required` to assistive technology). */
function field(
  id: string,
  label: string,
  error: string | undefined,
  control: ComponentChildren,
  options: { required?: boolean; hint?: string } = {},
) {
  return h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      label,
      options.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    options.hint ? h('p', { class: 'hint', id: `${id}-hint` }, options.hint) : null,
    error ? h('p', { class: 'error', id: `${id}-error` }, error) : null,
  );
}

/** The identifier: proposed from the title (a child component, so the form does not re-render as it changes). */
function IdInput(props: { id: Signal<string>; idTyped: Signal<boolean>; described: Record<string, string> }) {
  return h('input', {
    id: 'campaign-id',
    name: 'id',
    required: true,
    pattern: '[a-z0-9][a-z0-9\\-]{1,62}[a-z0-9]',
    value: props.id.value,
    onInput: (e: Event) => {
      props.id.value = (e.currentTarget as HTMLInputElement).value;
      props.idTyped.value = props.id.value !== '';
    },
    ...props.described,
  });
}

function CampaignForm(props: { editing: Campaign | null; onDone: (saved: Campaign | null) => void }) {
  const s = t();
  const errors = useSignal<Record<string, string>>({});
  const failure = useSignal<string | null>(null);
  const c = props.editing;
  // A new campaign's identifier follows its title until the person types one of their own.
  // Fields are uncontrolled (defaultValue): what the person typed stays through any re-render.
  const id = useSignal('');
  const idTyped = useSignal(false);
  const dates = useSignal(defaultCampaignDates());

  async function submit(event: Event) {
    event.preventDefault();
    const text = formText(event);
    const when = (name: string) => (text(name) ? new Date(text(name)).toISOString() : '');
    const fields = {
      title: text('title'),
      question: text('question'),
      targets: {
        commitmentIds: text('commitments')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
        urlPatterns: text('patterns')
          .split('\n')
          .map((v) => v.trim())
          .filter(Boolean),
      },
      opensAt: when('opensAt'),
      closesAt: when('closesAt'),
    };
    try {
      const saved = c
        ? await callJson<Campaign>(`/v1/campaigns/${c.id}`, {
            method: 'PATCH',
            body: JSON.stringify(fields satisfies CampaignPatch),
          })
        : await callJson<Campaign>('/v1/campaigns', {
            method: 'POST',
            body: JSON.stringify({ id: text('id'), ...fields } satisfies CampaignInput),
          });
      props.onDone(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        failure.value = e.message;
        errors.value = Object.fromEntries(
          (e.problem?.errors ?? []).map((fe) => [fe.pointer.split('/')[1] ?? '', fe.detail]),
        );
      } else failure.value = String(e);
    }
  }

  const err = (name: string) => errors.value[name];
  const described = (name: string, hint = false) => {
    const ids = [hint ? `campaign-${name}-hint` : '', err(name) ? `campaign-${name}-error` : ''].filter(Boolean);
    return {
      ...(err(name) ? { 'aria-invalid': 'true' } : {}),
      ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
    };
  };
  return h(
    'form',
    { class: 'card campaign-form', onSubmit: submit, 'aria-labelledby': 'campaign-form-title' },
    h('h2', { id: 'campaign-form-title' }, c ? s.editCampaign : s.newCampaign),
    h('p', { class: 'hint' }, s.requiredLegend),
    field(
      'campaign-title',
      s.fieldTitle,
      err('title'),
      h('input', {
        id: 'campaign-title',
        name: 'title',
        required: true,
        maxLength: 200,
        defaultValue: c?.title ?? '',
        onInput: (e: Event) => {
          if (!idTyped.value) id.value = slugFromTitle((e.currentTarget as HTMLInputElement).value);
        },
        ...described('title'),
      }),
      { required: true },
    ),
    c
      ? null
      : field('campaign-id', s.fieldId, err('id'), h(IdInput, { id, idTyped, described: described('id', true) }), {
          required: true,
          hint: s.fieldIdHint,
        }),
    field(
      'campaign-question',
      s.fieldQuestion,
      err('question'),
      h('textarea', {
        id: 'campaign-question',
        name: 'question',
        required: true,
        rows: 3,
        maxLength: 1000,
        defaultValue: c?.question ?? '',
        ...described('question'),
      }),
      { required: true },
    ),
    field(
      'campaign-commitments',
      s.fieldCommitments,
      err('targets'),
      h('input', {
        id: 'campaign-commitments',
        name: 'commitments',
        defaultValue: c?.targets.commitmentIds.join(', ') ?? '',
      }),
    ),
    field(
      'campaign-patterns',
      s.fieldPatterns,
      undefined,
      h('textarea', {
        id: 'campaign-patterns',
        name: 'patterns',
        rows: 3,
        defaultValue: c?.targets.urlPatterns.join('\n') ?? '',
      }),
    ),
    field(
      'campaign-opensAt',
      s.fieldOpens,
      err('opensAt'),
      h('input', {
        id: 'campaign-opensAt',
        name: 'opensAt',
        type: 'datetime-local',
        required: true,
        defaultValue: c ? toLocalInput(c.opensAt) : dates.value.opens,
        ...described('opensAt'),
      }),
      { required: true },
    ),
    field(
      'campaign-closesAt',
      s.fieldCloses,
      err('closesAt'),
      h('input', {
        id: 'campaign-closesAt',
        name: 'closesAt',
        type: 'datetime-local',
        required: true,
        defaultValue: c ? toLocalInput(c.closesAt) : dates.value.closes,
        ...described('closesAt'),
      }),
      { required: true },
    ),
    failure.value ? h('p', { class: 'error', role: 'alert' }, failure.value) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, s.save),
      h('button', { type: 'button', onClick: () => props.onDone(null) }, s.cancel),
    ),
  );
}

export function Campaigns() {
  const s = t();
  const campaigns = useSignal<Campaign[]>([]);
  const editing = useSignal<Campaign | 'new' | null>(null);
  const message = useSignal<{ text: string; error: boolean } | null>(null);

  async function load() {
    try {
      campaigns.value = (await callJson<CampaignList>('/v1/me/campaigns')).items;
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function approve(campaign: Campaign) {
    try {
      await callJson<Campaign>(`/v1/campaigns/${campaign.id}/approve`, { method: 'POST' });
      message.value = { text: t().approvedDone, error: false };
      await load();
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    }
  }

  async function close(campaign: Campaign) {
    if (!window.confirm(s.closeConfirm)) return;
    try {
      await callJson<Campaign>(`/v1/campaigns/${campaign.id}/close`, { method: 'POST' });
      message.value = { text: t().closed, error: false };
      await load();
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    }
  }

  return h(
    'section',
    { 'aria-labelledby': 'campaigns-title' },
    h('h1', { id: 'campaigns-title' }, s.campaignsTitle),
    h(
      'p',
      { class: message.value?.error ? 'error' : 'notice', role: 'status', 'aria-live': 'polite' },
      message.value?.text ?? '',
    ),
    h('p', { class: 'meta' }, s.approvalHelp),
    editing.value === null
      ? h('button', { type: 'button', onClick: () => (editing.value = 'new') }, s.newCampaign)
      : null,
    editing.value !== null
      ? h(CampaignForm, {
          editing: editing.value === 'new' ? null : editing.value,
          onDone: (saved) => {
            editing.value = null;
            if (saved) {
              message.value = { text: t().saved, error: false };
              void load();
            }
          },
        })
      : null,
    campaigns.value.length === 0
      ? h('p', { class: 'empty' }, s.campaignsEmpty)
      : h(
          'ul',
          { class: 'campaigns' },
          campaigns.value.map((campaign) => {
            const state = stateOf(campaign);
            return h(
              'li',
              { key: campaign.id, class: 'card', 'data-id': campaign.id },
              h(
                'h2',
                null,
                campaign.title,
                ' ',
                h('span', { class: `badge ${state}` }, s.state[state]),
                ' ',
                h('span', { class: `badge approval-${campaign.approval}` }, s.approval[campaign.approval]),
              ),
              h('p', null, campaign.question),
              h(
                'p',
                { class: 'meta' },
                `${campaign.id} · ${date(campaign.opensAt)} → ${date(campaign.closesAt)}`,
                campaign.owner ? ` · ${s.by} ${campaign.owner}` : '',
              ),
              h(
                'div',
                { class: 'actions' },
                h(
                  'button',
                  {
                    type: 'button',
                    onClick: () => (editing.value = campaign),
                    'aria-label': `${s.edit} : ${campaign.title}`,
                  },
                  s.edit,
                ),
                campaign.approval === 'pending' && account.value?.role === 'admin'
                  ? h(
                      'button',
                      {
                        type: 'button',
                        onClick: () => approve(campaign),
                        'aria-label': `${s.approve} : ${campaign.title}`,
                      },
                      s.approve,
                    )
                  : null,
                state === 'closed'
                  ? null
                  : h(
                      'button',
                      {
                        type: 'button',
                        onClick: () => close(campaign),
                        'aria-label': `${s.close} : ${campaign.title}`,
                      },
                      s.close,
                    ),
              ),
            );
          }),
        ),
  );
}
