import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { Commitment } from '../../api-client/contract';

const SeedFile = z.object({
  plan: z.string(),
  commitments: z.array(z.object({ id: z.string(), title: z.string(), leadInstitution: z.string() })),
});

/**
 * The France 2021-2023 commitments as read from their OGP pages. The source gives
 * no status, themes or pages, so they are "unverified" and empty rather than guessed.
 */
export function seedCommitments(): Commitment[] {
  const file = new URL('./ogp-france-2021-2023-commitments.json', import.meta.url);
  const seed = SeedFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return seed.commitments.map((c) =>
    Commitment.parse({ ...c, status: 'unverified', themes: [], plan: seed.plan, pages: [] }),
  );
}
