import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Run in the page before its scripts: records CSP violations and the widget's events, for the test to read. */
export const probeWidgetPage = () => {
  const w = window as unknown as { __violations: string[]; __events: Array<{ type: string; id: string }> };
  w.__violations = [];
  w.__events = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  for (const type of ['vigie-draft-saved', 'vigie-queued', 'vigie-synced', 'vigie-rejected']) {
    document.addEventListener(type, (e) => w.__events.push({ type, id: (e as CustomEvent<{ id: string }>).detail.id }));
  }
};

/** What axe-core finds wrong in the widget (WCAG 2.1 A and AA, best practices), one line per rule. */
export async function axeViolationsIn(target: Page): Promise<string[]> {
  // axe is evaluated, not added as a script tag: the demo page's CSP forbids inline scripts.
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run(
      { include: [['vigie-feedback']] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    );
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}
