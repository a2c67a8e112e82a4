import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  body: string | Uint8Array | (() => string | Uint8Array | Promise<string | Uint8Array>);
  type?: string;
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT — a different origin from the platform's. */
  url: string;
  /** Every path requested, in order: for tests that count requests. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves fixed routes on loopback, for pages that play the part of a government site. */
export async function startStaticServer(routes: Record<string, StaticFile>): Promise<StaticServer> {
  const requests: string[] = [];
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const file = routes[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = typeof file.body === 'function' ? await file.body() : file.body;
    res.writeHead(200, { 'content-type': file.type ?? 'text/html; charset=utf-8', ...file.headers }).end(body);
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const fromFile =
  (path: string | URL): StaticFile['body'] =>
  () =>
    readFile(path);
