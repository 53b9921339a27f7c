// THE access table: every page and API route × every caller × own/other department →
// the expected outcome. tests/access-matrix.test.ts finds the routes on disk
// (app/**/page.tsx, app/**/route.ts) and fails for any route, or exported HTTP method,
// without a row here: a new route cannot ship unprotected by accident.
//
// Columns (the callers), in this order:
//   anon                        not signed in
//   adm lead asse dept audi secu  a signed-in user of each role; dept belongs to OWN
//   m e l r x                   an API token with one scope: metrics:write, events:write, ledger:write, scores:read, scores:export
//   m@ e@ l@ r@ x@              the same scopes, bound to department OWN
// Cells:
//   pages: 200 shown · 403 the forbidden page · login sent to /login · redirect sent elsewhere
//   API:   an exact status, or ok = let through (not 401/403 and no 5xx: what follows is the handler's business)
//   own/other (e.g. ok/403): the route names a department; the first is for OWN, the second for another one.
//
// Adding a route: copy the nearest row and fill in every column. Pages also state the
// action they pass to guardPage (the test checks the page's source asks for exactly that).
import type { Action } from '@/lib/auth/permissions';
import { ROLES, SCOPES, type Role, type Scope } from '@/lib/auth/principal';

export const OWN = 'OWN';
export const OTHER = 'OTHER';
export const PERIOD = '2026-01';

export type Caller = 'anonymous' | Role | `token:${Scope}` | `token:${Scope}@own`;
export const CALLERS: Caller[] = [
  'anonymous',
  ...ROLES,
  ...SCOPES.map((s) => `token:${s}` as const),
  ...SCOPES.map((s) => `token:${s}@own` as const),
];
// The column order of the rows below (ROLES is admin, leader, assessor, department, auditor, security).
const COLUMNS: Caller[] = CALLERS;

export type PageOutcome = 200 | 403 | 'login' | 'redirect';
export type ApiOutcome = 'ok' | 200 | 201 | 401 | 403 | 404;
export type Outcome = PageOutcome | ApiOutcome;
export type Cell<T extends Outcome = Outcome> = T | { own: T; other: T };

/** Ids of rows the fixture creates in each department (for routes keyed by an id). */
export interface Fixture {
  incident: Record<string, number>;
  appeal: Record<string, number>;
}

export interface RequestSpec {
  url: string;
  init?: RequestInit;
  params?: Record<string, string | string[]>;
}

export interface PageEntry {
  kind: 'page';
  path: string; // as on disk, route groups removed: /departments/[code]
  /** What the page asks guardPage; 'public' is /login; 'redirect-only' pages render nothing. */
  guard: { action: Action | null; department?: boolean } | 'public' | 'redirect-only';
  expect: Record<Caller, Cell<PageOutcome>>;
}

export interface ApiEntry {
  kind: 'api';
  path: string; // /api/v1/scores/[department]
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Set when calling the handler here is not meaningful; say why and where it is tested. */
  notCalled?: string;
  /** The request names a department (URL, query, body or a row's id): tried with OWN and OTHER. */
  department?: boolean;
  request: (ctx: { department: string; fixture: Fixture }) => RequestSpec;
  expect: Record<Caller, Cell<ApiOutcome>>;
}

export type AccessEntry = PageEntry | ApiEntry;

function parseCell(text: string): Cell {
  const one = (t: string): Outcome => (/^\d+$/.test(t) ? (Number(t) as Outcome) : (t as Outcome));
  const [own, other] = text.split('/');
  return other === undefined ? one(own) : { own: one(own), other: one(other) };
}

/** '401 ok ok … | …' → one cell per caller; '|' is only for the eye. */
export function parseRow(row: string): Record<Caller, Cell> {
  const cells = row.split(/[\s|]+/).filter(Boolean);
  if (cells.length !== COLUMNS.length) throw new Error(`an access row needs ${COLUMNS.length} cells, got ${cells.length}: ${row}`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, parseCell(cells[i])])) as Record<Caller, Cell>;
}

const page = (path: string, guard: PageEntry['guard'], row: string): PageEntry => ({ kind: 'page', path, guard, expect: parseRow(row) as PageEntry['expect'] });
const api = (method: ApiEntry['method'], path: string, request: ApiEntry['request'], row: string, options: Pick<ApiEntry, 'department' | 'notCalled'> = {}): ApiEntry => ({
  kind: 'api', method, path, request, expect: parseRow(row) as ApiEntry['expect'], ...options,
});
const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const NO_TOKENS = 'login login login login login | login login login login login'; // tokens never open pages

export const ACCESS_TABLE: AccessEntry[] = [
  // ── pages ────────────────────────────── anon   adm  lead asse dept    audi secu | tokens
  page('/login', 'public',                   '200   | 200  200  200  200     200  200 | 200 200 200 200 200 | 200 200 200 200 200'),
  // The API's description: public like the document it renders (it holds no data).
  page('/api-docs', 'public',                '200   | 200  200  200  200     200  200 | 200 200 200 200 200 | 200 200 200 200 200'),
  page('/', 'redirect-only',                 `login | redirect redirect redirect redirect redirect redirect | ${NO_TOKENS}`),
  page('/rankings', { action: 'scores:read' },                    `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  page('/methodology', { action: 'scores:read' },                 `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  page('/flows', { action: 'flows:read' },                        `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  // The whole catalog is shared information; /requests shows a department the rows it is a party to (lib/ledgers/views.ts).
  page('/catalog', { action: 'ledgers:view' },                    `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  page('/requests', { action: 'ledgers:view' },                   `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  page('/me', { action: null },                                   `login | 200 200 200 200     200 200 | ${NO_TOKENS}`),
  // Everyone's own sessions; whose session may be ended is the service's check (tests/auth-sessions-admin.test.ts).
  page('/account/sessions', { action: null },                     `login | 200 200 200 200     200 200 | ${NO_TOKENS}`),
  page('/account/security', { action: null },                     `login | 200 200 200 200     200 200 | ${NO_TOKENS}`),
  page('/departments/[code]', { action: 'scores:detail', department: true },
                                                                  `login | 200 200 200 200/403 200 403 | ${NO_TOKENS}`),
  // Every department's flags for admins, leaders and auditors; a department its own, its code in the URL.
  page('/integrity', { action: 'integrity:read', department: true }, `login | 200 200 403 200/403 200 403 | ${NO_TOKENS}`),
  page('/assessment', { action: 'periods:read' },                 `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  page('/audit', { action: 'audit:read' },                        `login | 403 403 403 403     200 403 | ${NO_TOKENS}`),
  page('/admin', { action: 'admin:view' },                        `login | 200 403 403 403     403 403 | ${NO_TOKENS}`),
  page('/admin/users', { action: 'users:manage' },                `login | 403 403 403 403     403 200 | ${NO_TOKENS}`),
  page('/admin/tokens', { action: 'tokens:manage' },              `login | 403 403 403 403     403 200 | ${NO_TOKENS}`),
  page('/admin/departments', { action: 'departments:manage' },    `login | 200 403 403 403     403 403 | ${NO_TOKENS}`),
  page('/admin/periods', { action: 'periods:manage' },            `login | 200 403 403 403     403 403 | ${NO_TOKENS}`),
  page('/admin/appeals', { action: 'appeals:decide' },            `login | 200 403 403 403     403 403 | ${NO_TOKENS}`),
  page('/admin/exemptions', { action: 'exemptions:decide' },      `login | 200 403 403 403     403 403 | ${NO_TOKENS}`),
  // Every role may read the scheme; only admins may change it (its server actions ask scheme:manage).
  page('/admin/scheme', { action: 'scheme:read' },                `login | 200 200 200 200     200 403 | ${NO_TOKENS}`),
  // The upload page is open to every signed-in user; what each may upload is checked per row.
  page('/admin/ingest', { action: null },                         `login | 200 200 200 200     200 200 | ${NO_TOKENS}`),

  // ── API ─────────────────────────────────────────────────────── anon | adm lead asse dept audi secu | m e l r x | m@ e@ l@ r@ x@
  api('GET', '/api/health', () => ({ url: '/api/health' }),        '200 | 200 200 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 200'),
  ...(['GET', 'POST'] as const).map((method) =>
    api(method, '/api/auth/[...nextauth]', () => ({ url: '/api/auth/session' }), 'ok | ok ok ok ok ok ok | ok ok ok ok ok | ok ok ok ok ok', {
      notCalled: "next-auth's own endpoints, public by design; sign-in, lockout, sessions and sign-out are tested in auth-signin and auth-session",
    }),
  ),
  api('GET', '/api/v1/openapi.json', () => ({ url: '/api/v1/openapi.json' }), '200 | 200 200 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 200'),
  api('GET', '/api/v1/periods', () => ({ url: '/api/v1/periods' }), '401 | ok ok ok ok ok 403 | 403 403 403 ok ok | 403 403 403 ok ok'),
  api('GET', '/api/v1/periods/[period]', () => ({ url: `/api/v1/periods/${PERIOD}`, params: { period: PERIOD } }),
                                                                   '401 | ok ok ok ok ok 403 | 403 403 403 ok ok | 403 403 403 ok ok'),
  api('POST', '/api/v1/periods/[period]/verify', () => ({ url: `/api/v1/periods/${PERIOD}/verify`, init: json({}), params: { period: PERIOD } }),
                                                                   '401 | ok ok ok ok ok 403 | 403 403 403 ok ok | 403 403 403 ok ok'),
  ...(['publish', 'withdraw', 'finalize'] as const).map((step) =>
    api('POST', `/api/v1/periods/[period]/${step}`, () => ({ url: `/api/v1/periods/${PERIOD}/${step}`, init: json(step === 'withdraw' ? { reason: '重新核算' } : {}), params: { period: PERIOD } }),
                                                                   '401 | ok 403 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 403'),
  ),
  api('GET', '/api/v1/scores', () => ({ url: `/api/v1/scores?period=${PERIOD}` }),
                                                                   '401 | ok ok ok ok ok 403 | 403 403 403 ok 403 | 403 403 403 ok 403'),
  api('GET', '/api/v1/scores/[department]', ({ department }) => ({ url: `/api/v1/scores/${department}?period=${PERIOD}`, params: { department } }),
                                                                   '401 | ok ok ok ok/403 ok 403 | 403 403 403 ok 403 | 403 403 403 ok/403 403', { department: true }),
  api('GET', '/api/v1/export', () => ({ url: `/api/v1/export?period=${PERIOD}&format=csv` }),
                                                                   '401 | ok 403 ok 403 ok 403 | 403 403 403 403 ok | 403 403 403 403 403'),
  api('POST', '/api/v1/metrics', ({ department }) => ({ url: '/api/v1/metrics', init: json({ rows: [{ department, period: PERIOD, indicator: 'completeness_rate', value: 0.9 }] }) }),
                                                                   '401 | ok 403 403 ok/403 403 403 | ok 403 403 403 403 | ok/403 403 403 403 403', { department: true }),
  api('POST', '/api/v1/events', ({ department }) => ({
    url: '/api/v1/events',
    init: json({ rows: [{ date: `${PERIOD}-15`, provider: department, consumer: department === OWN ? OTHER : OWN, resource: 'population', calls: 10 }] }),
    // Only the exchange platform's unbound token writes events (docs/security.md, "API tokens"): no role, no bound token.
  }),                                                              '401 | 403 403 403 403 403 403 | 403 ok 403 403 403 | 403 403 403 403 403', { department: true }),
  // The ledgers, like events, come only from the platform's unbound token (ledger:write): no role, no bound token.
  ...([
    ['catalog', { resource: 'OWN-R1', provider: 'OWN', name: '人口基础信息', share_type: 'conditional', update_cycle: 'daily', published_on: `${PERIOD}-01`, updated_on: `${PERIOD}-01`, status: 'active' }],
    ['requests', { request: 'REQ-1', consumer: 'OTHER', provider: 'OWN', purpose: '核验', submitted_at: `${PERIOD}-05T09:00:00+08:00`, decision: 'pending' }],
    ['objections', { objection: 'OBJ-1', consumer: 'OTHER', provider: 'OWN', resource: 'OWN-R1', kind: 'accuracy', submitted_at: `${PERIOD}-05T09:00:00+08:00`, outcome: 'pending' }],
  ] as const).map(([kind, row]) =>
    api('POST', `/api/v1/${kind}`, () => ({ url: `/api/v1/${kind}`, init: json({ rows: [row] }) }),
                                                                   '401 | 403 403 403 403 403 403 | 403 403 ok 403 403 | 403 403 403 403 403'),
  ),
  api('POST', '/admin/ingest/check', () => ({ url: '/admin/ingest/check?kind=metrics', init: json({ rows: [{ department: OWN, period: PERIOD, indicator: 'completeness_rate', value: 0.9 }] }) }),
    // Not under /api/v1, so tokens are no credentials here.
                                                                   '401 | ok 403 403 ok 403 403 | 401 401 401 401 401 | 401 401 401 401 401'),
  // Flags name partners: unbound tokens only; a department user gets its own flags (tests/integrity.test.ts).
  api('GET', '/api/v1/integrity', () => ({ url: `/api/v1/integrity?period=${PERIOD}` }),
                                                                   '401 | ok ok 403 ok ok 403 | 403 403 403 ok 403 | 403 403 403 403 403'),
  api('GET', '/api/v1/appeals', ({ department }) => ({ url: `/api/v1/appeals?department=${department}` }),
                                                                   '401 | ok ok 403 ok/403 ok 403 | 403 403 403 403 403 | 403 403 403 403 403', { department: true }),
  api('POST', '/api/v1/appeals', ({ department }) => ({ url: '/api/v1/appeals', init: json({ period: PERIOD, department, reason: '数据口径有误' }) }),
                                                                   '401 | ok 403 403 ok/403 403 403 | 403 403 403 403 403 | 403 403 403 403 403', { department: true }),
  api('POST', '/api/v1/appeals/[id]/decision', ({ fixture }) => ({ url: `/api/v1/appeals/${fixture.appeal[OWN]}/decision`, init: json({ decision: 'reject', reason: '理由不成立' }), params: { id: String(fixture.appeal[OWN]) } }),
                                                                   '401 | ok 403 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 403'),
  api('GET', '/api/v1/incidents', ({ department }) => ({ url: `/api/v1/incidents?department=${department}` }),
                                                                   '401 | ok ok 403 ok/403 ok 403 | 403 403 403 403 403 | 403 403 403 403 403', { department: true }),
  api('POST', '/api/v1/incidents', () => ({ url: '/api/v1/incidents', init: json({ department: OWN, occurredOn: `${PERIOD}-10`, kind: 'quality', points: 1, description: '数据质量问题' }) }),
                                                                   '401 | ok 403 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 403'),
  api('POST', '/api/v1/incidents/[id]/exemption', ({ department, fixture }) => ({ url: `/api/v1/incidents/${fixture.incident[department]}/exemption`, init: json({ justification: '依规共享，尽职履责' }), params: { id: String(fixture.incident[department]) } }),
                                                                   '401 | ok 403 403 ok/403 403 403 | 403 403 403 403 403 | 403 403 403 403 403', { department: true }),
  api('POST', '/api/v1/incidents/[id]/exemption/decision', ({ fixture }) => ({ url: `/api/v1/incidents/${fixture.incident[OWN]}/exemption/decision`, init: json({ grant: false, reason: '不符合免责条件' }), params: { id: String(fixture.incident[OWN]) } }),
                                                                   '401 | ok 403 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 403'),
];
