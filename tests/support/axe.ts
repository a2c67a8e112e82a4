import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const axeRules = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** A page of either driver: Playwright's and puppeteer's both evaluate an expression given as a string. */
interface EvaluatesExpressions {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * axe-core on an extension page (or any page), its violations as one line each.
 * Evaluated rather than added as a script: the extension pages' CSP forbids that.
 */
export async function axeOnPage(page: EvaluatesExpressions, rules: readonly string[] = axeRules): Promise<string[]> {
  await page.evaluate(`${axeSource};0`);
  return (await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: ${JSON.stringify(rules)} });
    return result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + JSON.stringify(v.nodes.map((n) => n.target)));
  })()`)) as string[];
}
