/** Who sent a message, once checked: a tab's content script, or one of our own pages. */
export type Caller =
  | { kind: 'content'; tabId: number; frameId: number; url: string; origin: string }
  | { kind: 'extension-page'; url: string };

/** The fields of runtime.MessageSender the checks read (Chrome and Firefox alike). */
export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

export interface SelfIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. chrome-extension://abc/ */
  baseUrl: string;
}

/**
 * Checks a sender: it must be this extension (`sender.id`), and either one of its
 * own pages (popup, side panel, options, by their URL) or a content script running
 * in an http(s) page of a tab. Anything else — another extension, a web page, a
 * content script without a tab — is null and refused.
 */
export function identifySender(sender: SenderLike | undefined, self: SelfIdentity): Caller | null {
  if (!sender || sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(self.baseUrl)) return { kind: 'extension-page', url: sender.url };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { kind: 'content', tabId, frameId: sender.frameId ?? 0, url: url.href, origin: url.origin };
}
