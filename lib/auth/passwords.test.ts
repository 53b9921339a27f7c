import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords';

describe('password policy', () => {
  it('needs 10 characters and three character classes', () => {
    expect(passwordProblems('Short1!')).toContain('adminUsers.errors.passwordTooShort');
    expect(passwordProblems('alllowercaseletters')).toHaveLength(1);
    expect(passwordProblems('lowerUPPER12')).toEqual([]);
    expect(passwordProblems('lower-1234567')).toEqual([]);
  });
  it('generated passwords meet it', () => {
    for (let i = 0; i < 20; i++) expect(passwordProblems(generatePassword())).toEqual([]);
  });
  it('hashes with bcrypt and verifies only the right password', async () => {
    const hash = await hashPassword('Correct-horse-1');
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyPassword('Correct-horse-1', hash)).toBe(true);
    expect(await verifyPassword('wrong-horse-1', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});
