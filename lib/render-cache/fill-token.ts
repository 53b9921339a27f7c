// The marker on the cache's own request for a page (serve.ts): proxy.ts lets a request that
// carries it through to the page instead of answering it from the cache. Derived from the
// session secret, so a browser cannot make one up (one that does gets the cache like anyone).
import { createHmac } from 'node:crypto';
import { authSecret } from '../auth/secret';

export const FILL_HEADER = 'x-render-cache-fill';

const tokens = new Map<string, string>();

export function fillToken(secret = authSecret()): string {
  let token = tokens.get(secret);
  if (!token) {
    token = createHmac('sha256', secret).update('sharescore render-cache fill').digest('base64url');
    tokens.set(secret, token);
  }
  return token;
}
