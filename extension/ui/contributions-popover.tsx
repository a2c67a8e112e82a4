import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ContributionItem } from '../components/contribution-item';
import { ListedSupport } from '../components/support-button';
import { useSupportMarks } from '../components/support-marks';
import type { ShowContributionsOptions } from '../content/chunks';
import { pageUiStrings } from '../i18n/page-ui';
import { talkBackStrings } from '../i18n/talk-back';
import { panelCss } from './styles';

let openOne: { close(): void } | undefined;

function ContributionsPopover({ options, onClose }: { options: ShowContributionsOptions; onClose: () => void }) {
  const t = pageUiStrings[options.locale];
  const panel = useRef<HTMLElement>(null);
  const support = useSupportMarks(options.contributions.map((c) => c.id));
  // On "Fermer", as before "Moi aussi" was offered: Enter on opening must not press it.
  useEffect(() => panel.current?.querySelector<HTMLElement>('.actions button')?.focus(), []);
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
          <ContributionItem key={c.id} contribution={c} locale={options.locale}>
            <ListedSupport
              id={c.id}
              listed={{ count: c.supportCount ?? 0, at: options.listedAt }}
              mark={support.marks.get(c.id)}
              locale={options.locale}
              support={support}
            />
          </ContributionItem>
        ))}
      </ul>
      <p class="status" role="status">
        {support.failed ? talkBackStrings[options.locale].supportFailed : ''}
      </p>
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
