import { widgetLocale, type WidgetLocale } from './i18n';

/*
 * What the widget takes from the page it sits on, kept in step as the page changes:
 * its language and its DSFR theme. Each returns the function that stops following.
 */

export function followLanguage(host: HTMLElement, onChange: (locale: WidgetLocale) => void): () => void {
  const update = () => onChange(widgetLocale(host.getAttribute('lang'), document.documentElement.lang));
  update();
  const observer = new MutationObserver(update);
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

/** The DSFR sets data-fr-theme on <html>; without it, the system's preference rules (in CSS). */
export function followTheme(onChange: (theme: 'light' | 'dark' | undefined) => void): () => void {
  const root = document.documentElement;
  const update = () => {
    const theme = root.getAttribute('data-fr-theme');
    onChange(theme === 'dark' || theme === 'light' ? theme : undefined);
  };
  update();
  const observer = new MutationObserver(update);
  observer.observe(root, { attributes: true, attributeFilter: ['data-fr-theme'] });
  return () => observer.disconnect();
}
