import { useSignal } from '@preact/signals';
import { h, type ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Campaign, CampaignList, ExportFormat } from '../../../api-client/contract';
import { account, ApiError, call, callJson } from './api';
import { t } from './i18n';

const formats: ExportFormat[] = ['csv', 'json', 'jsonld'];

/** Saves a response as a file: the token travels in a header, so a plain link cannot do it. */
async function save(response: Response): Promise<void> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vigie-export';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function Exports() {
  const s = t();
  const campaigns = useSignal<Campaign[]>([]);
  const message = useSignal<{ text: string; error: boolean } | null>(null);
  const busy = useSignal(false);

  useEffect(() => {
    if (account.value?.role === 'moderator') return; // moderators export everything; they list no campaign
    callJson<CampaignList>('/v1/me/campaigns').then(
      (list) => (campaigns.value = list.items),
      () => undefined,
    );
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    for (const name of ['format', 'campaignId', 'commitmentId', 'kind', 'status']) {
      const value = text(name).trim();
      if (value) params.set(name, value);
    }
    for (const name of ['from', 'to']) {
      const value = text(name);
      if (value) params.set(name, new Date(`${value}T00:00:00`).toISOString());
    }
    busy.value = true;
    message.value = null;
    try {
      await save(await call(`/v1/exports/contributions?${params}`));
      message.value = { text: t().downloaded, error: false };
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    } finally {
      busy.value = false;
    }
  }

  const field = (id: string, label: string, control: ComponentChildren) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control);
  return h(
    'section',
    { 'aria-labelledby': 'exports-title' },
    h('h1', { id: 'exports-title' }, s.exportsTitle),
    h('p', { class: 'hint' }, s.exportsHelp),
    h(
      'form',
      { class: 'card export-form', onSubmit: submit },
      field(
        'export-format',
        s.format,
        h(
          'select',
          { id: 'export-format', name: 'format' },
          formats.map((f) => h('option', { value: f }, s.formats[f])),
        ),
      ),
      field(
        'export-campaign',
        s.campaign,
        h(
          'select',
          { id: 'export-campaign', name: 'campaignId' },
          h('option', { value: '' }, '—'),
          campaigns.value.map((c) => h('option', { value: c.id }, c.title)),
        ),
      ),
      field(
        'export-commitment',
        s.commitment,
        h('input', {
          id: 'export-commitment',
          name: 'commitmentId',
          placeholder: 'FR0067',
          pattern: '[A-Z]{2}[0-9]{4}',
        }),
      ),
      field(
        'export-kind',
        s.kind,
        h(
          'select',
          { id: 'export-kind', name: 'kind' },
          h('option', { value: '' }, s.kinds.any),
          h('option', { value: 'comment' }, s.kinds.comment),
          h('option', { value: 'gap' }, s.kinds.gap),
        ),
      ),
      field(
        'export-status',
        s.status,
        h(
          'select',
          { id: 'export-status', name: 'status' },
          h('option', { value: '' }, s.anyStatus),
          (['pending', 'published', 'hidden', 'rejected'] as const).map((value) =>
            h('option', { value }, s.statuses[value]),
          ),
        ),
      ),
      field('export-from', s.from, h('input', { id: 'export-from', name: 'from', type: 'date' })),
      field('export-to', s.to, h('input', { id: 'export-to', name: 'to', type: 'date' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: busy.value }, s.download)),
    ),
    h(
      'p',
      { class: message.value?.error ? 'error' : 'notice', role: 'status', 'aria-live': 'polite' },
      message.value?.text ?? '',
    ),
  );
}
