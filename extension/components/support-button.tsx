import { countWithIntent, freshestCount, type CountAt } from '../../api-client/drafts/support-count';
import type { UiLocale } from '../i18n/locale';
import { talkBackStrings } from '../i18n/talk-back';
import type { SupportMark } from '../messaging/talk-back';
import type { SupportMarks } from './support-marks';

/**
 * The freshest count the platform gave: the live stream's; else the answer to this device's
 * last "Moi aussi" if it came after the list was read; else the list's. A press sends it
 * along as the count it was made on.
 */
export function platformCount(listed: CountAt, mark: SupportMark | undefined, live?: number): number {
  return live ?? freshestCount(listed, mark?.answer);
}

/** The count a list shows: the platform's, with this device's intent that has not reached it yet. */
export function shownCount(listed: CountAt, mark: SupportMark | undefined, live?: number): number {
  return countWithIntent(platformCount(listed, mark, live), mark?.delta ?? 0, mark?.countAtPress);
}

/**
 * "Moi aussi": a toggle button (aria-pressed) and the count beside it, in words. Pressed
 * offline it stays pressed and says that it leaves when the network is back.
 */
export function SupportButton({
  count,
  mark,
  locale,
  busy,
  describedBy,
  onToggle,
}: {
  count: number;
  mark: SupportMark | undefined;
  locale: UiLocale;
  busy: boolean;
  /** The contribution the button is about, for a screen reader moving from button to button. */
  describedBy?: string | undefined;
  onToggle: (wanted: boolean) => void;
}) {
  const t = talkBackStrings[locale];
  const pressed = mark?.pressed ?? false;
  const gone = mark?.stage === 'gone';
  return (
    <p class="support">
      <button
        type="button"
        class="support-toggle"
        aria-pressed={pressed ? 'true' : 'false'}
        aria-describedby={describedBy}
        // Not disabled while busy: a disabled button loses the keyboard's focus.
        disabled={gone}
        onClick={() => busy || onToggle(!pressed)}
      >
        {t.meToo}
      </button>{' '}
      <span class="meta">
        {t.supporters(count)}
        {mark?.stage === 'waiting' ? ` · ${t.supportWaiting}` : gone ? ` · ${t.supportGone}` : ''}
      </span>
    </p>
  );
}

/**
 * "Moi aussi" for one contribution of a list, bound to this device's marks: the count from
 * the platform's freshest word, a press sent to the background with the count it was made on.
 */
export function ListedSupport({
  id,
  listed,
  mark,
  live,
  locale,
  support,
}: {
  id: string;
  /** Its count as a list read it, and when the list was read. */
  listed: CountAt;
  mark: SupportMark | undefined;
  /** The live stream's count, where the list is kept live. */
  live?: number | undefined;
  locale: UiLocale;
  support: SupportMarks;
}) {
  return (
    <SupportButton
      count={shownCount(listed, mark, live)}
      mark={mark}
      locale={locale}
      busy={support.busy.has(id)}
      describedBy={`body-${id}`}
      onToggle={(wanted) => support.press(id, wanted, platformCount(listed, mark, live))}
    />
  );
}
