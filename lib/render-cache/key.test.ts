import { describe, expect, it } from 'vitest';
import { renderKey, type RenderKeyParts } from './key';

const base: RenderKeyParts = {
  viewer: { principal: { kind: 'user', id: 7, username: 'leader', role: 'leader', departmentCode: null }, displayName: '王领导' },
  locale: 'zh-CN',
  url: '/rankings?page=2',
  headers: new Headers({ cookie: 'a=1', 'user-agent': 'x' }),
  stamp: '["2026-Q3@abc"]',
};

describe('renderKey', () => {
  it('is the same for the same reader, URL, navigation state and data, whatever else the request carries', () => {
    expect(renderKey({ ...base, headers: new Headers({ cookie: 'b=2', 'accept-language': 'en' }) })).toBe(renderKey(base));
  });

  it('differs when anything the page renders from differs', () => {
    const variants: RenderKeyParts[] = [
      { ...base, viewer: { ...base.viewer, displayName: '李领导' } },
      { ...base, viewer: { ...base.viewer, principal: { ...base.viewer.principal, id: 8 } } },
      { ...base, viewer: { ...base.viewer, principal: { ...base.viewer.principal, role: 'department', departmentCode: 'GAT' } } },
      { ...base, locale: 'en' },
      { ...base, url: '/rankings?page=3' },
      { ...base, headers: new Headers({ rsc: '1' }) },
      { ...base, headers: new Headers({ rsc: '1', 'next-router-state-tree': '%5B%5D' }) },
      { ...base, stamp: '["2026-Q3@abd"]' },
    ];
    const keys = new Set([renderKey(base), ...variants.map(renderKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});
