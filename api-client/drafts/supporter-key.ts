import type { DraftsDatabase } from './database';

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** This device's supporter secret, made on first use; two tabs making it at once keep the first. */
async function deviceSecret(db: DraftsDatabase): Promise<string> {
  const kept = await db.device.get('supporter');
  if (kept) return kept.secret;
  const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
  try {
    await db.device.add({ key: 'supporter', secret });
    return secret;
  } catch {
    // Another tab added its own in between: the first one written is the device's.
    const first = await db.device.get('supporter');
    if (first) return first.secret;
    throw new Error('The supporter secret could not be kept on this device.');
  }
}

/**
 * The supporterKeyHash for one contribution: hex SHA-256 of HMAC-SHA-256(device secret,
 * contribution id). Why one key per contribution rather than one per device: the platform
 * stores only a scoped hash, but it (or its logs, or whoever reads its requests) still
 * receives the key with each request; a single device-wide key would let anyone who sees
 * requests link every contribution one device supported, a profile of one person's opinions.
 * Derived keys are unlinkable without the secret, which never leaves the device, and need no
 * storage of their own: the same device always finds the same key again, so taking a support
 * back, or repeating it after a lost answer, is recognised. Undefined where SubtleCrypto is
 * missing (a plain-http page): "Moi aussi" is then not offered.
 */
export async function supporterKeyHash(db: DraftsDatabase, contributionId: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const secret = new TextEncoder().encode(await deviceSecret(db));
  const hmacKey = await subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const perContribution = await subtle.sign('HMAC', hmacKey, new TextEncoder().encode(contributionId));
  return toHex(await subtle.digest('SHA-256', perContribution));
}
