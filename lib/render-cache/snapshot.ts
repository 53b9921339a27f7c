// A rendered response held in memory: status, headers and body, minus what belongs to one
// delivery (its cookies, its length and encoding, its date).
import { VARY_HEADERS } from './key';

export interface ResponseSnapshot {
  status: number;
  headers: Array<[string, string]>;
  body: Uint8Array<ArrayBuffer>;
}

// Set-Cookie in particular: a cookie set for the request that filled the cache (a slid
// session) must never be handed to the next request.
const PER_DELIVERY = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date']);
// Headers Next.js may list in Vary that do not change the body: the body is stored
// uncompressed, and the key covers the rest (VARY_HEADERS).
const KEYED = new Set<string>([...VARY_HEADERS, 'accept-encoding']);

export async function snapshotOf(response: Response): Promise<ResponseSnapshot> {
  const headers = [...response.headers].filter(([name]) => !PER_DELIVERY.has(name));
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

/** Only a complete 200 whose every variant the key tells apart is kept for others. */
export function isStorable(snapshot: ResponseSnapshot): boolean {
  if (snapshot.status !== 200) return false;
  const vary = snapshot.headers.filter(([name]) => name === 'vary').flatMap(([, value]) => value.split(','));
  return vary.every((name) => KEYED.has(name.trim().toLowerCase()));
}
