import { gapTypes, type GapType } from '../../../api-client/contract';
import type { PageContext } from '../context';
import type { Tally } from '../counts';
import { formatMonth, formatNumber } from '../format';
import { gapLabel } from '../i18n';
import { BarChart, largest, type Bar } from '../../charts/bar-chart';
import { DataTable } from './data-table';

/** Gap flags by type: the chart, and the same figures in a table beside it. */
export function GapFigures({ page, tally }: { page: PageContext; tally: Tally }) {
  const w = page.words;
  const bars = gapTypes.map((type: GapType) => ({ label: gapLabel(page.locale, type), value: tally.gapsByType[type] }));
  const number = formatNumber(page);
  return (
    <div class="fr-grid-row fr-grid-row--gutters vigie-figures">
      <h3 class="fr-col-12 fr-h6 fr-mb-0">{w['chart.gapsTitle']}</h3>
      <div class="fr-col-12 fr-col-md-7">
        <BarChart
          id="chart-gaps"
          title={w['chart.gapsTitle']}
          description={w['chart.gapsDesc'](tally.gaps, largest(bars)?.label)}
          bars={bars}
          format={number}
        />
      </div>
      <div class="fr-col-12 fr-col-md-5">
        <DataTable
          caption={w['chart.gapsTitle']}
          captionHidden
          columns={[w['chart.gapType'], w['chart.count']]}
          rows={bars.map((bar) => [bar.label, number(bar.value)])}
          foot={[w['chart.total'], number(tally.gaps)]}
        />
      </div>
    </div>
  );
}

/** Every month from the first publication to the last, those without any included (at most the last 24). */
export function monthRange(months: ReadonlyArray<{ month: string; count: number }>): Bar[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const [firstYear, firstMonth] = months[0]!.month.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = months.at(-1)!.month.split('-').map(Number) as [number, number];
  const bars: Bar[] = [];
  for (
    let y = firstYear, m = firstMonth;
    y < lastYear || (y === lastYear && m <= lastMonth);
    m === 12 ? ((m = 1), y++) : m++
  ) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    bars.push({ label: key, value: counts.get(key) ?? 0 });
  }
  return bars.slice(-24);
}

/** Contributions published per month: the chart, and the same figures in a table beside it. */
export function MonthFigures({
  page,
  months,
}: {
  page: PageContext;
  months: ReadonlyArray<{ month: string; count: number }>;
}) {
  const w = page.words;
  const bars = monthRange(months).map((bar) => ({ label: formatMonth(page.locale, bar.label), value: bar.value }));
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const number = formatNumber(page);
  return (
    <div class="fr-grid-row fr-grid-row--gutters vigie-figures">
      <h3 class="fr-col-12 fr-h6 fr-mb-0">{w['chart.monthsTitle']}</h3>
      <div class="fr-col-12 fr-col-md-7">
        <BarChart
          id="chart-months"
          title={w['chart.monthsTitle']}
          description={w['chart.monthsDesc'](bars.length, total, largest(bars)?.label)}
          bars={bars}
          format={number}
        />
      </div>
      <div class="fr-col-12 fr-col-md-5">
        <DataTable
          caption={w['chart.monthsTitle']}
          captionHidden
          columns={[w['chart.month'], w['chart.count']]}
          rows={bars.map((bar) => [bar.label, number(bar.value)])}
          foot={[w['chart.total'], number(total)]}
        />
      </div>
    </div>
  );
}
