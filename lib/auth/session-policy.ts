// Session lifetime rules (等保2.0 timeout logout): a session ends after 30 minutes
// without a request, and 12 hours after sign-in whatever happens. Pure: the clock is
// passed in, so tests can move it.
import { z } from 'zod';
import { ROLES } from './principal';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** What our session JWT carries besides next-auth's own fields. Times are epoch milliseconds. */
export const sessionClaimsSchema = z.object({
  uid: z.number().int().positive(),
  username: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  dept: z.string().nullable(),
  sv: z.number().int(), // users.session_version at sign-in
  authTime: z.number(),
  lastSeen: z.number(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type SessionState = 'active' | 'idle' | 'expired';

export function sessionState(claims: Pick<SessionClaims, 'authTime' | 'lastSeen'>, now: number): SessionState {
  if (now - claims.authTime >= ABSOLUTE_LIFETIME_MS) return 'expired';
  if (now - claims.lastSeen >= IDLE_TIMEOUT_MS) return 'idle';
  return 'active';
}

/** The claims inside a decoded JWT, or null when they are missing or malformed. */
export function readClaims(token: unknown): SessionClaims | null {
  const parsed = sessionClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}
