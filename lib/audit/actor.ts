// Who an audit record names. Structural, so the audit log needs nothing from lib/auth
// (which records its own events here): every Principal of lib/auth/principal.ts is one.
export type AuditedPrincipal = { kind: 'user'; id: number; role: string } | { kind: 'token'; id: number } | { kind: 'cli' };

/** Someone not signed in (failed sign-in): identified by the name they typed. */
export type Actor = AuditedPrincipal | { kind: 'anonymous'; username: string };

/** A stable actor id for the audit log and idempotency keys: user:3, token:5, cli. */
export function actorId(p: AuditedPrincipal): string {
  return p.kind === 'cli' ? 'cli' : `${p.kind}:${p.id}`;
}

export function actorRole(p: AuditedPrincipal): string | null {
  return p.kind === 'user' ? p.role : p.kind === 'token' ? 'token' : 'cli';
}
