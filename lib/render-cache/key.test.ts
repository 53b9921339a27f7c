import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/session-token';
import { renderKey, viewKey, type ViewParts } from './key';

const view: ViewParts = { userId: 7, locale: 'zh-CN', url: '/rankings?page=2', headers: new Headers({ cookie: 'a=1', 'user-agent': 'x' }) };
const viewer: SignedInUser = { principal: { kind: 'user', id: 7, username: 'leader', role: 'leader', departmentCode: null }, displayName: '王领导', sessionId: 'session-of-leader-0001' };

describe('viewKey', () => {
  it('is the same for the same user, locale, URL and navigation state, whatever else the request carries', () => {
    expect(viewKey({ ...view, headers: new Headers({ cookie: 'b=2', 'accept-language': 'en' }) })).toBe(viewKey(view));
  });

  it('differs for another user, locale, URL or navigation state', () => {
    const variants: ViewParts[] = [
      { ...view, userId: 8 },
      { ...view, locale: 'en' },
      { ...view, url: '/rankings?page=3' },
      { ...view, headers: new Headers({ rsc: '1' }) },
      { ...view, headers: new Headers({ rsc: '1', 'next-router-state-tree': '%5B%5D' }) },
    ];
    expect(new Set([viewKey(view), ...variants.map(viewKey)]).size).toBe(variants.length + 1);
  });
});

describe('renderKey', () => {
  it('differs when the view, the user as the database has them, or the data differ', () => {
    const base = { view: viewKey(view), viewer, stamp: '["2026-Q3@abc"]' };
    const variants = [
      { ...base, view: viewKey({ ...view, locale: 'en' }) },
      { ...base, viewer: { ...viewer, displayName: '李领导' } },
      { ...base, viewer: { ...viewer, principal: { ...viewer.principal, role: 'auditor' as const } } },
      { ...base, stamp: '["2026-Q3@abd"]' },
    ];
    expect(renderKey({ ...base })).toBe(renderKey(base));
    expect(new Set([renderKey(base), ...variants.map(renderKey)]).size).toBe(variants.length + 1);
  });
});
