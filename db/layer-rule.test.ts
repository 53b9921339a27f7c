// db/ is the bottom layer (README, folder table): the lint rule that keeps it so refuses an
// import of a service, a page or a component, and lets the pure engine's types through.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const lint = async (source: string) => {
  const [result] = await new ESLint().lintText(source, { filePath: 'db/queries/example.ts' });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
};

describe('db/ imports no service, page or component', () => {
  it('refuses lib/, app/ and components/ (relative or @/), allows lib/scoring and db/ itself', async () => {
    expect(await lint("import { appendAudit } from '../../lib/audit/log';\nexport const a = appendAudit;\n")).toBe(1);
    expect(await lint("import { appendAudit } from '@/lib/audit/log';\nexport const a = appendAudit;\n")).toBe(1);
    expect(await lint("import { run } from '../../app/admin/users/actions';\nexport const a = run;\n")).toBe(1);
    expect(await lint("import { AppLink } from '@/components/app-link';\nexport const a = AppLink;\n")).toBe(1);
    expect(await lint("import type { Scheme } from '../../lib/scoring';\nexport type A = Scheme;\n")).toBe(0);
    expect(await lint("import { periods } from '../schema';\nexport const a = periods;\n")).toBe(0);
  }, 120_000);
});
