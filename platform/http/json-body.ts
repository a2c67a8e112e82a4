import type { MiddlewareHandler } from 'hono';
import type { Locale } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from './env';
import { ProblemError } from './problems';

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/**
 * Reads a JSON request body with the checks a public endpoint needs: JSON media
 * type, a size cap enforced while reading (not after), strict UTF-8, and a parse
 * error that says where. The value lands in `c.get('jsonBody')`.
 */
export function jsonBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const locale: Locale = c.get('locale');
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
      throw new ProblemError('unsupportedMediaType', { detail: platformMessage('request.media-type', locale) });
    }
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes) {
      throw new ProblemError('tooLarge', { detail: platformMessage('request.too-large', locale, { limit: maxBytes }) });
    }
    const bytes = await readCapped(c.req.raw.body, maxBytes);
    if (bytes === null)
      throw new ProblemError('tooLarge', { detail: platformMessage('request.too-large', locale, { limit: maxBytes }) });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ProblemError('encoding', { detail: platformMessage('request.encoding', locale) });
    }
    try {
      c.set('jsonBody', JSON.parse(text));
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : 'unreadable';
      throw new ProblemError('malformedJson', {
        detail: platformMessage('request.malformed-json', locale, { reason }),
      });
    }
    await next();
  };
}
