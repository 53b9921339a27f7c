// A very small test runner for the browser suite: named steps run one after another,
// each failure is reported with its message, and the run ends with `N passed, N failed`.
export interface Step {
  name: string;
  run: () => Promise<void>;
}

export interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function runSteps(steps: Step[], log: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const started = Date.now();
    try {
      await step.run();
      outcomes.push({ name: step.name, ok: true, ms: Date.now() - started });
      log(`  ✓ ${step.name} (${Date.now() - started} ms)`);
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      outcomes.push({ name: step.name, ok: false, ms: Date.now() - started, error });
      log(`  ✗ ${step.name}\n    ${error.split('\n').slice(0, 6).join('\n    ')}`);
    }
  }
  return outcomes;
}

/** The closing line CI greps for. */
export function summaryLine(outcomes: Outcome[]): string {
  const passed = outcomes.filter((o) => o.ok).length;
  return `${passed} passed, ${outcomes.length - passed} failed`;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
