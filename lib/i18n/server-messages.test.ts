import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fill } from './index';
import { localizeServerMessage } from './server-messages';
import { zhCN } from './zh-CN';

type Node = { [key: string]: unknown };
const strings = (node: Node, path: string[] = []): Array<[string, string]> =>
  Object.entries(node).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[[...path, key].join('.'), value]] : value && typeof value === 'object' && !Array.isArray(value) ? strings(value as Node, [...path, key]) : [],
  );
const zh = new Map(strings(zhCN as unknown as Node));
const english = new Map(strings(en as unknown as Node));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const sample = (text: string) => Object.fromEntries(placeholders(text).map((name, i) => [name, `v${i}x`]));

describe('localizeServerMessage', () => {
  it('writes every zh-CN template with values again from the English template with the same values', () => {
    const wrong: string[] = [];
    for (const [path, text] of zh) {
      if (!placeholders(text).length || text.replace(/\{\w+\}/g, '').length < 2) continue;
      const values = sample(text);
      const got = localizeServerMessage(fill(text, values), 'en');
      // The same Chinese text (placeholder names aside) may sit at several paths; any of their English texts will do.
      const shape = (t: string) => t.replace(/\{\w+\}/g, '{}');
      const accepted = [...zh].filter(([, t]) => shape(t) === shape(text)).map(([p, t]) => fill(english.get(p)!, sample(t)));
      if (!accepted.includes(got)) wrong.push(`${path}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes the fixed messages in English too', () => {
    expect(localizeServerMessage(zhCN.errors.generic, 'en')).toBe(en.errors.generic);
    expect(localizeServerMessage(fill(zhCN.appeals.errors.unknownIndicator, { indicator: 'q_timeliness' }), 'en')).toBe(fill(en.appeals.errors.unknownIndicator, { indicator: 'q_timeliness' }));
  });

  it('writes a message inside a message again too', () => {
    const inner = fill(zhCN.ingest.errors.badJson, { reason: 'Unexpected token' });
    const outer = fill(zhCN.ingest.errors.badCsv, { row: 3, reason: inner });
    expect(localizeServerMessage(outer, 'en')).toBe(fill(en.ingest.errors.badCsv, { row: 3, reason: fill(en.ingest.errors.badJson, { reason: 'Unexpected token' }) }));
  });

  it('leaves zh-CN alone, and a message no template made as it is', () => {
    const message = fill(zhCN.appeals.errors.unknownIndicator, { indicator: 'x' });
    expect(localizeServerMessage(message, 'zh-CN')).toBe(message);
    expect(localizeServerMessage('duplicate key value violates unique constraint', 'en')).toBe('duplicate key value violates unique constraint');
  });
});
