/** The platform's origin at build time (wxt.config.ts, VIGIE_PLATFORM_URL): the default in the options. */
declare const __VIGIE_PLATFORM_URL__: string;
