import * as z from 'zod/mini';
import { IsoDateTime, nfc, rule, safeText } from './fields';

export const REPLY_MAX_LENGTH = 2000;

/** The text of an administration's public answer, as a moderator types it. */
export const ReplyBody = z
  .string({ error: rule('reply.empty') })
  .check(
    nfc,
    z.trim(),
    z.minLength(1, { error: 'reply.empty' }),
    z.maxLength(REPLY_MAX_LENGTH, { error: 'reply.too-long' }),
    safeText,
  );

/** The administration's public answer, shown with the contribution it answers. */
export const Reply = z.object({ body: z.string(), at: IsoDateTime });

export type Reply = z.infer<typeof Reply>;
