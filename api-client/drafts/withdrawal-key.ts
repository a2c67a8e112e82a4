/**
 * The key that lets a citizen withdraw a contribution later without an account: a
 * secret made on this device and kept with the draft, of which the platform only
 * ever receives the SHA-256. Where SubtleCrypto is missing (a plain-http page), the
 * contribution simply carries no key.
 */
export interface WithdrawalKey {
  secret: string;
  /** Lower-case hex SHA-256 of the secret's UTF-8 bytes: the contract's withdrawalKeyHash. */
  hash: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export async function makeWithdrawalKey(): Promise<WithdrawalKey | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(secret)));
  return { secret, hash: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
}
