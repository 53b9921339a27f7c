// The browser suite's runner (tests/browser/support/harness.ts): steps run in order, a
// failure does not stop the rest, and the closing line is what CI reads.
import { describe, expect, it } from 'vitest';
import { assert, runSteps, summaryLine } from './browser/support/harness';
import { CHROMIUM_ARGS } from './browser/support/chromium';

describe('browser test harness', () => {
  it('runs every step, records failures with their message and sums up', async () => {
    const order: string[] = [];
    const lines: string[] = [];
    const outcomes = await runSteps(
      [
        { name: 'first', run: async () => void order.push('first') },
        { name: 'second', run: async () => assert(false, 'the table is empty') },
        { name: 'third', run: async () => void order.push('third') },
      ],
      (line) => lines.push(line),
    );
    expect(order).toEqual(['first', 'third']);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1].error).toContain('the table is empty');
    expect(lines[1]).toMatch(/^ {2}✗ second\n {4}Error: the table is empty/);
    expect(summaryLine(outcomes)).toBe('2 passed, 1 failed');
  });

  it('fails a step that hangs and goes on with the next', async () => {
    const outcomes = await runSteps(
      [
        { name: 'hangs', run: () => new Promise<void>(() => undefined) },
        { name: 'after', run: async () => undefined },
      ],
      () => undefined,
      50,
    );
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    expect(outcomes[0].error).toContain('did not finish within 0.05 s');
  });

  it('launches Chromium headless and sandbox-free, as CI containers need', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']));
  });
});
