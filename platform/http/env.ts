import type { Locale } from '../../api-client/contract';
import type { ApiToken } from '../storage/storage';

/** What middleware hands to routes. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    /** This request's id, echoed in X-Request-Id and written in its log line. */
    requestId: string;
    jsonBody: unknown;
    /** The caller's address under the day's key: never the address itself. Set on public writes. */
    clientHash: string;
    /** The caller's network (IPv4 /24, IPv6 /48), in memory only: reports hash it. Set on public writes. */
    network: string;
    /** Whether this request was charged against the rate limit already. */
    charged: boolean;
    /** The API token's holder, on routes behind a token. */
    account: ApiToken;
  };
}
