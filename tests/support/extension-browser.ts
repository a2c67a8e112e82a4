import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { axeRules, axeSource } from './axe';
import { chromiumArgs, findChromium } from './chromium';
import {
  draftsInThisOrigin,
  middleOfPainted,
  paintedWords,
  selectWords,
  type DraftSummary,
  type InPageDriver,
} from './in-page-driver';
import { waitUntil } from './wait';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://ID/name */
  extensionUrl(name: string): string;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded unpacked, on a persistent profile (so
 * a second launch on the same directory is the same browser after a restart).
 */
export async function launchExtensionBrowser(
  profileDir: string,
  extensionDir: string,
  options: { offline?: boolean; locale?: string } = {},
): Promise<ExtensionBrowser> {
  const locale = options.locale ?? 'fr-FR';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    locale,
    offline: options.offline ?? false,
    args: [
      ...chromiumArgs,
      `--lang=${locale}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (name) => `chrome-extension://${extensionId}/${name}`,
    close: () => context.close(),
  };
}

/** A new tab on `url`, with the driver of Vigie's UI in it. */
export async function openPageWithUi(browser: ExtensionBrowser, url: string): Promise<{ page: Page; ui: InPageUi }> {
  const page = await browser.context.newPage();
  const ui = await InPageUi.attach(page, browser.extensionId);
  await page.goto(url);
  return { page, ui };
}

export interface OptionValues {
  platformUrl?: string;
  allowList?: string;
  language?: string;
  pseudonym?: string;
}

/** Sets the options through the options page, as a citizen would (in whichever language it speaks). */
export async function configureThroughOptions(browser: ExtensionBrowser, values: OptionValues): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const platformField = page.getByRole('textbox', { name: /Adresse de la plateforme|Platform address/ });
  await waitUntil(
    () => platformField.inputValue(),
    (v) => v !== '',
    'the options to load',
  );
  if (values.platformUrl) await platformField.fill(values.platformUrl);
  if (values.allowList)
    await page.getByRole('textbox', { name: /Sites où Vigie|Sites where Vigie/ }).fill(values.allowList);
  if (values.language) await page.getByRole('combobox', { name: /Langue|Language/ }).selectOption(values.language);
  if (values.pseudonym !== undefined)
    await page.getByRole('textbox', { name: /Pseudonyme|Pseudonym/ }).fill(values.pseudonym);
  await page.getByRole('button', { name: /Enregistrer|Save/ }).click();
  await waitUntil(
    () => page.getByRole('status').textContent(),
    (t) => /Réglages enregistrés|Settings saved/.test(t ?? ''),
    'the settings to be saved',
  );
  await page.close();
}

/** Every draft in the extension's own database, read in its worker. */
export function draftsOf(browser: ExtensionBrowser): Promise<DraftSummary[]> {
  const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
  return worker.evaluate(draftsInThisOrigin);
}

/** The side panel as it opens beside the tab showing `page`, in a tab of its own. */
export async function openSidePanel(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${await tabIdOf(browser, page)}`));
  return panel;
}

/** The id of the tab showing `page`, as the extension knows it (for sidepanel.html?tab=). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = browser.context.serviceWorkers()[0] ?? browser.worker;
  const id = await worker.evaluate(async () => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>> };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('No active tab');
  return id;
}

interface AxNode {
  backendDOMNodeId?: number;
  name?: { value?: string };
  value?: { value?: string };
  role?: { value?: string };
}

/**
 * Drives the extension's UI inside a page. Vigie's in-page UI lives in a closed
 * shadow root: the page's scripts cannot reach it, and neither can Playwright's
 * selectors. So, like assistive technology, this finds controls by role and
 * accessible name in the browser's accessibility tree (CDP), clicks them with
 * the mouse and types with the keyboard; and it runs code in the content
 * script's own isolated world, where chrome.dom.openOrClosedShadowRoot opens the
 * root, to read it and to run axe on it.
 */
export class InPageUi implements InPageDriver {
  private isolatedContext: number | undefined;
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(page: Page, extensionId: string): Promise<InPageUi> {
    const cdp = await page.context().newCDPSession(page);
    const ui = new InPageUi(page, cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; isDefault?: boolean } | undefined;
      if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`)
        ui.isolatedContext = context.id;
    });
    cdp.on('Runtime.executionContextsCleared', () => (ui.isolatedContext = undefined));
    await cdp.send('Runtime.enable');
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    return ui;
  }

  /** Evaluates in the content script's isolated world (where our globals and chrome.* are). */
  async isolated<T>(expression: string): Promise<T> {
    const deadline = Date.now() + 8000;
    while (this.isolatedContext === undefined) {
      if (Date.now() > deadline) throw new Error('The content script never ran in this page');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.isolatedContext,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails)
      throw new Error(`In the content script's world: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value as T;
  }

  async findAll(role: string, name: string): Promise<AxNode[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      role,
      accessibleName: name,
    })) as { nodes: AxNode[] };
    return nodes.filter((n) => n.backendDOMNodeId !== undefined);
  }

  async count(role: string, name: string): Promise<number> {
    return (await this.findAll(role, name)).length;
  }

  /** The one control with this role and name, waited for. */
  async find(role: string, name: string, timeoutMs = 8000): Promise<AxNode & { backendDOMNodeId: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const nodes = await this.findAll(role, name);
      if (nodes.length === 1) return nodes[0] as AxNode & { backendDOMNodeId: number };
      if (nodes.length > 1) throw new Error(`${nodes.length} "${role}" named "${name}"`);
      if (Date.now() > deadline) throw new Error(`No "${role}" named "${name}" in the accessibility tree`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async click(role: string, name: string): Promise<void> {
    const node = await this.find(role, name);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  async focus(role: string, name: string): Promise<void> {
    const node = await this.find(role, name);
    await this.cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId });
  }

  /** Clicks into a field and types, key by key. */
  async type(role: string, name: string, text: string): Promise<void> {
    await this.click(role, name);
    await this.page.keyboard.type(text);
  }

  async keys(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
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

  uiText(): Promise<string> {
    return this.isolated<string>(
      `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]'))?.textContent ?? ''`,
    );
  }

  /** The text of the status line(s) of our UI. */
  async statusText(): Promise<string> {
    const nodes = await this.findAll('status', '');
    const all = await this.isolated<string[]>(
      `[...(chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-vigie]'))?.querySelectorAll('[role=status]') ?? [])].map((e) => e.textContent)`,
    );
    return [...all, ...nodes.map((n) => n.name?.value ?? '')].join(' | ');
  }

  /** axe-core run with the content script's privileges, so it sees inside the closed shadow root. */
  async axe(): Promise<string[]> {
    await this.isolated(`${axeSource};0`);
    return this.isolated<string[]>(`(async () => {
      const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
      Object.defineProperty(Element.prototype, 'shadowRoot', {
        configurable: true,
        get() { return chrome.dom.openOrClosedShadowRoot(this) ?? null; },
      });
      try {
        const result = await axe.run({ include: [['[data-vigie]']] }, { runOnly: ${JSON.stringify(axeRules)} });
        return result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + JSON.stringify(v.nodes.map((n) => n.target)));
      } finally {
        Object.defineProperty(Element.prototype, 'shadowRoot', own);
      }
    })()`);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
