/**
 * The horizontal bar chart the public pages and the console's dashboard both draw: pure
 * (props in, SVG out, no state, no DOM access), so Preact renders it to a string on the
 * server and into the page in the console alike. Always shown beside a table of the same
 * figures; its title and description name it for screen readers.
 */
export interface Bar {
  label: string;
  value: number;
}

/**
 * Geometry of the horizontal bar charts, in SVG user units. The chart scales to its
 * column: kept narrow, so that on a phone its words stay near 10 px (the table beside it
 * holds the same figures at full size).
 */
const BARS_WIDTH = 290;
/**
 * Room for the longest label at 15 px in Marianne: words average 0.5 em a character, but
 * digits and capitals are wider (« novembre 2026 » measures 0.6 em a character and was cut
 * off at 0.55), so 0.63 em: a little room wasted on long words rather than a label cut.
 */
const labelWidth = (bars: Bar[]) =>
  Math.min(320, Math.max(100, 9.5 * Math.max(0, ...bars.map((b) => b.label.length)) + 10));
const ROW = 28;
const BAR = 18;
const VALUE_ROOM = 56;

/** The chart itself: presentation attributes only (the pages' and the console's CSP forbid inline styles). */
export function BarChart({
  id,
  title,
  description,
  bars,
  format,
}: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const LABEL_WIDTH = labelWidth(bars);
  const WIDTH = LABEL_WIDTH + BARS_WIDTH;
  const scale = (BARS_WIDTH - VALUE_ROOM) / max;
  const height = Math.max(1, bars.length) * ROW + 8;
  return (
    <svg
      class="vigie-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 4;
        const length = bar.value * scale;
        return (
          <g>
            <text x={LABEL_WIDTH - 10} y={y + BAR - 4} text-anchor="end" font-size="15" fill="#161616">
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(length, bar.value > 0 ? 2 : 0)} height={BAR} fill="#000091" />
            <text x={LABEL_WIDTH + length + 6} y={y + BAR - 4} font-size="15" fill="#161616">
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The bar with the largest value, which the chart's description names. */
export const largest = (bars: Bar[]) =>
  bars.reduce<Bar | undefined>((top, bar) => (bar.value > (top?.value ?? 0) ? bar : top), undefined);
