import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { findFirefox } from './firefox';
import { middleOfPainted, paintedWords, selectWords, type InPageDriver } from './in-page-driver';
import { waitUntil } from './wait';

/** The add-on id of the Firefox builds (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'vigie@extension.vigie.example';
/** Pinned, so the extension's pages have a known moz-extension:// origin. */
const EXTENSION_UUID = '6f1c3e4a-2b7d-4c5e-9a8f-0d1e2f3a4b5c';

/** The raw WebDriver BiDi connection puppeteer speaks over (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): void;
}

interface LogEntry {
  level: string;
  text: string | null;
  source: { realm: string; context?: string };
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** moz-extension://UUID/name */
  extensionUrl(name: string): string;
  /**
   * Every error Firefox logged since launch, content scripts' included: they do not
   * reach puppeteer's page console, only BiDi's log.entryAdded.
   */
  errors: string[];
  /** A new tab on an http(s) page, with its in-page UI driver. */
  openPage(url: string): Promise<FirefoxInPageUi>;
  /** A new tab on one of the extension's own pages (options.html, sidepanel.html…), loaded. */
  openExtensionPage(name: string): Promise<Page>;
  /** How many times Firefox has suspended the extension's background since launch (MV3: an event page). */
  backgroundSleeps(): Promise<number>;
  /** 'running', 'suspending', 'stopped'… as Firefox says. */
  backgroundState(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Firefox with the built extension installed as a temporary add-on, driven over
 * WebDriver BiDi by puppeteer-core (no geckodriver, never a downloaded browser).
 *
 * `--remote-allow-system-access` lets the tests open moz-extension:// pages; the
 * extension's UUID is pinned by `extensions.webextensions.uuids` so those pages'
 * addresses are known before the add-on is installed.
 */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  options: { backgroundIdleMs?: number } = {},
): Promise<FirefoxExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // A machine with no internet: nothing to ask the network for but the tests' own servers.
      'app.update.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // How long a non-persistent background (MV3) stays idle before Firefox suspends it (30 s by default).
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const errors: string[] = [];
  connection.on('log.entryAdded', (entry: LogEntry) => {
    if (entry.level === 'error') errors.push(entry.text ?? '(an error without text)');
  });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== GECKO_ID) throw new Error(`The add-on installed as ${installed}, not ${GECKO_ID}`);
  const extensionUrl = (name: string) => `moz-extension://${EXTENSION_UUID}/${name}`;
  const inChrome = await chromeEvaluator(connection);
  // Firefox opens an extension's sidebar when it is installed; a sidebar keeps waking the
  // background (it reconnects its feed), so it is closed: the tests open the panel as a tab.
  // And the background's suspensions are counted, for the tests of a background that sleeps.
  await inChrome(`(() => {
    (globalThis.SidebarController ?? globalThis.SidebarUI)?.hide();
    const extension = ${extensionOf(GECKO_ID)};
    globalThis.__vigieSleeps = 0;
    extension.on('background-script-suspend', () => globalThis.__vigieSleeps++);
  })()`);

  return {
    browser,
    extensionUrl,
    errors,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return new FirefoxInPageUi(page);
    },
    async openExtensionPage(name) {
      const page = await browser.newPage();
      // page.goto() never resolves on a moz-extension:// page: navigate without waiting, then poll.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await connection.send('browsingContext.navigate', { context, url: extensionUrl(name), wait: 'none' });
      await waitUntil(
        () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => 'not yet'),
        (state) => state === `${extensionUrl(name)} complete`,
        `${name} to load`,
      );
      return page;
    },
    backgroundSleeps: () => inChrome<number>('globalThis.__vigieSleeps'),
    backgroundState: () => inChrome<string>(`${extensionOf(GECKO_ID)}.backgroundState`),
    close: () => browser.close(),
  };
}

/** Firefox's own record of an installed add-on (Firefox internals, reached with --remote-allow-system-access). */
const extensionOf = (id: string) =>
  `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(id)})`;

/**
 * Evaluates in the browser window's privileged (chrome) scope, which WebDriver BiDi
 * reaches with --remote-allow-system-access: the only place that knows whether the
 * extension's background is running or asleep.
 */
async function chromeEvaluator(connection: BidiConnection): Promise<<T>(expression: string) => Promise<T>> {
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: Array<{ context: string }>;
  };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('Firefox shows no chrome window to WebDriver BiDi');
  return async <T>(expression: string) => {
    const answer = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true }))
      .result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (answer.type === 'exception') throw new Error(`In Firefox's chrome scope: ${answer.exceptionDetails?.text}`);
    return answer.result?.value as T;
  };
}

/** An ElementHandle's BiDi remote value and the way to make a handle from one (not in puppeteer's public types). */
interface BidiHandle {
  remoteValue(): { value?: { shadowRoot?: object | null } };
  realm: unknown;
  constructor: { from(value: object, realm: unknown): ElementHandle };
}

const ariaSelector = (role: string, name: string) => {
  const quote = name.includes('"') ? "'" : '"';
  return `aria/[name=${quote}${name}${quote}][role="${role}"]`;
};

/**
 * Drives Vigie's in-page UI in a Firefox tab. The UI lives in a closed shadow root,
 * which page scripts cannot reach; WebDriver BiDi still serialises it, so the
 * controls are found inside it by role and accessible name (as assistive
 * technology finds them), then clicked with the mouse and typed into with the keyboard.
 */
export class FirefoxInPageUi implements InPageDriver {
  constructor(readonly page: Page) {}

  /** The closed shadow root of Vigie's host element, once the content script made it (waited for, or not). */
  private async root(wait = true): Promise<ElementHandle> {
    const host = wait
      ? await this.page.waitForSelector('[data-vigie]', { timeout: 8000 })
      : await this.page.$('[data-vigie]');
    if (!host) throw new Error('Vigie’s host element is not in the page');
    const bidi = host as unknown as BidiHandle;
    const shadowRoot = bidi.remoteValue().value?.shadowRoot;
    if (!shadowRoot) throw new Error('Vigie’s host element has no shadow root');
    return bidi.constructor.from(shadowRoot, bidi.realm);
  }

  async findAll(role: string, name: string): Promise<ElementHandle[]> {
    const root = await this.root(false).catch(() => undefined);
    return root ? root.$$(ariaSelector(role, name)) : [];
  }

  async count(role: string, name: string): Promise<number> {
    return (await this.findAll(role, name)).length;
  }

  async find(role: string, name: string, timeoutMs = 8000): Promise<ElementHandle> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const nodes = await this.findAll(role, name);
      if (nodes.length === 1) return nodes[0]!;
      if (nodes.length > 1) throw new Error(`${nodes.length} "${role}" named "${name}"`);
      if (Date.now() > deadline) throw new Error(`No "${role}" named "${name}" in Vigie’s UI`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async click(role: string, name: string): Promise<void> {
    await (await this.find(role, name)).click();
  }

  async focus(role: string, name: string): Promise<void> {
    await (await this.find(role, name)).focus();
  }

  async type(role: string, name: string, text: string): Promise<void> {
    await this.click(role, name);
    await this.page.keyboard.type(text);
  }

  async keys(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }

  async statusText(): Promise<string> {
    const root = await this.root(false).catch(() => undefined);
    if (!root) return '';
    const lines = await root.$$('[role=status]');
    const texts = await Promise.all(lines.map((line) => line.evaluate((element) => element.textContent ?? '')));
    return texts.join(' | ');
  }

  async uiText(): Promise<string> {
    const root = await this.root();
    return root.evaluate((node) => node.textContent ?? '');
  }

  select(selector: string, exact: string): Promise<void> {
    return this.page.evaluate(selectWords, { selector, exact });
  }

  painted(): Promise<string[]> {
    return this.page.evaluate(paintedWords);
  }

  async clickPainted(exact: string): Promise<void> {
    const { x, y } = await this.page.evaluate(middleOfPainted, exact);
    await this.page.mouse.click(x, y);
  }

  inPage<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.page.evaluate(fn);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
