import * as z from 'zod/mini';
import { rule } from './fields';

/**
 * POST and DELETE /v1/contributions/{id}/support: "Moi aussi", and taking it back. The
 * device sends the SHA-256 of a secret it keeps (Vigie's clients derive one per contribution
 * from one device secret: api-client/drafts/supporter-key.ts). The platform keeps only a hash
 * of it scoped to the contribution, so two supports from one device cannot be linked, and
 * stores nothing of the address.
 */
export const SupportRequest = z.strictObject({
  supporterKeyHash: z
    .string({ error: rule('supporter-key.format') })
    .check(z.regex(/^[0-9a-f]{64}$/, { error: 'supporter-key.format' })),
});

/** The contribution's support after the request, and whether this key now supports it. */
export const SupportState = z.object({
  id: z.string(),
  supportCount: z.int().check(z.gte(0)),
  supported: z.boolean(),
});

export type SupportRequest = z.infer<typeof SupportRequest>;
export type SupportState = z.infer<typeof SupportState>;
