import type { ActionState } from '@/lib/edge/action';

/** Every form's state before its first submission. */
export const notSubmitted: ActionState = {};

/** The outcome of a form's last submission, announced to screen readers. */
export function ActionMessage({ state }: { state: ActionState }) {
  if (state.error) return <p className="error-box" role="alert">{state.error}</p>;
  if (state.ok) return <p className="ok-box" role="status">{state.ok}</p>;
  return null;
}
