import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { en } from './en';
import { fill, parseLocale } from './index';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogs', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const k of keys(en)) expect(k.split('.').reduce((o: never, p) => o[p], en as never)).not.toBe('');
  });
  it('defaults to Chinese for anything but en', () => {
    expect(parseLocale(undefined)).toBe('zh-CN');
    expect(parseLocale('fr')).toBe('zh-CN');
    expect(parseLocale('en')).toBe('en');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('预计可提高 {points} 分', { points: '3.2' })).toBe('预计可提高 3.2 分');
    expect(fill('{a}{b}', { a: 1 })).toBe('1{b}');
  });
});
