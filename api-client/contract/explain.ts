import type * as z from 'zod/mini';
import { isMessageCode, message, type Locale } from './messages';
import type { FieldError } from './problem';

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** A sentence for a rule's code, or undefined when the catalogue does not know the code. */
export type SentenceOf = (code: string, locale: Locale) => string | undefined;

/** The citizens' catalogue: what the clients carry. */
const citizensSentence: SentenceOf = (code, locale) => (isMessageCode(code) ? message(code, locale) : undefined);

// The contract's rules name their failure with a code such as `body.empty`; zod's own messages are sentences.
const ruleCode = /^[a-z-]+\.[a-z-]+$/;

function codeOf(issue: z.core.$ZodIssue): string {
  if (ruleCode.test(issue.message)) return issue.message;
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
 * when the checked value sits inside a larger document (an item of a batch). The
 * platform passes `sentenceOf` to say the rules of its own requests too.
 */
export function explainIssues(
  error: z.core.$ZodError,
  locale: Locale = 'fr',
  base = '',
  sentenceOf: SentenceOf = citizensSentence,
): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: base + pointerOf([...issue.path, key]),
        code: 'field.unknown',
        detail: message('field.unknown', locale),
      }));
    }
    const code = codeOf(issue);
    const detail = sentenceOf(code, locale) ?? message('field.invalid', locale);
    return [{ pointer: base + pointerOf(issue.path), code, detail }];
  });
}

/** The first problem as one sentence, for a status line: "Le texte est vide." */
export function firstSentence(error: z.core.$ZodError, locale: Locale = 'fr'): string {
  return explainIssues(error, locale)[0]?.detail ?? message('field.invalid', locale);
}
