import type { ReactNode } from 'react';

/** A labelled field with a hint under it; the field names the hint (`hintId`) in its aria-describedby. */
export function HintedField({ label, hint, hintId, children }: { label: ReactNode; hint: ReactNode; hintId: string; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
      <span id={hintId} className="muted">
        {hint}
      </span>
    </label>
  );
}
