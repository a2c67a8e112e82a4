import { useSignal } from '@preact/signals';
import { h, type ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Campaign, CampaignList, ExportCount } from '../../../../api-client/contract';
import { account, ApiError, call, callJson } from '../api';
import { formText } from '../form-text';
import { t } from '../i18n';
import { te, type ExportChoice } from './i18n';

const choices: ExportChoice[] = ['xlsx', 'csv-fr', 'csv', 'json', 'jsonld'];
/** Each choice as the API's parameters. */
const formatParams: Record<ExportChoice, Record<string, string>> = {
  xlsx: { format: 'xlsx' },
  'csv-fr': { format: 'csv', dialect: 'fr' },
  csv: { format: 'csv' },
  json: { format: 'json' },
  jsonld: { format: 'jsonld' },
};

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

/**
 * Exports, with the format to pick said in words (the workbook for spreadsheets, the French
 * CSV, the standard one for programs). The contributions are counted first: an export with
 * nothing in it is said, not downloaded as an empty file.
 */
export function Exports() {
  const s = t();
  const e = te();
  const campaigns = useSignal<Campaign[]>([]);
  const message = useSignal<{ text: string; error: boolean } | null>(null);
  const busy = useSignal(false);

  useEffect(() => {
    const role = account.value?.role;
    if (role !== 'admin' && role !== 'ngo') return; // the others list no campaign of their own
    callJson<CampaignList>('/v1/me/campaigns').then(
      (list) => (campaigns.value = list.items),
      () => undefined,
    );
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const text = formText(event);
    const filters = new URLSearchParams();
    for (const name of ['campaignId', 'commitmentId', 'kind', 'status']) {
      const value = text(name).trim();
      if (value) filters.set(name, value);
    }
    for (const name of ['from', 'to']) {
      const value = text(name);
      if (value) filters.set(name, new Date(`${value}T00:00:00`).toISOString());
    }
    const choice = (choices.find((c) => c === text('choice')) ?? 'xlsx') satisfies ExportChoice;
    busy.value = true;
    message.value = { text: te().counting, error: false };
    try {
      const { count } = await callJson<ExportCount>(`/v1/exports/contributions/count?${filters}`);
      if (count === 0) {
        message.value = { text: te().nothing, error: true };
        return;
      }
      const params = new URLSearchParams({ ...formatParams[choice], ...Object.fromEntries(filters) });
      await save(await call(`/v1/exports/contributions?${params}`));
      message.value = { text: te().downloaded(count), error: false };
    } catch (err) {
      message.value = { text: err instanceof ApiError ? err.message : String(err), error: true };
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
      h(
        'fieldset',
        null,
        h('legend', null, e.formatLegend),
        choices.map((choice, i) =>
          h(
            'div',
            { class: 'check', key: choice },
            h('input', {
              type: 'radio',
              name: 'choice',
              id: `export-${choice}`,
              value: choice,
              defaultChecked: i === 0,
              'aria-describedby': `export-${choice}-hint`,
            }),
            h('label', { for: `export-${choice}` }, e.choices[choice]),
            h('p', { class: 'hint', id: `export-${choice}-hint` }, e.choiceHints[choice]),
          ),
        ),
      ),
      campaigns.value.length === 0
        ? null
        : field(
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
          h('option', { value: 'reply' }, s.kindReply),
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
