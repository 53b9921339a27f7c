// Session lifetime rules (等保2.0 timeout logout): a session ends after 30 minutes
// without a request, and 12 hours after sign-in whatever happens. Pure: the clock is
// passed in, so tests can move it. The times live in the session's row (lib/auth/sessions.ts);
// the cookie carries the session id and the sign-in time.
import { z } from 'zod';
import { ROLES } from './principal';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often per session (a write per request would be waste). */
export const TOUCH_AFTER_MS = 60_000;

/** What our session JWT carries besides next-auth's own fields. Times are epoch milliseconds. */
export const sessionClaimsSchema = z.object({
  uid: z.number().int().positive(),
  sid: z.string().min(16).max(100), // the sessions row's id
  username: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  dept: z.string().nullable(),
  authTime: z.number(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type SessionState = 'active' | 'idle' | 'expired';

/** From the session's sign-in time and the last request it made. */
export function sessionState(times: { authTime: number; lastSeen: number }, now: number): SessionState {
  if (now - times.authTime >= ABSOLUTE_LIFETIME_MS) return 'expired';
  if (now - times.lastSeen >= IDLE_TIMEOUT_MS) return 'idle';
  return 'active';
}

/** The claims inside a decoded JWT, or null when they are missing or malformed. */
export function readClaims(token: unknown): SessionClaims | null {
  const parsed = sessionClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}
