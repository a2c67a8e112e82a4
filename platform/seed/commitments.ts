import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { Commitment } from '../../api-client/contract';
import type { StoredCommitment } from '../storage/storage';

const Translated = z.object({ fr: z.string(), en: z.string() });

const SeedFile = z.object({
  plan: z.string(),
  commitments: z.array(z.object({ id: z.string(), title: Translated, leadInstitution: Translated })),
});

/**
 * The France 2021-2023 commitments as read from their OGP pages, in English as published
 * there and in French. The source gives no status, themes or pages, so they are
 * "unverified" and empty rather than guessed.
 */
export function seedCommitments(): StoredCommitment[] {
  const file = new URL('./ogp-france-2021-2023-commitments.json', import.meta.url);
  const seed = SeedFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return seed.commitments.map((c) => {
    // Each language is checked against the contract, as a client would receive it.
    for (const locale of ['fr', 'en'] as const) {
      Commitment.parse({
        id: c.id,
        title: c.title[locale],
        leadInstitution: c.leadInstitution[locale],
        status: 'unverified',
        themes: [],
        plan: seed.plan,
        pages: [],
      });
    }
    return { ...c, status: 'unverified', themes: [], plan: seed.plan, pages: [] };
  });
}
