import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, short enough to read in a failed assertion. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, colour contrast included) on the page as it is now;
 * returns the violations.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** The violations a user would be hurt by: serious or critical ones, and any contrast failure. */
export function blocking(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter(
    (finding) =>
      finding.impact === 'serious' ||
      finding.impact === 'critical' ||
      finding.rule === 'color-contrast',
  );
}
