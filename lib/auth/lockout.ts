// Login failure handling (等保2.0): 5 failures for one account within 15 minutes lock it
// for 15 minutes, and 20 failures from one address within 15 minutes stop that address,
// so one client cannot lock every account nor guess across many. Pure: times are epoch ms.
export const LOCKOUT = {
  accountFailures: 5,
  accountWindowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
  ipFailures: 20,
  ipWindowMs: 15 * 60 * 1000,
} as const;

/**
 * Sign-in attempts per minute, counted in memory before anything touches the database or
 * the audit log (lib/http/rate-limit.ts): beyond them the answer is `throttled` (HTTP 429).
 */
export const SIGN_IN_BUDGET = { perAccount: 20, perAddress: 60 } as const;

/** How far back failures can matter for an account lock. */
export const LOOKBACK_MS = LOCKOUT.accountWindowMs + LOCKOUT.lockMs;

/**
 * When the account's lock ends, or null when it is not locked. `failures` are the
 * account's failed attempts (ascending) since its last success or password reset;
 * attempts refused because of a lock are not failures, so waiting always helps.
 */
export function accountLockedUntil(failures: number[], now: number): number | null {
  const n = LOCKOUT.accountFailures;
  let until: number | null = null;
  for (let i = 0; i + n - 1 < failures.length; i++) {
    const last = failures[i + n - 1];
    if (last - failures[i] <= LOCKOUT.accountWindowMs && last + LOCKOUT.lockMs > now) {
      until = Math.max(until ?? 0, last + LOCKOUT.lockMs);
    }
  }
  return until;
}

export function ipThrottled(recentIpFailures: number): boolean {
  return recentIpFailures >= LOCKOUT.ipFailures;
}
