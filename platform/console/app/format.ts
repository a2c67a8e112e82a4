import { lang } from './i18n';

/** A date and time in the console's language. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(lang.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export function number(n: number): string {
  return n.toLocaleString(lang.value === 'fr' ? 'fr-FR' : 'en-GB');
}
