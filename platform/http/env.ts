import type { Locale } from '../../api-client/contract';

/** What middleware hands to routes: the caller's language and the decoded JSON body. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    jsonBody: unknown;
  };
}
