import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber } from './index';

describe('formatDateTime', () => {
  const instant = new Date('2026-11-26T16:05:06Z'); // 00:05:06 the next day in China

  it('shows the instant on the China clock, to the minute or to the second', () => {
    expect(formatDateTime('zh-CN', instant)).toBe('2026/11/27 00:05');
    expect(formatDateTime('zh-CN', instant, { seconds: true })).toBe('2026/11/27 00:05:06');
    expect(formatDateTime('en', instant, { seconds: true })).toBe('11/27/2026, 00:05:06');
  });

  it('shows a fallback for no time', () => {
    expect(formatDateTime('zh-CN', null)).toBe('—');
    expect(formatDateTime('zh-CN', null, { fallback: '从未' })).toBe('从未');
  });
});

describe('formatNumber', () => {
  it('rounds to the digits asked for, in the locale’s conventions', () => {
    expect(formatNumber('zh-CN', 1234.56, 1)).toBe('1,234.6');
    expect(formatNumber('en', 3, 2)).toBe('3.00');
  });
});
