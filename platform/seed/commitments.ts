import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { CommitmentInput } from '../../api-client/contract';
import type { StoredCommitment } from '../storage/storage';

const Translated = z.object({ fr: z.string(), en: z.string() });

const SeedFile = z.object({
  plan: z.string(),
  commitments: z.array(z.object({ id: z.string(), title: Translated, leadInstitution: Translated })),
});

/**
 * The France 2021-2023 commitments as read from their OGP pages, in English as published
 * there and in French. The source gives no status, themes or pages, so they are
 * "unverified" and empty rather than guessed. They fill an empty database at its first
 * start; an administration's import replaces them.
 */
export function seedCommitments(): StoredCommitment[] {
  const file = new URL('./ogp-france-2021-2023-commitments.json', import.meta.url);
  const seed = SeedFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return seed.commitments.map((c) => {
    // Checked as an import would be.
    const input = CommitmentInput.parse({ ...c, plan: seed.plan });
    return { ...input, summary: {}, status: 'unverified', themes: [], pages: [] };
  });
}
