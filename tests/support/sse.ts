import { request, type IncomingHttpHeaders } from 'node:http';

/** One Server-Sent Event as a browser dispatches it. */
export interface SseEvent {
  id: string;
  event: string;
  data: string;
  /** When it arrived (performance.now()), for the bench. */
  at: number;
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, for an answer that is not a stream (a 429 problem, say). */
  text: string;
  /** Every event dispatched so far, in order. */
  events: SseEvent[];
  /** Comment lines (heartbeats), in order. */
  comments: string[];
  /** The Last-Event-ID a browser would send on reconnecting: set by every `id:`, also without data. */
  lastEventId: string;
  /** The `retry:` the server asked for. */
  retry: number | undefined;
  /** The first event, seen or to come, that matches; rejects after the timeout with what was seen. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the comment count reaches n. */
  waitForComments(n: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export interface OpenStreamOptions {
  headers?: Record<string, string>;
  /** The loopback address to connect from (127.0.0.2…), to play several networks. */
  from?: string;
  /** Called at each event, as it is parsed (the bench times deliveries here). */
  onEvent?: (event: SseEvent) => void;
}

/**
 * A Server-Sent Events client that parses as the HTML standard says (blocks end at a blank
 * line; `id:` sets the last event id even in a block without data), over a plain HTTP
 * request, so a test can see headers, comments and what a browser would keep.
 */
export function openStream(url: string, options: OpenStreamOptions = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { accept: 'text/event-stream', ...options.headers }, localAddress: options.from, agent: false },
      (res) => {
        const waiters = new Set<() => void>();
        const notify = () => {
          for (const waiter of [...waiters]) waiter();
        };
        let endedResolve!: () => void;
        const client: SseClient = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: '',
          events: [],
          comments: [],
          lastEventId: '',
          retry: undefined,
          ended: new Promise<void>((r) => (endedResolve = r)),
          close: () => {
            res.destroy();
            req.destroy();
          },
          waitFor(match, timeoutMs = 10_000) {
            return new Promise((resolveEvent, rejectEvent) => {
              const check = () => {
                const found = client.events.find(match);
                if (!found) return false;
                waiters.delete(waiter);
                clearTimeout(timer);
                resolveEvent(found);
                return true;
              };
              const waiter = () => void check();
              const timer = setTimeout(() => {
                waiters.delete(waiter);
                rejectEvent(
                  new Error(`No matching event within ${timeoutMs} ms; seen: ${JSON.stringify(client.events)}`),
                );
              }, timeoutMs);
              if (!check()) waiters.add(waiter);
            });
          },
          waitForComments(n, timeoutMs = 10_000) {
            return new Promise((resolveWait, rejectWait) => {
              const waiter = () => {
                if (client.comments.length < n) return;
                waiters.delete(waiter);
                clearTimeout(timer);
                resolveWait();
              };
              const timer = setTimeout(() => {
                waiters.delete(waiter);
                rejectWait(new Error(`${client.comments.length} comments of ${n} within ${timeoutMs} ms`));
              }, timeoutMs);
              waiters.add(waiter);
              waiter();
            });
          },
        };
        const streaming = res.headers['content-type']?.startsWith('text/event-stream') ?? false;
        let buffer = '';
        let block = { id: undefined as string | undefined, event: '', data: [] as string[] };
        const line = (text: string) => {
          if (text === '') {
            if (block.id !== undefined) client.lastEventId = block.id;
            if (block.data.length > 0) {
              const event = {
                id: client.lastEventId,
                event: block.event || 'message',
                data: block.data.join('\n'),
                at: performance.now(),
              };
              client.events.push(event);
              options.onEvent?.(event);
            }
            block = { id: undefined, event: '', data: [] };
            return;
          }
          if (text.startsWith(':')) {
            client.comments.push(text.slice(1).trim());
            return;
          }
          const colon = text.indexOf(':');
          const field = colon < 0 ? text : text.slice(0, colon);
          const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') block.id = value;
          else if (field === 'event') block.event = value;
          else if (field === 'data') block.data.push(value);
          else if (field === 'retry') client.retry = Number(value);
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (!streaming) {
            client.text += chunk;
            return;
          }
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n')) >= 0) {
            line(buffer.slice(0, end).replace(/\r$/, ''));
            buffer = buffer.slice(end + 1);
          }
          notify();
        });
        const finish = () => {
          endedResolve();
          notify();
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
        if (streaming) resolve(client);
        else res.on('end', () => resolve(client));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
