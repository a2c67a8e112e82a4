import { request } from 'node:http';

export interface SlowUpload {
  /** Resolves once the server has read the request's headers (it answered 100 Continue). */
  started: Promise<void>;
  /** Sends the rest of the body. */
  finish(): void;
  /** The answer, once the whole body was sent; rejects if the connection is cut. */
  answer: Promise<{ status: number; text: string }>;
}

/**
 * A POST whose body arrives in two halves, at the test's pace: a request the server
 * holds in flight for as long as the test wants (as a citizen's upload on a slow line).
 */
export function slowUpload(url: string, body: string): SlowUpload {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let onStarted!: () => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  let req!: ReturnType<typeof request>;
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(bytes.length),
          // The server answers 100 Continue once it has parsed the headers: the request is then in flight.
          expect: '100-continue',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('continue', () => {
      req.write(bytes.subarray(0, half));
      onStarted();
    });
    req.flushHeaders();
  });
  return { started, answer, finish: () => req.end(bytes.subarray(half)) };
}
