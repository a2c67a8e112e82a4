import { useSignal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { describe, DescribeError } from '../../api-client/anchoring';
import { message, type ContributionKind, type Selector } from '../../api-client/contract';
// The module alone: the in-page composer must not pull in the drafts store.
import { targetTitle } from '../../api-client/drafts/draft-form';
import type { UiLocale } from '../i18n/locale';
import { pageUiStrings } from '../i18n/page-ui';
import type { OpenComposerOptions, PageSpot } from '../content/chunks';
import type { DraftFields, DraftView, FieldName } from '../messaging/protocol';
import { sendMessage } from '../messaging/messenger';
import { draftStateText, sentenceOf } from '../shared/draft-words';
import { commitmentOf, pageAddress } from '../shared/page-address';
import { createDraftChannel, type DraftChannel } from './draft-channel';
import { panelCss } from './styles';
import { ContributionFields } from '../components/contribution-fields';

const SAVE_DELAY_MS = 300;

interface ComposerProps {
  kind: ContributionKind;
  locale: UiLocale;
  pseudonym: string;
  quote: string | undefined;
  quoteProblem: string | undefined;
  channel: DraftChannel;
  at: PageSpot;
  onClose(): void;
  /** The draft left for the platform: the page shows the citizen's pending passage. */
  onSent: () => void;
}

type Status = { tone: 'neutral' | 'problem'; text: string } | undefined;

function Composer(props: ComposerProps) {
  const t = pageUiStrings[props.locale];
  const fields = useSignal<DraftFields>({ kind: props.kind, body: '', pseudonym: props.pseudonym });
  const errors = useSignal<Partial<Record<FieldName, string>>>({});
  const status = useSignal<Status>(undefined);
  const sent = useSignal<DraftView | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const panel = useRef<HTMLElement>(null);
  const top = useSignal(props.at.bottom + 8);
  const title = props.kind === 'gap' ? t.flagTitle : t.commentTitle;

  const flush = async (): Promise<void> => {
    if (saveTimer.current === undefined) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    try {
      await props.channel.save(fields.value);
      if (!Object.keys(errors.value).length) status.value = { tone: 'neutral', text: t.saved };
    } catch {
      status.value = { tone: 'problem', text: t.saveFailed };
    }
  };

  const change = (patch: Partial<DraftFields>) => {
    fields.value = { ...fields.value, ...patch };
    if (Object.keys(errors.value).length) {
      const left = { ...errors.value };
      for (const key of Object.keys(patch)) delete left[key as FieldName];
      errors.value = left;
    }
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const close = async () => {
    await flush();
    // A draft without a word is not kept; one with words stays, to be continued.
    if (!sent.value) await props.channel.discardIfEmpty();
    props.onClose();
  };

  const send = async (event: Event) => {
    event.preventDefault();
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    try {
      const result = await props.channel.send(fields.value);
      if (result.ok) {
        errors.value = {};
        sent.value = result.view;
        props.onSent();
        props.channel.watch((view) => {
          sent.value = view;
          props.onSent(); // waiting to be sent, then awaiting review: the mark on the passage says which
        });
        return;
      }
      errors.value = Object.fromEntries(
        Object.entries(result.errors).map(([field, said]) => [field, said[props.locale]]),
      );
      status.value = { tone: 'problem', text: t.fixErrors(Object.keys(result.errors).length) };
      requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } catch (error) {
      status.value = { tone: 'problem', text: sentenceOf(error, props.locale, t.saveFailed) };
    }
  };

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>(props.kind === 'gap' ? 'select' : 'textarea')?.focus();
    // The same passage selected again continues its unsent draft rather than starting an empty one.
    void props.channel.resume().then(
      (view) => {
        if (!view || fields.value.body !== '') return;
        const kept = view.fields;
        fields.value = { ...kept, kind: props.kind, gapType: props.kind === 'gap' ? kept.gapType : undefined };
        status.value = { tone: 'neutral', text: t.resumed };
        if (kept.kind !== props.kind) change({});
      },
      () => undefined, // nothing to continue: a new draft starts with the first word
    );
    // Leaving the page saves now rather than after the debounce.
    const leave = () => void flush();
    addEventListener('pagehide', leave);
    return () => removeEventListener('pagehide', leave);
  }, []);

  // Fits the viewport: below the passage when there is room, else moved up; it scrolls inside
  // itself when even the viewport is too small, with "Envoyer" always in view (styles.ts).
  useLayoutEffect(() => {
    const height = panel.current?.offsetHeight ?? 0;
    const lowest = scrollY + document.documentElement.clientHeight - height - 8;
    top.value = Math.max(scrollY + 8, Math.min(props.at.bottom + 8, lowest));
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [sent.value !== undefined]);

  useEffect(() => {
    if (sent.value) panel.current?.querySelector<HTMLElement>('.secondary')?.focus();
  }, [sent.value !== undefined]);

  const quoteFigure = (
    <>
      {props.quote ? (
        <figure style={{ margin: 0 }}>
          <figcaption class="hint">{t.quoted}</figcaption>
          <blockquote class="quote">{props.quote}</blockquote>
        </figure>
      ) : null}
      {props.quoteProblem ? (
        <p class="error">
          {t.quoteProblem} {props.quoteProblem}
        </p>
      ) : null}
    </>
  );

  return (
    <section
      ref={panel}
      class="panel composer-panel"
      role="dialog"
      aria-labelledby="vigie-composer-title"
      lang={props.locale}
      style={{ top: `${top.value}px`, left: `${props.at.left}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          void close();
        }
      }}
    >
      {sent.value ? (
        <div class="scroll">
          <h2 id="vigie-composer-title">{title}</h2>
          {quoteFigure}
          <p>{t.sent}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => props.onClose()}>
              {t.close}
            </button>
          </div>
        </div>
      ) : (
        <form class="composer" noValidate onSubmit={(event) => void send(event)}>
          <div class="scroll">
            <h2 id="vigie-composer-title">{title}</h2>
            {quoteFigure}
            <ContributionFields
              idPrefix="vigie"
              locale={props.locale}
              fields={fields.value}
              errors={errors.value}
              onChange={change}
              signature={{
                pseudonym: props.pseudonym,
                change: () => void sendMessage('options:open', undefined).catch(() => undefined),
              }}
            />
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t.send}
            </button>
            <button type="button" class="secondary" onClick={() => void close()}>
              {t.close}
            </button>
          </div>
        </form>
      )}
      <p class={`status${(sent.value ? undefined : status.value?.tone) === 'problem' ? ' problem' : ''}`} role="status">
        {sent.value ? draftStateText(sent.value, props.locale) : (status.value?.text ?? '')}
      </p>
    </section>
  );
}

let openOne: { close(): void } | undefined;

/** The range's end, in document coordinates, where the composer opens. */
function spotOf(range: Range): PageSpot {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const left = Math.min(Math.max(last.left, 8), Math.max(document.documentElement.clientWidth - 400, 8));
  return { top: last.top + scrollY, bottom: last.bottom + scrollY, left: left + scrollX, right: last.right + scrollX };
}

/**
 * The composer: opens under the selected passage, keeps every word as a draft in
 * the background as it is typed, and sends it when the citizen says so. One at
 * a time; it closes with Escape, "Fermer", or when the content script stops.
 */
export function openComposer(options: OpenComposerOptions): void {
  openOne?.close();
  let selectors: Selector[] = [];
  let quoteProblem: string | undefined;
  try {
    selectors = describe(options.range, document.body);
  } catch (error) {
    if (!(error instanceof DescribeError)) throw error;
    quoteProblem = message(error.code, options.locale);
  }
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')?.exact;
  const channel = createDraftChannel(
    { url: pageAddress(document), title: targetTitle(document.title), selectors },
    commitmentOf(options.range.commonAncestorContainer),
    options.locale,
  );
  const container = document.createElement('div');
  options.host.layer('composer', panelCss).append(container);

  const close = () => {
    if (openOne !== handle) return;
    openOne = undefined;
    channel.close();
    // Focus leaves our UI with it: the page's next selection is the citizen's again.
    (options.host.root.activeElement as HTMLElement | null)?.blur();
    render(null, container);
    container.remove();
    options.signal.removeEventListener('abort', close);
  };
  const handle = { close };
  openOne = handle;
  options.signal.addEventListener('abort', close, { once: true });
  render(
    <Composer
      kind={options.kind}
      locale={options.locale}
      pseudonym={options.pseudonym}
      quote={quote}
      quoteProblem={quoteProblem}
      channel={channel}
      at={spotOf(options.range)}
      onClose={close}
      onSent={options.onSent}
    />,
    container,
  );
}
