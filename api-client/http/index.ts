export { createVigieClient, type VigieClient } from './client';
export { VigieClientError, VigieHttpError, VigieNetworkError, VigieResponseError, VigieTimeoutError } from './errors';
export { parseRetryAfter } from './retry-after';
export * from './routes';
export { createTransport, type RequestOptions, type Transport, type VigieClientOptions } from './transport';
