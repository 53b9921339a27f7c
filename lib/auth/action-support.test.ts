import { describe, expect, it, vi } from 'vitest';
import { conflict, periodLocked } from '../http/errors';
import { fill, messages } from '../i18n';
import { zhCN } from '../i18n/zh-CN';
import { actionError } from './action-support';
import { passwordProblems } from './passwords';
import { newUserSchema } from './users';

const en = { locale: 'en' as const, t: messages('en') };
const zh = { locale: 'zh-CN' as const, t: messages('zh-CN') };

describe('actionError', () => {
  it("shows a service's message in the reader's language", () => {
    const taken = conflict(fill(zhCN.adminUsers.errors.usernameTaken, { username: 'wang' }));
    expect(actionError(taken, en)).toEqual({ error: 'The username wang is taken' });
    expect(actionError(taken, zh)).toEqual({ error: '用户名 wang 已存在' });
    expect(actionError(periodLocked('2026-Q3'), en).error).toBe(fill(en.t.api.periodLocked, { period: '2026-Q3' }));
  });

  it('shows every validation problem in the reader’s language', () => {
    const parsed = newUserSchema.safeParse({ username: 'x', role: 'department', departmentCode: null, password: 'short' });
    expect(parsed.success).toBe(false);
    const { error } = actionError(parsed.error, en);
    expect(error).toContain(en.t.adminUsers.errors.usernameFormat);
    expect(error).toContain(en.t.adminUsers.errors.departmentRequired);
    expect(error).not.toMatch(/\p{Script=Han}/u);
  });

  it('joins several password problems, each in the reader’s language', () => {
    const joined = conflict(passwordProblems('short').join('；'));
    expect(actionError(joined, en).error).toBe([en.t.adminUsers.errors.passwordTooShort, en.t.adminUsers.errors.passwordClasses].join('; '));
  });

  it('shows anything else as the generic message, and logs it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(actionError(new Error('connection reset'), en)).toEqual({ error: en.t.errors.generic });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
