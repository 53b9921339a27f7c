// The services write their messages in zh-CN, from the zh-CN catalog's templates: that is
// the API's language (CONTRACT.md §3), and the audit log's. A page that shows one of those
// messages to a reader in another language writes it again from the same template in the
// reader's catalog, with the values read back out of the Chinese text. Several messages
// joined with "；" are written again one by one; a message no template produced (a
// database error) is shown as it is.
import { fill, messages, type Locale } from './index';
import { zhCN } from './zh-CN';

interface Template {
  path: string[];
  pattern: RegExp;
  names: string[];
  /** Characters outside placeholders: the more, the more specific the template. */
  literal: number;
}

type Catalog = { [key: string]: string | Catalog | readonly unknown[] };

function leaves(node: Catalog, path: string[] = []): Array<[string[], string]> {
  return Object.entries(node).flatMap(([key, value]): Array<[string[], string]> => {
    if (typeof value === 'string') return [[[...path, key], value]];
    if (value && typeof value === 'object' && !Array.isArray(value)) return leaves(value as Catalog, [...path, key]);
    return [];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile([path, text]: [string[], string]): Template {
  const names: string[] = [];
  const parts = text.split(/\{(\w+)\}/);
  const source = parts.map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : (names.push(part), '(.+?)'))).join('');
  return { path, pattern: new RegExp(`^${source}$`, 's'), names, literal: parts.filter((_, i) => i % 2 === 0).join('').length };
}

// Longest literal text first, so "部门编码 {code} 不存在" wins over "{reason}".
const templates = leaves(zhCN as unknown as Catalog)
  .map(compile)
  .filter((t) => t.literal >= 2)
  .sort((a, b) => b.literal - a.literal);

function at(catalog: Catalog, path: string[]): string | null {
  let node: Catalog | string | readonly unknown[] | undefined = catalog;
  for (const key of path) node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Catalog)[key] : undefined;
  return typeof node === 'string' ? node : null;
}

const JOINED = '；';

/** A service's zh-CN message in the reader's language; as it is when no template made it. */
export function localizeServerMessage(message: string, locale: Locale): string {
  if (locale === 'zh-CN') return message;
  const one = localizeOne(message, locale);
  if (one !== null || !message.includes(JOINED)) return one ?? message;
  return message
    .split(JOINED)
    .map((part) => localizeOne(part, locale) ?? part)
    .join('; ');
}

function localizeOne(message: string, locale: Locale): string | null {
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const target = at(messages(locale) as unknown as Catalog, template.path);
    if (target === null) return null;
    return fill(target, Object.fromEntries(template.names.map((name, i) => [name, localizeServerMessage(match[i + 1], locale)])));
  }
  return null;
}
