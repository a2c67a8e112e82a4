import * as z from 'zod/mini';

/**
 * Who holds an API token: `admin` does everything; `moderator` works the moderation
 * queue and exports; `ngo` runs its own campaigns and exports their contributions.
 * Citizens have no token and no account: they stay anonymous.
 */
export const roles = ['admin', 'moderator', 'ngo'] as const;
export const Role = z.enum(roles);

export const Account = z.object({ name: z.string(), role: Role });

export type Role = z.infer<typeof Role>;
export type Account = z.infer<typeof Account>;
