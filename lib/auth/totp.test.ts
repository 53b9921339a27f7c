import { describe, expect, it, vi } from 'vitest';
import { mfaRequiredRoles } from './mfa-policy';
import { ROLES } from './principal';
import { matchingStep, newRecoveryCodes, newTotpSecret, openSecret, recoveryCodeHash, sealSecret, secretFromUri, timeStep, totpCode, totpUri, TOTP_PERIOD_S } from './totp';

const STEP_MS = TOTP_PERIOD_S * 1000;

describe('TOTP codes (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('matches the RFC 6238 test vector for SHA-1 (8 digits there, the last 6 here)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
  });

  it('accepts the step before and after now, and refuses two steps away', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = timeStep(now);
    for (const offset of [-1, 0, 1]) expect(matchingStep(secret, totpCode(secret, now + offset * STEP_MS), now)).toBe(step + offset);
    for (const offset of [-2, 2]) expect(matchingStep(secret, totpCode(secret, now + offset * STEP_MS), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
  });

  it('writes an otpauth:// URI an authenticator app reads back', () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, 'zhang');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sharescore:zhang\?/);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    expect(secretFromUri(uri)).toBe(secret);
  });
});

describe('sealed secrets', () => {
  it('open only for the same user under the same key', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', 7, 'key-one-0123456789');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, 7, 'key-one-0123456789')).toBe('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, 8, 'key-one-0123456789')).toBeNull();
    expect(openSecret(sealed, 7, 'key-two-0123456789')).toBeNull();
    expect(openSecret('garbage', 7, 'key-one-0123456789')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are ten distinct 16-character codes, hashed per user, typed in any case and grouping', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(recoveryCodeHash(1, codes[0])).toBe(recoveryCodeHash(1, ` ${codes[0].replace(/-/g, ' ').toUpperCase()} `));
    expect(recoveryCodeHash(1, codes[0])).not.toBe(recoveryCodeHash(2, codes[0]));
  });
});

describe('MFA_REQUIRED_ROLES', () => {
  it('defaults to admin, security and auditor, keeping only roles this build has', () => {
    // 'security' counts once the role exists (it is added on another branch).
    expect([...mfaRequiredRoles({})].sort()).toEqual(ROLES.filter((r) => ['admin', 'security', 'auditor'].includes(r)).sort());
    expect(mfaRequiredRoles({}).has('admin')).toBe(true);
  });

  it('ignores unknown names with a warning, and an empty list requires no role', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect([...mfaRequiredRoles({ MFA_REQUIRED_ROLES: ' Leader , boss,admin' })].sort()).toEqual(['admin', 'leader']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"boss"'));
    warn.mockRestore();
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: '' }).size).toBe(0);
  });
});
