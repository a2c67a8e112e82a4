import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Dashboard as Figures } from '../../../../api-client/contract';
import { BarChart, largest, type Bar } from '../../../charts/bar-chart';
import { account, ApiError, callJson } from '../api';
import { commitmentTitle, loadCommitments } from '../commitments';
import { dateTime, number } from '../format';
import { lang, t } from '../i18n';
import { td } from './i18n';

const DAYS = 30;

/** A chart and the same figures in a table below it: the public pages' drawing, the console's table. */
function Figure(props: { id: string; title: string; column: string; bars: Bar[]; rowNames?: string[] }) {
  const d = td();
  const total = props.bars.reduce((sum, bar) => sum + bar.value, 0);
  return h(
    'section',
    { class: 'figure card', 'aria-labelledby': `${props.id}-heading` },
    h('h2', { id: `${props.id}-heading` }, props.title),
    h(BarChart, {
      id: props.id,
      title: props.title,
      description: d.chartDesc(total, largest(props.bars)?.label),
      bars: props.bars,
      format: number,
    }),
    h(
      'table',
      { class: 'figures' },
      h('caption', { class: 'visually-hidden' }, props.title),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, props.column), h('th', { scope: 'col' }, d.count))),
      h(
        'tbody',
        null,
        props.bars.map((bar, i) =>
          h(
            'tr',
            { key: bar.label },
            h('th', { scope: 'row' }, props.rowNames?.[i] ?? bar.label),
            h('td', null, number(bar.value)),
          ),
        ),
      ),
      h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, d.total), h('td', null, number(total)))),
    ),
  );
}

/** The "Tableau de bord": an organisation's figures over its scope, the platform's for admins and moderators. */
export function Dashboard() {
  const s = t();
  const d = td();
  const figures = useSignal<Figures | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    callJson<Figures>(`/v1/dashboard?days=${DAYS}`).then(
      (result) => (figures.value = result),
      (e: unknown) => (error.value = e instanceof ApiError ? e.message : String(e)),
    );
  }, []);
  useEffect(() => loadCommitments(lang.value), [lang.value]);
  const f = figures.value;
  const day = new Intl.DateTimeFormat(lang.value === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return h(
    'section',
    { 'aria-labelledby': 'dashboard-title', class: 'dashboard' },
    h('h1', { id: 'dashboard-title' }, d.title),
    error.value ? h('p', { class: 'error', role: 'alert' }, error.value) : null,
    !f
      ? h('p', null, d.loading)
      : [
          h(
            'p',
            { class: 'hint' },
            f.scope === 'organisation' ? d.scopeOrganisation(account.value?.name ?? '') : d.scopePlatform,
          ),
          h(
            'dl',
            { class: 'key-figures' },
            h('dt', null, d.medianAnswer),
            h(
              'dd',
              null,
              f.answers.medianSeconds === null ? d.none : d.duration(f.answers.medianSeconds),
              h('span', { class: 'hint' }, ` — ${d.medianAnswerHelp(f.answers.answered)}`),
            ),
            h('dt', null, d.medianPending),
            h(
              'dd',
              null,
              f.pendingAge.medianSeconds === null ? d.none : d.duration(f.pendingAge.medianSeconds),
              f.pendingAge.oldest
                ? h('span', { class: 'hint' }, ` — ${d.oldestPending(dateTime(f.pendingAge.oldest))}`)
                : null,
            ),
          ),
          h(Figure, {
            id: 'chart-status',
            title: d.byStatusTitle,
            column: d.statusCol,
            bars: (['pending', 'published', 'hidden', 'rejected'] as const).map((status) => ({
              label: s.statuses[status],
              value: f.byStatus[status],
            })),
          }),
          h(Figure, {
            id: 'chart-days',
            title: d.perDayTitle(DAYS),
            column: d.day,
            bars: f.perDay.map((entry) => ({
              label: day.format(new Date(`${entry.day}T00:00:00Z`)),
              value: entry.count,
            })),
          }),
          h(Figure, {
            id: 'chart-commitments',
            title: d.perCommitmentTitle,
            column: d.commitment,
            bars: f.perCommitment.map((entry) => ({ label: entry.commitmentId ?? d.noCommitment, value: entry.count })),
            rowNames: f.perCommitment.map((entry) =>
              entry.commitmentId === null
                ? d.noCommitment
                : `${entry.commitmentId} — ${commitmentTitle(entry.commitmentId) ?? ''}`.replace(/ — $/, ''),
            ),
          }),
          h(Figure, {
            id: 'chart-gaps',
            title: d.perGapTitle,
            column: d.gapType,
            bars: f.perGapType.map((entry) => ({ label: s.gapTypes[entry.gapType], value: entry.count })),
          }),
          h(Figure, {
            id: 'chart-pending-age',
            title: d.pendingAgeTitle,
            column: d.age,
            bars: f.pendingAge.buckets.map((entry) => ({ label: d.buckets[entry.bucket], value: entry.count })),
          }),
          h('p', { class: 'hint' }, d.generated(dateTime(f.generatedAt))),
        ],
  );
}
