import { describe, expect, it } from 'vitest';
import { checkpointKey, checkpointSigned, checkpointText, parseCheckpoint, signCheckpoint } from './checkpoint';

const key = Buffer.from('unit-test-checkpoint-key-0123456789');
const cp = signCheckpoint({ at: new Date('2026-12-02T06:00:00Z'), entryCount: 42, headId: 97, headHash: 'sha256:abc' }, key);

describe('signed checkpoints', () => {
  it('verify under their key, survive the file round trip, and fail for any changed field or another key', () => {
    expect(checkpointSigned(cp, key)).toBe(true);
    expect(checkpointSigned(parseCheckpoint(checkpointText(cp)), key)).toBe(true);
    for (const changed of [{ entryCount: 41 }, { headId: 96 }, { headHash: 'sha256:abd' }, { at: new Date('2026-12-02T06:00:01Z') }]) {
      expect(checkpointSigned({ ...cp, ...changed }, key)).toBe(false);
    }
    expect(checkpointSigned(cp, Buffer.from('another-key-another-key-another-key'))).toBe(false);
  });

  it('derive their key from AUTH_SECRET under a label of their own unless AUDIT_CHECKPOINT_KEY is set', () => {
    const secret = 's'.repeat(40);
    const derived = checkpointKey({ AUTH_SECRET: secret });
    expect(derived).toEqual(checkpointKey({ AUTH_SECRET: secret }));
    expect(derived.equals(Buffer.from(secret))).toBe(false);
    expect(derived.equals(checkpointKey({ AUTH_SECRET: 't'.repeat(40) }))).toBe(false);
    expect(checkpointKey({ AUTH_SECRET: secret, AUDIT_CHECKPOINT_KEY: 'k'.repeat(32) })).toEqual(Buffer.from('k'.repeat(32)));
  });

  it('refuses a file that is not a checkpoint', () => {
    expect(() => parseCheckpoint('nonsense')).toThrow(/not JSON/);
    expect(() => parseCheckpoint(JSON.stringify({ ...JSON.parse(checkpointText(cp)), headId: -1 }))).toThrow(/headId/);
  });
});
