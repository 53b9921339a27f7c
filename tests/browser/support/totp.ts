// The demo accounts' authenticator, for the browser tests: the next code of a TOTP secret
// that the server has not accepted yet. The server takes each time step once and accepts the
// step after now (±1), so two sign-ins within 30 s pass and a third waits for the next step.
import { timeStep, totpCode, TOTP_PERIOD_S } from '../../../lib/auth/totp.ts';

const lastUsed = new Map<string, number>();

export async function nextTotpCode(secret: string): Promise<string> {
  const step = Math.max(timeStep(Date.now()), (lastUsed.get(secret) ?? -Infinity) + 1);
  const waitMs = (step - 1) * TOTP_PERIOD_S * 1000 - Date.now() + 1000; // until `step` is at most now + 1
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  lastUsed.set(secret, step);
  return totpCode(secret, step * TOTP_PERIOD_S * 1000);
}
