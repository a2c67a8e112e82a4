export { createVigieClient, type ContributionListQuery, type RequestOptions, type VigieClient, type VigieClientOptions } from './client';
export { VigieClientError, VigieHttpError, VigieNetworkError, VigieResponseError, VigieTimeoutError } from './errors';
export { parseRetryAfter } from './retry-after';
