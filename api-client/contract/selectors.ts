import * as z from 'zod/mini';
import { nfc, rule, safeText } from './fields';
import { QUOTE_CONTEXT_MAX_LENGTH, QUOTE_MAX_LENGTH } from './limits';

/** W3C Web Annotation TextQuoteSelector: the words, with a little context either side. */
export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector', { error: 'selector.unknown' }),
  exact: z
    .string({ error: rule('quote.empty') })
    .check(
      nfc,
      z.minLength(1, { error: 'quote.empty' }),
      z.maxLength(QUOTE_MAX_LENGTH, { error: 'quote.too-long' }),
      safeText,
    ),
  prefix: z.optional(
    z
      .string({ error: 'field.type' })
      .check(nfc, z.maxLength(QUOTE_CONTEXT_MAX_LENGTH, { error: 'quote.context-too-long' }), safeText),
  ),
  suffix: z.optional(
    z
      .string({ error: 'field.type' })
      .check(nfc, z.maxLength(QUOTE_CONTEXT_MAX_LENGTH, { error: 'quote.context-too-long' }), safeText),
  ),
});

/** W3C Web Annotation TextPositionSelector: offsets into the page's text content. */
export const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector', { error: 'selector.unknown' }),
    start: z.int({ error: rule('field.type') }).check(z.gte(0, { error: 'position.negative' })),
    end: z.int({ error: rule('field.type') }).check(z.gte(0, { error: 'position.negative' })),
  })
  .check(z.refine((s) => s.end > s.start, { error: 'position.order', path: ['end'] }));

export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector], {
  error: 'selector.unknown',
});

export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
export type Selector = z.infer<typeof Selector>;
