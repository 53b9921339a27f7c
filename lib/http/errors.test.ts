import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { actionError } from '../edge/action';
import { handle } from '../edge/route';
import { fill, messages } from '../i18n';
import { badRequest, conflict, keyed, periodLocked } from './errors';

const en = { locale: 'en' as const, t: messages('en') };
const zh = { locale: 'zh-CN' as const, t: messages('zh-CN') };
const request = (headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/scores?period=x', { headers });

describe('an error raised with a key', () => {
  it('answers the API in zh-CN by default, and in English when the caller asks for it', async () => {
    const route = handle(async (_request: Request) => {
      throw badRequest('cycle.errors.badPeriod', { period: '2026-13' });
    });
    const zhAnswer = await route(request());
    expect(zhAnswer.status).toBe(400);
    expect(await zhAnswer.json()).toEqual({ error: 'bad_request', message: fill(zh.t.cycle.errors.badPeriod, { period: '2026-13' }) });
    const byCookie = await route(request({ cookie: 'lang=en' }));
    expect(await byCookie.json()).toEqual({ error: 'bad_request', message: fill(en.t.cycle.errors.badPeriod, { period: '2026-13' }) });
    const byHeader = await route(request({ 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' }));
    expect((await byHeader.json()).message).toBe(fill(en.t.cycle.errors.badPeriod, { period: '2026-13' }));
  });

  it('writes a validation issue that carries a key in the reader’s language, zod’s own with its path', async () => {
    const schema = z.object({ period: z.string().refine(() => false, keyed('cycle.errors.badPeriod', { period: 'x' })), days: z.number() });
    const route = handle(async (_request: Request) => Response.json(schema.parse({ period: 'x', days: 'many' })));
    const body = await (await route(request({ cookie: 'lang=en' }))).json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toContain(fill(en.t.cycle.errors.badPeriod, { period: 'x' }));
    expect(body.message).toMatch(/^.*; days: /);
    expect(body.message).not.toMatch(/\p{Script=Han}/u);
  });

  it('shows a server action’s error in the reader’s language; the Error’s own message stays zh-CN for the logs', () => {
    const taken = conflict('adminUsers.errors.usernameTaken', { username: 'wang' });
    expect(actionError(taken, en)).toEqual({ error: 'The username wang is taken' });
    expect(actionError(taken, zh)).toEqual({ error: '用户名 wang 已存在' });
    expect(taken.message).toBe('用户名 wang 已存在');
    expect(actionError(periodLocked('2026-Q3'), en).error).toBe(fill(en.t.api.periodLocked, { period: '2026-Q3' }));
  });

  it('writes messages inside messages and lists of them in the reader’s language', () => {
    const nested = badRequest('ingest.errors.badCsv', { row: 3, reason: { key: 'ingest.errors.badJsonShape' } });
    expect(nested.text('en')).toBe(fill(en.t.ingest.errors.badCsv, { row: 3, reason: en.t.ingest.errors.badJsonShape }));
    const list = badRequest('serverErrors.list', { items: [{ key: 'adminUsers.errors.passwordTooShort' }, { key: 'adminUsers.errors.passwordClasses' }] });
    expect(actionError(list, en).error).toBe([en.t.adminUsers.errors.passwordTooShort, en.t.adminUsers.errors.passwordClasses].join('; '));
    expect(list.message).toBe([zh.t.adminUsers.errors.passwordTooShort, zh.t.adminUsers.errors.passwordClasses].join('；'));
  });

  it('shows anything not ours as the generic message, and logs it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(actionError(new Error('connection reset'), en)).toEqual({ error: en.t.errors.generic });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
