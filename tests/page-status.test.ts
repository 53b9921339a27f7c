// A page refused by role alone answers with the status 403, not a 200 with the 403 page
// streamed into it (Cache Components, docs/security.md): proxy.ts decides from the session
// (lib/auth/page-access.ts) and the page still renders and audits its refusal. A session
// that has ended, a user who must first enrol a second factor, a client navigation (RSC)
// and a page that depends on the department asked for are left to the page.
import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { pageAction, ROLE_GATED_PAGES } from '@/lib/auth/page-access';
import { proxy } from '@/proxy';
import { createTestUser, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const call = (pathname: string, headers: Record<string, string>) => proxy(new NextRequest(new URL(pathname, 'http://localhost:3000'), { headers }));
const passedOn = (res: Response) => res.headers.get('x-middleware-next') === '1';

describe('the pages refused by role alone', () => {
  it.each(ROLE_GATED_PAGES.map(([p, action]) => [p, action]))('%s asks guardPage for %s, as the proxy does', (page, action) => {
    const source = fs.readFileSync(path.join('app', page, 'page.tsx'), 'utf8');
    expect(source).toMatch(new RegExp(`guardPage\\([^;]*'${action}'\\)`));
  });

  it('finds a page by its path, with or without a trailing slash, and no other', () => {
    expect(pageAction('/audit')).toBe('audit:read');
    expect(pageAction('/admin/users/')).toBe('users:manage');
    expect(pageAction('/me')).toBeNull();
    expect(pageAction('/departments/GAT')).toBeNull();
    expect(pageAction('/admin/ingest')).toBeNull();
  });
});

describe('proxy.ts gives a refused page the status 403', () => {
  it('for a role without the permission; passes the allowed, an ended session, an RSC request and a department page on', async () => {
    const leader = await createTestUser(database, 'leader');
    const leaderCookie = await sessionCookie(database, leader);
    const refused = await call('/audit', { cookie: leaderCookie });
    expect(refused.status).toBe(403);
    expect(passedOn(refused)).toBe(true); // the page still renders its 403 page and audits it
    expect((await call('/admin/users', { cookie: leaderCookie })).status).toBe(403);
    const security = await sessionCookie(database, await createTestUser(database, 'security', { totp: true }));
    expect((await call('/rankings', { cookie: security })).status).toBe(403);

    const allowed = await call('/rankings', { cookie: leaderCookie });
    expect(allowed.status).toBe(200);
    expect(passedOn(allowed)).toBe(true);
    const auditor = await sessionCookie(database, await createTestUser(database, 'auditor', { totp: true }));
    expect((await call('/audit', { cookie: auditor })).status).toBe(200);

    expect((await call('/audit', { cookie: leaderCookie, rsc: '1' })).status).toBe(200); // the client router shows the streamed 403 page
    const officer = await sessionCookie(database, await createTestUser(database, 'department', { department: 'GAT' }));
    expect((await call('/departments/TJJ', { cookie: officer })).status).toBe(200); // the page decides by department

    await database.query('update sessions set ended_at = now(), end_reason = $2 where user_id = $1', [leader.id, 'ended_by_security']);
    const ended = await call('/audit', { cookie: leaderCookie });
    expect(ended.status).toBe(200); // the page sends an ended session to sign-in
    expect(passedOn(ended)).toBe(true);
  });

  it('leaves a user who must enrol a second factor to the page (which sends them to enrol)', async () => {
    const admin = await sessionCookie(database, await createTestUser(database, 'admin', { totp: false }));
    expect((await call('/audit', { cookie: admin })).status).toBe(200);
  });
});
