// The integrity pieces as HTML: the badge (count, severity, link, words), the evidence as a
// sentence with a share bar or the spike against the history, and the appeal form's flag field.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/i18n';
import { AppealFlagField } from './appeal-flag-field';
import { FlagBadge } from './flag-badge';
import { FlagEvidence } from './flag-evidence';

const t = messages('zh-CN').integrity;
const html = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el);

describe('integrity components', () => {
  it('shows a badge with the count, the highest severity and a link to the flags, or nothing', () => {
    const out = html(createElement(FlagBadge, { badge: { count: 2, severity: 'high', href: '/integrity?period=2026-11&department=GAT', label: '2 条真实性提示', title: '数据真实性提示（最高：严重）' } }));
    expect(out).toContain('href="/integrity?period=2026-11&amp;department=GAT"');
    expect(out).toContain('aria-label="2 条真实性提示"');
    expect(out).toContain('data-integrity-badge="high"');
    expect(out).toMatch(/⚑ (<!-- -->)?2<\/a>/);
    expect(html(createElement(FlagBadge, { badge: null }))).toBe('');
  });

  it('draws a share as a bar with its percentage', () => {
    const flag = { kind: 'consumer_concentration', evidence: { partner: 'C1', share: 0.9, numerator: 900, denominator: 1000 } };
    const out = html(createElement(FlagEvidence, { flag, message: 'C1 一家占…', locale: 'zh-CN', t }));
    expect(out).toContain('C1 一家占…');
    expect(out).toContain('width:90%');
    expect(out).toContain('占比 90%');
  });

  it('draws a spike against the department’s own months, readable as text', () => {
    const flag = { kind: 'call_spike', evidence: { month: '2026-11', calls: 2000, history: [{ month: '2026-09', calls: 1000 }, { month: '2026-10', calls: 500 }] } };
    const out = html(createElement(FlagEvidence, { flag, message: 'spike', locale: 'zh-CN', t }));
    expect(out).toContain('2026-09: 1,000, 2026-10: 500, 2026-11: 2,000');
    expect(out).toContain('height:16px'); // 1,000 of the 2,000 maximum on 32 px
    expect(out).toContain('height:32px');
  });

  it('offers the department’s flags in the appeal form, and nothing without any', () => {
    const out = html(createElement(AppealFlagField, { locale: 'zh-CN', flags: ['consumer_concentration'] }));
    expect(out).toContain('name="flag"');
    expect(out).toContain('<option value="consumer_concentration">使用方过度集中</option>');
    expect(html(createElement(AppealFlagField, { locale: 'zh-CN', flags: [] }))).toBe('');
  });
});
