import type { Locale } from '../../api-client/contract';
import type { ApiToken } from '../storage/storage';

/** What middleware hands to routes. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    /** This request's id, echoed in X-Request-Id and written in its log line. */
    requestId: string;
    jsonBody: unknown;
    /** The caller's address, salted and hashed: never the address itself. Set on public writes. */
    clientHash: string;
    /** The API token's holder, on routes behind a token. */
    account: ApiToken;
  };
}
