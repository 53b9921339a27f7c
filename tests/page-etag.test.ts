// A repeat view costs no rendering: proxy.ts gives /rankings and /departments/{code} a weak ETag over the build, the
// data stamp, the user, the locale, the URL and document-vs-RSC, and answers If-None-Match
// with 304 while it holds; no ETag while scores are being updated (the page must render).
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { etagMatches, pageEtag, type EtagParts } from '@/lib/http/page-etag';
import { proxy } from '@/proxy';
import { createTestUser, principalOf, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';
import { markStale } from './support/scores';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

describe('pageEtag', () => {
  const viewer = { principal: { kind: 'user' as const, id: 7, username: 'leader', role: 'leader' as const, departmentCode: null }, displayName: '领导', sessionId: 's1' };
  const base: EtagParts = { stamp: '12.x', viewer, sessionId: 's1', locale: 'zh-CN', url: '/rankings', headers: new Headers(), buildId: 'b1' };

  it('is weak, stable for the same rendering, and differs in every part a rendering depends on', () => {
    const etag = pageEtag(base);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(pageEtag({ ...base, headers: new Headers() })).toBe(etag);
    const variants: Partial<EtagParts>[] = [
      { buildId: 'b2' },
      { stamp: '13.x' },
      { viewer: { ...viewer, principal: { ...viewer.principal, id: 8 } } },
      { viewer: { ...viewer, principal: { ...viewer.principal, role: 'assessor' } } },
      { viewer: { ...viewer, principal: { ...viewer.principal, role: 'department', departmentCode: 'GAT' } } },
      { viewer: { ...viewer, displayName: '另一位', sessionId: 's1' } },
      { sessionId: 's2' },
      { locale: 'en' },
      { url: '/rankings?page=2' },
      { headers: new Headers({ rsc: '1' }) },
    ];
    for (const variant of variants) expect(pageEtag({ ...base, ...variant }), JSON.stringify(variant)).not.toBe(etag);
  });

  it('matches If-None-Match weakly, in a list, and *', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(null, 'W/"abc"')).toBe(false);
  });
});

describe('proxy.ts and repeat views', () => {
  const call = (path: string, headers: Record<string, string>) => proxy(new NextRequest(new URL(path, 'http://localhost:3000'), { headers }));

  it('answers a repeat view with 304 and no body, per user, until the data changes; no ETag while scores are being updated', async () => {
    await database.query(`insert into period_scores (period, scheme_id, input_hash, computed_at, summary) values ('2026-10', 0, 'x', now(), '{}'::jsonb)`);
    const leader = await sessionCookie(database, await createTestUser(database, 'leader'));
    const first = await call('/rankings', { cookie: leader });
    expect(first.headers.get('x-middleware-next')).toBe('1'); // rendered
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const repeat = await call('/rankings', { cookie: leader, 'if-none-match': etag });
    expect(repeat.status).toBe(304);
    expect(repeat.headers.get('x-middleware-next')).toBeNull();
    expect(await repeat.text()).toBe('');
    // An RSC request for the same URL is another representation.
    expect((await call('/rankings', { cookie: leader, rsc: '1', 'if-none-match': etag })).status).not.toBe(304);

    const officer = await createTestUser(database, 'department', { department: 'GAT' });
    const other = await call('/rankings', { cookie: await sessionCookie(database, officer), 'if-none-match': etag });
    expect(other.status).not.toBe(304);
    expect(other.headers.get('etag')).not.toBe(etag);
    expect(principalOf(officer).departmentCode).toBe('GAT');

    await markStale(database, ['2026-10']);
    const updating = await call('/rankings', { cookie: leader, 'if-none-match': etag });
    expect(updating.headers.get('x-middleware-next')).toBe('1');
    expect(updating.headers.get('etag')).toBeNull();

    await database.query(`update period_scores set generation = (select generation from score_generations where period = '2026-10'), computed_at = now() where period = '2026-10'`);
    const updated = await call('/rankings', { cookie: leader, 'if-none-match': etag });
    expect(updated.headers.get('x-middleware-next')).toBe('1');
    expect(updated.headers.get('etag')).not.toBe(etag);
  });

  it('answers a repeat view of a department’s page with 304 until the data changes — an appeal filed included', async () => {
    await database.query(`insert into departments (code, name) values ('GAT', '公安厅') on conflict do nothing`);
    await database.query(`insert into periods (code, kind, starts_on, ends_on) values ('2026-10', 'month', '2026-10-01', '2026-10-31') on conflict do nothing`);
    const leader = await sessionCookie(database, await createTestUser(database, 'leader'));
    const first = await call('/departments/GAT', { cookie: leader });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    expect((await call('/departments/GAT', { cookie: leader, 'if-none-match': etag })).status).toBe(304);
    expect((await call('/departments/MZT', { cookie: leader, 'if-none-match': etag })).status).not.toBe(304);
    await database.query(`insert into appeals (period, department_code, reason, created_by) values ('2026-10', 'GAT', '数据有误', 'gat')`);
    const filed = await call('/departments/GAT', { cookie: leader, 'if-none-match': etag });
    expect(filed.status).not.toBe(304);
    expect(filed.headers.get('etag')).not.toBe(etag);
    expect((await call('/departments/GAT/extra', { cookie: leader })).headers.get('etag')).toBeNull();
  });

  it('gives other pages and other methods no ETag', async () => {
    const leader = await sessionCookie(database, await createTestUser(database, 'leader'));
    expect((await call('/me', { cookie: leader })).headers.get('etag')).toBeNull();
  });
});
