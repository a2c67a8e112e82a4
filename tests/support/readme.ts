import { readFileSync } from 'node:fs';

const readme = new URL('../../README.md', import.meta.url);

/** The platform address the README's examples use. */
export const README_PLATFORM = 'https://vigie.example.gouv.fr';

/**
 * The embedding snippet exactly as the README shows it (the first html block of
 * "## Embedding the widget"), so a test that uses it cannot drift from what people copy.
 */
export function readmeSnippet(): string {
  const text = readFileSync(readme, 'utf8');
  const section = text.slice(text.indexOf('## Embedding the widget'));
  const block = /```html\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no html block under "## Embedding the widget".');
  return block;
}
