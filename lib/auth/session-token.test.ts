import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSession, sessionEncryptionKey } from './session-token';

const SECRET = 'session-token-test-secret-0123456789abcdef';
const claims = { uid: 7, username: 'leader', role: 'leader', sv: 1 };

describe('decodeSession', () => {
  it('reads what next-auth itself writes, as next-auth reads it', async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 600 });
    const ours = await decodeSession(token, SECRET);
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret: SECRET }));
  });

  it('refuses another secret, an expired token, an empty value and garbage', async () => {
    expect(await decodeSession(await encode({ token: claims, secret: 'another-secret-another-secret-000000', maxAge: 600 }), SECRET)).toBeNull();
    // next-auth allows 15 s of clock skew; a minute past expiry is refused.
    expect(await decodeSession(await encode({ token: claims, secret: SECRET, maxAge: -60 }), SECRET)).toBeNull();
    expect(await decodeSession('', SECRET)).toBeNull();
    expect(await decodeSession('not.a.jwe.at-all', SECRET)).toBeNull();
  });

  it('derives the key once per secret', () => {
    expect(sessionEncryptionKey(SECRET)).toBe(sessionEncryptionKey(SECRET));
    expect(sessionEncryptionKey(SECRET)).not.toBe(sessionEncryptionKey(`${SECRET}-2`));
  });
});
