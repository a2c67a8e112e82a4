import { useState } from 'preact/hooks';
import { pagesStrings } from '../i18n/pages';
import type { UiLocale } from '../i18n/locale';

/**
 * "Partager": copies a contribution's permanent page on the platform and says so; where
 * the clipboard cannot be written, it is a plain link to that page.
 */
export function ShareButton({ address, locale }: { address: string; locale: UiLocale }) {
  const t = pagesStrings[locale];
  const [note, setNote] = useState('');
  if (typeof navigator.clipboard?.writeText !== 'function') {
    return (
      <a href={address} target="_blank" rel="noopener noreferrer">
        {t.share}
      </a>
    );
  }
  const copy = async () => {
    setNote('');
    try {
      await navigator.clipboard.writeText(address);
      setNote(t.shareCopied);
    } catch {
      setNote(t.shareFailed(address));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {t.share}
      </button>
      <span role="status" class="meta">
        {note}
      </span>
    </>
  );
}
