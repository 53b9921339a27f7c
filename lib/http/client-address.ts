// The one place the app decides who is calling from where (sign-in throttling, rate limits,
// the audit log's source address). X-Forwarded-For is written by whoever sent the request:
// a client can put anything in it, and Next.js adds the socket address only when the client
// sent none. So only the right-most TRUSTED_PROXY_HOPS entries, appended by our own reverse
// proxies, are believed; without a proxy (the default) the address is unverified.
export type HeaderBag = Record<string, string | string[] | undefined>;
type HeaderSource = { get(name: string): string | null } | HeaderBag | undefined | null;

export interface ClientAddress {
  /** The address our own proxy saw, or null when it cannot be verified. */
  ip: string | null;
  /** What the request claimed (X-Forwarded-For, X-Real-IP) when `ip` is null: for the record only, never for decisions. */
  claimed: string | null;
}

const MAX_CLAIM = 200;

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name);
  const v = (headers as HeaderBag)[name];
  return (Array.isArray(v) ? v.join(',') : v) ?? null;
}

// Printable and short, so a hostile header is safe to store and show.
const tidy = (s: string) => s.replace(/[^\x21-\x7e]/g, '').slice(0, MAX_CLAIM);

export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): ClientAddress {
  const forwarded = header(headers, 'x-forwarded-for');
  const hops = forwarded ? forwarded.split(',').map((s) => tidy(s.trim())) : [];
  const trusted = trustedProxyHops(env);
  // Our first proxy appended the address it saw; each later proxy appended the one before it.
  const seenByOurProxy = trusted > 0 && hops.length >= trusted ? hops[hops.length - trusted] : '';
  if (seenByOurProxy) return { ip: seenByOurProxy, claimed: null };
  const claim = forwarded ?? header(headers, 'x-real-ip');
  return { ip: null, claimed: claim ? tidy(claim.replace(/\s/g, '')) || null : null };
}
