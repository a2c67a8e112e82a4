import {
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What happens to one request on its way to the platform and back. */
export type Fault =
  | { kind: 'pass' }
  /** Waits, then forwards. */
  | { kind: 'delay'; ms: number }
  /** Cuts the connection before forwarding: the platform never sees the request. `before` runs first. */
  | { kind: 'drop'; before?: () => Promise<void> }
  /** Answers in the platform's place, without forwarding (500, 503, 429 with Retry-After…). */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Never answers; the client's timeout has to fire. */
  | { kind: 'hang' }
  /**
   * Forwards, lets the platform answer (so it has committed), then cuts the client's
   * connection: the answer is lost. `meanwhile` runs between the two (crash an engine…).
   */
  | { kind: 'lose-response'; meanwhile?: () => Promise<void> }
  /** Forwards, calls `crash` (kill the platform) after `afterMs` whatever it was doing, and cuts the client. */
  | { kind: 'crash-upstream'; afterMs: number; crash: () => Promise<void> };

export interface ProxiedRequest {
  /** Position of the request since the proxy started, from 0. */
  index: number;
  method: string;
  path: string;
  body: Buffer;
}

export interface ProxyLogEntry {
  index: number;
  path: string;
  fault: Fault['kind'];
  /** Date.now() when the request was fully read, and when its fate was sealed. */
  receivedAt: number;
  endedAt?: number;
  /** The platform's status when it was reached. */
  upstreamStatus?: number;
  /** What the client got: the platform's answer, ours, nothing. */
  outcome?: 'answered' | 'faked' | 'dropped' | 'lost' | 'hung' | 'bad-gateway';
  retryAfter?: string;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Decides each request's fate; pass by default. Replace it between scenarios. */
  decide: (request: ProxiedRequest) => Fault;
  readonly log: ProxyLogEntry[];
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) kept[name] = value;
  }
  return kept;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback HTTP proxy in front of a real platform that misbehaves on demand: the
 * network failures a citizen's connection and a platform restart produce, including
 * the one that makes idempotency matter, a request committed whose answer is lost.
 */
export async function startFaultProxy(options: { target: string; decide?: FaultProxy['decide'] }): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
    throw new Error(`The fault proxy only forwards to loopback; ${options.target} is not.`);
  }
  const sockets = new Set<Socket>();
  const log: ProxyLogEntry[] = [];
  let count = 0;

  /** Forwards the request; resolves with the platform's full answer, or null when it could not be reached. */
  const toPlatform = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer } | null>((resolve) => {
      const upstream = forward(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...endToEndHeaders(req.headers), 'content-length': String(body.length) },
          agent: false,
        },
        (res) => {
          readAll(res).then(
            (answer) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: answer }),
            () => resolve(null),
          );
        },
      );
      upstream.on('error', () => resolve(null));
      upstream.end(body);
    });

  const relay = (res: ServerResponse, answer: { status: number; headers: IncomingHttpHeaders; body: Buffer }) => {
    res.writeHead(answer.status, { ...endToEndHeaders(answer.headers), 'content-length': String(answer.body.length) });
    res.end(answer.body);
  };

  const badGateway = (res: ServerResponse) => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: 'The platform is unreachable.',
    });
    res.writeHead(502, { 'content-type': 'application/problem+json' }).end(body);
  };

  const proxy: FaultProxy = {
    url: '',
    port: 0,
    log,
    decide: options.decide ?? (() => ({ kind: 'pass' })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req).catch(() => Buffer.alloc(0));
    const index = count++;
    const entry: ProxyLogEntry = { index, path: req.url ?? '/', fault: 'pass', receivedAt: Date.now() };
    log.push(entry);
    let fault: Fault;
    try {
      fault = proxy.decide({ index, method: req.method ?? 'GET', path: entry.path, body });
    } catch {
      fault = { kind: 'pass' };
    }
    entry.fault = fault.kind;
    const cut = (outcome: ProxyLogEntry['outcome']) => {
      entry.outcome = outcome;
      entry.endedAt = Date.now();
      req.socket.destroy();
    };

    switch (fault.kind) {
      case 'drop':
        await fault.before?.();
        return cut('dropped');
      case 'hang':
        entry.outcome = 'hung';
        return;
      case 'status': {
        const problem = JSON.stringify({
          type: 'about:blank',
          title: `Injected ${fault.status}`,
          status: fault.status,
        });
        res.writeHead(fault.status, {
          'content-type': 'application/problem+json',
          ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
        });
        entry.outcome = 'faked';
        if (fault.retryAfter !== undefined) entry.retryAfter = fault.retryAfter;
        entry.endedAt = Date.now();
        res.end(problem);
        return;
      }
      case 'crash-upstream': {
        const answer = toPlatform(req, body);
        await sleep(fault.afterMs);
        await fault.crash();
        const reached = await answer;
        if (reached) entry.upstreamStatus = reached.status;
        return cut('lost');
      }
      case 'lose-response': {
        const answer = await toPlatform(req, body);
        if (answer) entry.upstreamStatus = answer.status;
        await fault.meanwhile?.();
        return cut('lost');
      }
      case 'delay':
        await sleep(fault.ms);
        break;
      case 'pass':
        break;
    }
    const answer = await toPlatform(req, body);
    entry.endedAt = Date.now();
    if (!answer) {
      entry.outcome = 'bad-gateway';
      return badGateway(res);
    }
    entry.upstreamStatus = answer.status;
    entry.outcome = 'answered';
    relay(res, answer);
  };
  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.port = port;
  return proxy;
}
