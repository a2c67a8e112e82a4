import { h, type ComponentChildren } from 'preact';
import { gapTypes } from '../../../../api-client/contract/limits';
import { commitments } from '../commitments';
import { formText } from '../form-text';
import { t } from '../i18n';
import { tm } from './i18n';
import { activeFilterCount, filters, load, noFilters, type FilterValues } from './state';

function field(id: string, label: string, control: ComponentChildren, hint?: string) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
  );
}

function select(id: string, name: keyof FilterValues, options: Array<[string, string]>) {
  return h(
    'select',
    { id, name, value: filters.value[name] },
    options.map(([value, label]) => h('option', { value }, label)),
  );
}

/**
 * The queue's search and filters, one form: the search box in view, the other filters behind a
 * disclosure that says how many are active. Applied together (Enter or "Filtrer"), so the
 * queue and its counts are asked once.
 */
export function Filters() {
  const s = t();
  const m = tm();
  const values = filters.value;
  const active = activeFilterCount(values);

  function apply(event: Event) {
    event.preventDefault();
    const text = formText(event);
    const next = { ...noFilters };
    for (const name of Object.keys(noFilters) as Array<keyof FilterValues>) next[name] = text(name);
    filters.value = next;
    void load(false);
  }

  function clear() {
    filters.value = noFilters;
    void load(false);
  }

  return h(
    'form',
    { class: 'filters card', role: 'search', onSubmit: apply },
    field(
      'filter-q',
      m.searchLabel,
      h('input', { id: 'filter-q', name: 'q', type: 'search', maxLength: 200, value: values.q }),
    ),
    h(
      'details',
      { open: active - (values.q ? 1 : 0) > 0 },
      h('summary', null, `${m.filtersTitle} — ${m.filtersActive(active)}`),
      h(
        'div',
        { class: 'filter-grid' },
        field(
          'filter-commitment',
          m.filterCommitment,
          select('filter-commitment', 'commitmentId', [
            ['', m.any],
            ...commitments.value.map((c): [string, string] => [c.id, `${c.id} — ${c.title}`]),
          ]),
        ),
        field(
          'filter-page',
          m.filterPage,
          h('input', {
            id: 'filter-page',
            name: 'page',
            value: values.page,
            'aria-describedby': 'filter-page-hint',
          }),
          m.filterPageHint,
        ),
        field(
          'filter-kind',
          m.filterKind,
          select('filter-kind', 'kind', [
            ['', m.any],
            ['comment', s.kindComment],
            ['gap', s.kindGap],
            ['reply', s.kindReply],
          ]),
        ),
        field(
          'filter-gap-type',
          m.filterGapType,
          select('filter-gap-type', 'gapType', [
            ['', m.any],
            ...gapTypes.map((type): [string, string] => [type, s.gapTypes[type]]),
          ]),
        ),
        field(
          'filter-campaign',
          m.filterCampaign,
          h('input', { id: 'filter-campaign', name: 'campaignId', value: values.campaignId }),
        ),
        field(
          'filter-reported',
          m.filterReported,
          select('filter-reported', 'reported', [
            ['', m.reportedAny],
            ['true', m.reportedOnly],
            ['false', m.reportedNone],
          ]),
        ),
        field(
          'filter-from',
          m.filterFrom,
          h('input', { id: 'filter-from', name: 'from', type: 'date', value: values.from }),
        ),
        field('filter-to', m.filterTo, h('input', { id: 'filter-to', name: 'to', type: 'date', value: values.to })),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, m.applyFilters),
      active > 0 ? h('button', { type: 'button', onClick: clear }, m.clearFilters) : null,
    ),
  );
}
