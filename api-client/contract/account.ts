import * as z from 'zod/mini';
import { CommitmentId } from './fields';

/**
 * Who holds an API token: `admin` does everything; `moderator` works the moderation
 * queue and exports; `ngo` runs its own campaigns and exports their contributions;
 * `administration` is an organisation (a ministry, an agency) that moderates, exports
 * and answers, under its own name, what is filed on the site domains it runs and on the
 * commitments it leads, and nothing else. Citizens have no token and no account.
 */
export const roles = ['admin', 'moderator', 'ngo', 'administration'] as const;
export const Role = z.enum(roles);

export const Account = z.object({
  name: z.string(),
  role: Role,
  /** An administration's site domains: `economie.gouv.fr` is that host, `*.economie.gouv.fr` any below it. */
  domains: z.optional(z.array(z.string())),
  /** The commitments an administration leads: their contributions are its own wherever they were filed. */
  commitments: z.optional(z.array(CommitmentId)),
});

export type Role = z.infer<typeof Role>;
export type Account = z.infer<typeof Account>;
