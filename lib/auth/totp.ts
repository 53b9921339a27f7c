// TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) with the otpauth library, the sealing
// of secrets at rest, and one-time recovery codes. Pure apart from randomness: the clock and
// the key are passed in. The database side is lib/auth/second-factor.ts.
import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';

export const TOTP_ISSUER = 'Sharescore';
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Time steps accepted either side of now: ±1 (±30 s of clock drift). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totp(secretBase32: string, username = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, RFC 4226's recommendation), in base32. */
export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads (from a QR code or typed in). */
export const totpUri = (secretBase32: string, username: string): string => totp(secretBase32, username).toString();

/** The secret inside an otpauth:// URI (for tests and the demo's helpers). */
export const secretFromUri = (uri: string): string => OTPAuth.URI.parse(uri).secret.base32;

/** The time step a moment falls in. */
export const timeStep = (now: number): number => Math.floor(now / 1000 / TOTP_PERIOD_S);

/** The code for a moment (what an authenticator app shows). */
export const totpCode = (secretBase32: string, now: number): string => totp(secretBase32).generate({ timestamp: now });

/** The time step a code belongs to if it is one of the accepted steps around now, else null. */
export function matchingStep(secretBase32: string, code: string, now: number): number | null {
  if (!isTotpCode(code)) return null;
  const delta = totp(secretBase32).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** Six digits (spaces allowed, as apps group them "123 456"); anything else is taken as a recovery code. */
export const isTotpCode = (input: string): boolean => /^\d{6}$/.test(input.replace(/\s/g, ''));

// Sealing: AES-256-GCM under a key derived from AUTH_SECRET with HKDF, the user id as
// associated data, so a sealed secret copied onto another user's row does not open.
const SEAL_VERSION = 'v1';
const sealKeys = new Map<string, Buffer>();
function sealKey(authSecret: string): Buffer {
  let key = sealKeys.get(authSecret);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', authSecret, 'sharescore', 'Sharescore TOTP secret sealing key', 32));
    sealKeys.set(authSecret, key);
  }
  return key;
}

export function sealSecret(secretBase32: string, userId: number, authSecret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealKey(authSecret), iv);
  cipher.setAAD(Buffer.from(`totp:${userId}`));
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEAL_VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** The secret, or null when it was sealed under another key or for another user. */
export function openSecret(sealed: string, userId: number, authSecret: string): string | null {
  const [version, iv, body] = sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, 'base64url');
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealKey(authSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`totp:${userId}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// Recovery codes: 16 base32 characters (80 random bits) shown as xxxx-xxxx-xxxx-xxxx.
// 80 bits cannot be searched offline, so a plain SHA-256 (salted with the user id) is
// enough to store them; online guessing meets the sign-in lockout.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(16), (b) => BASE32[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Case, spaces and dashes do not matter when typing a recovery code. */
export const normalizeRecoveryCode = (input: string): string => input.toLowerCase().replace(/[\s-]/g, '');

export const recoveryCodeHash = (userId: number, code: string): string =>
  crypto.createHash('sha256').update(`${userId}:${normalizeRecoveryCode(code)}`).digest('hex');
