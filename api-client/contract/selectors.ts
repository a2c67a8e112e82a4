import { z } from 'zod';
import { rule } from './fields';

/** W3C Web Annotation TextQuoteSelector: the words, with a little context either side. */
export const TextQuoteSelector = z
  .strictObject({
    type: z.literal('TextQuoteSelector', { error: 'selector.unknown' }),
    exact: z
      .string({ error: rule('quote.empty') })
      .min(1, { error: 'quote.empty' })
      .max(2000, { error: 'quote.too-long' }),
    prefix: z.string({ error: 'field.type' }).max(64, { error: 'quote.context-too-long' }).optional(),
    suffix: z.string({ error: 'field.type' }).max(64, { error: 'quote.context-too-long' }).optional(),
  })
  .meta({ id: 'TextQuoteSelector' });

/** W3C Web Annotation TextPositionSelector: offsets into the page's text content. */
export const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector', { error: 'selector.unknown' }),
    start: z.int({ error: rule('field.type') }).min(0, { error: 'position.negative' }),
    end: z.int({ error: rule('field.type') }).min(0, { error: 'position.negative' }),
  })
  .refine((s) => s.end > s.start, { error: 'position.order', path: ['end'] })
  .meta({ id: 'TextPositionSelector' });

export const Selector = z.discriminatedUnion('type', [TextQuoteSelector, TextPositionSelector], {
  error: 'selector.unknown',
});

export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
export type Selector = z.infer<typeof Selector>;
