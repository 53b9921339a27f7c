'use client';
import { signOut } from 'next-auth/react';

/** Ends the session (next-auth audits it as auth.logout) and returns to /login. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="button-link" onClick={() => void signOut({ callbackUrl: '/login' })} data-testid="sign-out">
      {label}
    </button>
  );
}
