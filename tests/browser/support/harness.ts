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

/** A step that has not finished after this long fails, so a hang cannot stall CI. */
export const STEP_TIMEOUT_MS = 180_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the step did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runSteps(steps: Step[], log: (line: string) => void = (l) => process.stdout.write(l + '\n'), timeoutMs = STEP_TIMEOUT_MS): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const started = Date.now();
    try {
      await withTimeout(step.run(), timeoutMs);
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
