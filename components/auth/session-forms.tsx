'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/edge/action';
import { ActionMessage, notSubmitted } from '@/components/action-message';

/** One button that posts hidden fields to a server action (end a session, end all of a user's). */
export function ActionButtonForm({ action, fields, label, ariaLabel }: { action: FormAction; fields: Record<string, string>; label: string; ariaLabel?: string }) {
  const [state, run, pending] = useActionState(action, notSubmitted);
  return (
    <form action={run}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="secondary" disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
