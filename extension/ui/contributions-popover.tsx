import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ContributionItem } from '../components/contribution-item';
import type { ShowContributionsOptions } from '../content/chunks';
import { pageUiStrings } from '../i18n/page-ui';
import { panelCss } from './styles';

let openOne: { close(): void } | undefined;

function ContributionsPopover({ options, onClose }: { options: ShowContributionsOptions; onClose: () => void }) {
  const t = pageUiStrings[options.locale];
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLElement>('button')?.focus(), []);
  const left = Math.min(Math.max(options.at.left, 8 + scrollX), scrollX + document.documentElement.clientWidth - 400);
  return (
    <section
      ref={panel}
      class="panel"
      role="dialog"
      aria-labelledby="vigie-contributions-title"
      lang={options.locale}
      style={{ top: `${options.at.bottom + 8}px`, left: `${Math.max(left, 8)}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id="vigie-contributions-title">{t.contributionsTitle(options.contributions.length)}</h2>
      <ul>
        {options.contributions.map((c) => (
          <ContributionItem contribution={c} locale={options.locale} />
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </section>
  );
}

/** What citizens said about a highlighted passage, opened from the highlight or its marker. */
export function showContributions(options: ShowContributionsOptions): void {
  openOne?.close();
  const container = document.createElement('div');
  options.host.layer('contributions', panelCss).append(container);
  const close = () => {
    if (openOne !== handle) return;
    openOne = undefined;
    render(null, container);
    container.remove();
    options.signal.removeEventListener('abort', close);
    options.returnFocus?.focus();
  };
  const handle = { close };
  openOne = handle;
  options.signal.addEventListener('abort', close, { once: true });
  render(<ContributionsPopover options={options} onClose={close} />, container);
}
