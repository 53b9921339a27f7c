// The access matrix (issue #4): every page and API route × every caller × own/other
// department → the outcome in tests/support/access-table.ts. Routes are found on disk, so
// a new page or route handler without an entry fails here. Route handlers are called
// directly with a session cookie or bearer token; pages are checked through the guard
// decision they ask for (and their source is checked to ask for it).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { pageDecision } from '@/lib/auth/guard';
import { ROLES, type Principal, type Role, type Scope } from '@/lib/auth/principal';
import { isPublicPath } from '@/proxy';
import { ACCESS_TABLE, CALLERS, OTHER, OWN, PERIOD, type AccessEntry, type ApiEntry, type ApiOutcome, type Caller, type Cell, type Fixture, type Outcome, type PageEntry } from './support/access-table';
import { createTestToken, createTestUser, ensureDepartment, principalOf, requestAs, sessionCookie, type Credentials } from './support/auth';
import { useTestDatabase } from './support/db';

const APP = path.resolve('app');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface RouteFile {
  kind: 'page' | 'api';
  path: string;
  file: string;
}

/** app/**\/page.tsx and app/**\/route.ts as URL paths, route groups and parallel slots removed. */
function discoverRoutes(dir = APP): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...discoverRoutes(full));
    else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
      found.push({ kind: entry.name.startsWith('page') ? 'page' : 'api', path: '/' + segments.join('/'), file: full });
    }
  }
  return found;
}

const routes = discoverRoutes();
const pages = ACCESS_TABLE.filter((e): e is PageEntry => e.kind === 'page');
const apis = ACCESS_TABLE.filter((e): e is ApiEntry => e.kind === 'api');
const fileOf = (e: AccessEntry) => routes.find((r) => r.kind === e.kind && r.path === e.path)?.file;
const concrete = (p: string) => p.replace(/\[\.\.\.(\w+)\]/g, 'x').replace(/\[(\w+)\]/g, OWN);

describe('the access table covers every route on disk', () => {
  it('has an entry for every page and route file, and no entry without a file', () => {
    const missing = routes.filter((r) => !ACCESS_TABLE.some((e) => e.kind === r.kind && e.path === r.path)).map((r) => `${r.kind} ${r.path}`);
    expect(missing, 'add these to tests/support/access-table.ts').toEqual([]);
    const stale = ACCESS_TABLE.filter((e) => !fileOf(e)).map((e) => `${e.kind} ${e.path}`);
    expect(stale, 'these entries name no file under app/').toEqual([]);
  });

  it('has an entry for every HTTP method each route file exports', async () => {
    const missing: string[] = [];
    for (const route of routes.filter((r) => r.kind === 'api')) {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const entry = apis.some((e) => e.path === route.path && e.method === method);
        if (typeof mod[method] === 'function' && !entry) missing.push(`${method} ${route.path}`);
        if (typeof mod[method] !== 'function' && entry) missing.push(`${method} ${route.path} is in the table but not exported`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists every caller for every entry', () => {
    for (const e of ACCESS_TABLE) expect(Object.keys(e.expect).sort(), `${e.kind} ${e.path}`).toEqual([...CALLERS].sort());
  });
});

// ── callers ──────────────────────────────────────────────────────────────
const tokenScope = (caller: Caller) => caller.slice('token:'.length).replace(/@own$/, '') as Scope;
const tokenBound = (caller: Caller) => caller.endsWith('@own');
const cellFor = <T extends Outcome>(cell: Cell<T>, department: string): T => (typeof cell === 'object' ? (department === OWN ? cell.own : cell.other) : cell);
const label = (caller: Caller, scoped: boolean | undefined, department: string) => `${caller}${scoped ? ` · ${department === OWN ? 'own' : 'other'} department` : ''}`;

function pagePrincipal(caller: Caller): Principal | null {
  if (caller === 'anonymous') return null;
  if (caller.startsWith('token:')) return { kind: 'token', id: 1, name: caller, scopes: [tokenScope(caller)], departmentCode: tokenBound(caller) ? OWN : null };
  const role = caller as Role;
  return { kind: 'user', id: 1, username: role, role, departmentCode: role === 'department' ? OWN : null };
}

// ── pages ────────────────────────────────────────────────────────────────
const toOutcome = { allow: 200, forbidden: 403, signin: 'login' } as const;

describe('pages', () => {
  for (const entry of pages) {
    describe(entry.path, () => {
      const source = () => fs.readFileSync(fileOf(entry)!, 'utf8');

      if (entry.guard === 'public') {
        it('is public in proxy.ts and shown to everyone', () => {
          expect(isPublicPath(concrete(entry.path))).toBe(true);
          expect(Object.values(entry.expect).every((o) => o === 200)).toBe(true);
        });
        return;
      }

      it('is not public in proxy.ts', () => {
        expect(isPublicPath(concrete(entry.path))).toBe(false);
      });

      if (entry.guard === 'redirect-only') {
        it('sends the signed-out (and tokens) to /login and every role elsewhere', () => {
          expect(source()).toMatch(/redirect\(\s*['"]\/login['"]\s*\)/);
          for (const caller of CALLERS) {
            const user = pagePrincipal(caller)?.kind === 'user';
            expect(entry.expect[caller], caller).toBe(user ? 'redirect' : 'login');
          }
        });
        return;
      }

      const guard = entry.guard;
      it(`asks guardPage for ${guard.action ?? 'any signed-in user'}${guard.department ? ' with the department in its URL' : ''}`, () => {
        const literal = guard.action === null ? 'null' : `'${guard.action}'`;
        expect(source()).toMatch(new RegExp(`guardPage\\([^;]*,\\s*${literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's'));
        if (guard.department) expect(source()).toMatch(/guardPage\([^;]*\{\s*department:/s);
      });

      for (const caller of CALLERS) {
        for (const department of guard.department ? [OWN, OTHER] : [OWN]) {
          const expected = cellFor(entry.expect[caller], department);
          it(`${label(caller, guard.department, department)} → ${expected}`, () => {
            const decision = pageDecision(pagePrincipal(caller), guard.action, guard.department ? { department } : undefined);
            expect(toOutcome[decision]).toBe(expected);
          });
        }
      }
    });
  }
});

// ── API route handlers ───────────────────────────────────────────────────
let database: Database;
const credentials = new Map<Caller, Credentials>();
const fixture: Fixture = { incident: {}, appeal: {} };

beforeAll(async () => {
  database = await useTestDatabase();
  await database.query(`insert into periods (code, kind, starts_on, ends_on) values ($1, 'month', $2, $3) on conflict do nothing`, [PERIOD, `${PERIOD}-01`, `${PERIOD}-31`]);
  for (const code of [OWN, OTHER]) {
    await ensureDepartment(database, code);
    const [incident] = await database.query<{ id: number }>(
      `insert into incidents (department_code, occurred_on, kind, points, description, created_by) values ($1, $2, 'quality', 1, '测试事件', 'test') returning id`,
      [code, `${PERIOD}-05`],
    );
    const [appeal] = await database.query<{ id: number }>(`insert into appeals (period, department_code, reason, created_by) values ($1, $2, '测试申诉', 'test') returning id`, [PERIOD, code]);
    fixture.incident[code] = Number(incident.id);
    fixture.appeal[code] = Number(appeal.id);
  }
  credentials.set('anonymous', {});
  for (const role of ROLES) {
    const user = await createTestUser(database, role, { department: role === 'department' ? OWN : null });
    expect(principalOf(user).role).toBe(role);
    credentials.set(role, { cookie: await sessionCookie(database, user) });
  }
  for (const caller of CALLERS.filter((c) => c.startsWith('token:'))) {
    const { secret } = await createTestToken(database, [tokenScope(caller)], tokenBound(caller) ? OWN : null);
    credentials.set(caller, { bearer: secret });
  }
});
afterAll(() => database?.close());

function matches(expected: ApiOutcome, status: number): boolean {
  if (expected === 'ok') return status !== 401 && status !== 403 && status < 500;
  return status === expected;
}

describe('API route handlers', () => {
  for (const entry of apis) {
    describe(`${entry.method} ${entry.path}`, () => {
      if (entry.notCalled) {
        it(`is public in proxy.ts (not called here: ${entry.notCalled})`, () => {
          expect(isPublicPath(concrete(entry.path))).toBe(true);
        });
        return;
      }
      for (const caller of CALLERS) {
        for (const department of entry.department ? [OWN, OTHER] : [OWN]) {
          const expected = cellFor(entry.expect[caller], department);
          it(`${label(caller, entry.department, department)} → ${expected}`, async () => {
            const spec = entry.request({ department, fixture });
            const mod = (await import(/* @vite-ignore */ fileOf(entry)!)) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
            const request = requestAs(spec.url, credentials.get(caller), { method: entry.method, ...spec.init });
            const response = await mod[entry.method](request, { params: Promise.resolve(spec.params ?? {}) });
            const body = await response.text();
            expect(matches(expected, response.status), `${caller} ${entry.method} ${spec.url} → ${response.status} ${body.slice(0, 300)}`).toBe(true);
            if (response.status === 401 || response.status === 403) expect(JSON.parse(body)).toHaveProperty('error');
          });
        }
      }
    });
  }
});
