import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  body: string;
}

export interface CountingProxy {
  /** http://127.0.0.1:PORT: give it to the extension as the platform's address. */
  url: string;
  /** Every request that reached the platform through here, in order. */
  requests: SeenRequest[];
  /** Requests refused while cut (the connection is reset, as when the network is down). */
  refused: number;
  /** The platform becomes unreachable (connections reset) until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * Stands in front of the platform and writes down every request it forwards:
 * what the extension asked the platform, whichever part of it asked (the
 * worker's requests are not all visible to Playwright).
 */
export async function startCountingProxy(platformUrl: string): Promise<CountingProxy> {
  const target = new URL(platformUrl);
  const requests: SeenRequest[] = [];
  let cut = false;
  let refused = 0;
  const server = createServer((req, res) => {
    if (cut) {
      refused++;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') });
      const forward = httpRequest(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get refused() {
      return refused;
    },
    cut: () => {
      cut = true;
      server.closeIdleConnections();
    },
    restore: () => {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
