// Accessibility audit of a loaded page with axe-core (WCAG 2.0/2.1, levels A and AA: contrast,
// names and labels, table and list markup, landmarks, keyboard-reachable controls).
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The page's violations, one line each (rule, impact, count, first element, why); [] when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_AA);
  return violations.map((v) => {
    const first = v.nodes[0];
    const why = (first?.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim();
    return `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.help} — ${first?.target.join(' ') ?? '?'}${why ? `: ${why}` : ''}`;
  });
}
