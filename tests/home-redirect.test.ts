// `/` sends each role to its landing page with a real HTTP redirect from proxy.ts (under
// Cache Components a page's own redirect would be streamed after a 200).
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { proxy } from '@/proxy';
import { createTestUser, sessionCookie } from './support/auth';
import { useTestDatabase } from './support/db';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

const home = (headers: Record<string, string> = {}) => proxy(new NextRequest(new URL('/', 'http://localhost:3000'), { headers }));

describe('the home page', () => {
  it.each([
    ['leader', {}, '/rankings'],
    ['auditor', {}, '/rankings'],
    ['security', {}, '/admin/users'],
    ['department', { department: 'GAT' }, '/me'],
  ] as const)('redirects a %s to %s', async (role, options, landing) => {
    await database.query(`insert into departments (code, name) values ('GAT', '公安厅') on conflict do nothing`);
    const cookie = await sessionCookie(database, await createTestUser(database, role, options));
    const response = await home({ cookie });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!).pathname).toBe(landing);
  });

  it('sends the signed-out to sign in', async () => {
    const response = await home();
    expect(new URL(response.headers.get('location')!).pathname).toBe('/login');
  });
});
