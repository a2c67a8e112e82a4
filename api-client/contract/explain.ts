import type * as z from 'zod/mini';
import { isMessageCode, message, type Locale, type MessageCode } from './messages';
import type { FieldError } from './problem';

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Sentences a caller knows beyond the citizens' catalogue (the platform's own), by code. */
export type MoreSentences = (code: string, locale: Locale) => string | undefined;

function codeOf(issue: z.core.$ZodIssue): MessageCode {
  if (isMessageCode(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'field.type';
    case 'too_big':
      return issue.origin === 'array' ? 'list.too-long' : 'text.too-long';
    default:
      return 'field.invalid';
  }
}

/**
 * Turns a zod error into one entry per bad field, each with a JSON Pointer, the
 * rule's code and a sentence in the reader's language. `base` prefixes pointers
 * when the checked value sits inside a larger document (an item of a batch). `more`
 * names codes the citizens' catalogue does not hold (the platform's), so a client
 * bundle never carries the sentences only the platform says.
 */
export function explainIssues(
  error: z.core.$ZodError,
  locale: Locale = 'fr',
  base = '',
  more?: MoreSentences,
): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: base + pointerOf([...issue.path, key]),
        code: 'field.unknown',
        detail: message('field.unknown', locale),
      }));
    }
    const extra = more?.(issue.message, locale);
    if (extra !== undefined) return [{ pointer: base + pointerOf(issue.path), code: issue.message, detail: extra }];
    const code = codeOf(issue);
    return [{ pointer: base + pointerOf(issue.path), code, detail: message(code, locale) }];
  });
}

/** The first problem as one sentence, for a status line: "Le texte est vide." */
export function firstSentence(error: z.core.$ZodError, locale: Locale = 'fr'): string {
  return explainIssues(error, locale)[0]?.detail ?? message('field.invalid', locale);
}
