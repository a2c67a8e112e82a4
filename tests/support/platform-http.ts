import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as bytes, for what text decoding would hide (a byte order mark). */
  bytes: Buffer;
  text: string;
  /** The body parsed as JSON, typed as the caller expects it (the test then checks it). */
  json<T = unknown>(): T;
}

export interface SendOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The loopback address to connect from (127.0.0.2, 127.0.0.3…): Linux routes all
   * of 127/8 to lo, so a test can play several citizens with distinct addresses.
   */
  from?: string;
}

/** One HTTP request to the platform, with the knobs the typed client does not have. */
export function send(method: string, url: string, options: SendOptions = {}): Promise<Answer> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  // Node sends a DELETE's body neither chunked nor with a length unless told: say its length, as browsers do.
  if (body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(body));
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, localAddress: options.from }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes,
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
