/** The platform's origin at build time (wxt.config.ts, VIGIE_PLATFORM_URL): the default in the options. */
declare const __VIGIE_PLATFORM_URL__: string;

/**
 * @webext-core/messaging names the sender `chrome.runtime.MessageSender`, and nothing here
 * declares `chrome` (WXT types the API as `Browser`): without this, every sender would be
 * typed as nothing at all, and the checks of messaging/sender.ts would go unchecked.
 */
declare namespace chrome.runtime {
  type MessageSender = import('wxt/browser').Browser.runtime.MessageSender;
}
