// Managing user accounts (the security officer's page and `cli user add`). Every change is
// checked with can(), audited in the same transaction, and ends the user's sessions in it
// when it changes who they are or what they may do (lib/auth/sessions.ts).
import { z } from 'zod';
import type { Database, Session } from '../../db/types';
import { appendAudit } from '../audit/log';
import { badRequest, conflict, forbidden, keyed, notFound } from '../http/errors';
import { hashPassword, passwordProblems } from './passwords';
import { can } from './permissions';
import { actorId, ROLES, type Principal, type Role } from './principal';
import { endUserSessions } from './sessions';

const departmentCode = z.string().trim().refine((v) => /^[A-Za-z0-9_-]{1,32}$/.test(v), keyed('adminUsers.errors.departmentCodeFormat'));

export const roleAssignmentSchema = z
  .object({
    role: z.enum(ROLES),
    departmentCode: departmentCode.nullable().default(null),
  })
  .refine((v) => v.role !== 'department' || v.departmentCode, { ...keyed('adminUsers.errors.departmentRequired'), path: ['departmentCode'] });

export const newUserSchema = z
  .object({
    username: z.string().trim().refine((v) => /^[A-Za-z0-9_.-]{2,64}$/.test(v), keyed('adminUsers.errors.usernameFormat')),
    displayName: z.string().trim().max(100).nullable().default(null),
    role: z.enum(ROLES),
    departmentCode: departmentCode.nullable().default(null),
    password: z.string(),
  })
  .refine((v) => v.role !== 'department' || v.departmentCode, { ...keyed('adminUsers.errors.departmentRequired'), path: ['departmentCode'] });
export type NewUser = z.input<typeof newUserSchema>;

export interface UserRow {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  departmentCode: string | null;
  active: boolean;
  lockedUntil: Date | null;
  locked: boolean; // lockedUntil is still ahead
  oidcLinked: boolean;
  oidcLinkAllowed: boolean;
  secondFactor: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

function assertCan(actor: Principal) {
  if (!can(actor, 'users:manage')) throw forbidden();
}

function assertPassword(password: string) {
  const problems = passwordProblems(password);
  if (problems.length) throw badRequest('serverErrors.list', { items: problems.map((key) => ({ key })) });
}

async function assertDepartment(session: Session, code: string | null) {
  if (code === null) return;
  const rows = await session.query('select 1 from departments where code = $1', [code]);
  if (!rows.length) throw badRequest('adminUsers.errors.unknownDepartment', { code });
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function listUsers(session: Session): Promise<UserRow[]> {
  const rows = await session.query<{
    id: number; username: string; display_name: string | null; role: Role; department_code: string | null; active: boolean;
    locked_until: Date | string | null; locked: boolean; oidc_subject: string | null; oidc_link_allowed: boolean; second_factor: boolean; last_login_at: Date | string | null; created_at: Date | string;
  }>(
    `select u.id, u.username, u.display_name, u.role, u.department_code, u.active, u.locked_until, coalesce(u.locked_until > now(), false) as locked, u.oidc_subject, u.oidc_link_allowed, u.created_at,
            exists (select 1 from user_totp f where f.user_id = u.id and f.secret is not null) as second_factor,
            (select max(a.created_at) from login_attempts a where a.username = lower(u.username) and a.success) as last_login_at
     from users u order by u.role, u.username`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    departmentCode: r.department_code,
    active: r.active,
    lockedUntil: date(r.locked_until),
    locked: r.locked,
    oidcLinked: r.oidc_subject !== null,
    oidcLinkAllowed: r.oidc_link_allowed,
    secondFactor: r.second_factor,
    lastLoginAt: date(r.last_login_at),
    createdAt: new Date(r.created_at),
  }));
}

async function userById(session: Session, id: number) {
  const [row] = await session.query<{ id: number; username: string; role: Role; department_code: string | null; active: boolean }>(
    'select id, username, role, department_code, active from users where id = $1 for update',
    [id],
  );
  if (!row) throw notFound('adminUsers.errors.notFound');
  return row;
}

const isSelf = (actor: Principal, id: number) => actor.kind === 'user' && actor.id === id;

export async function createUser(database: Database, actor: Principal, input: NewUser, ip: string | null = null): Promise<{ id: number }> {
  assertCan(actor);
  const u = newUserSchema.parse(input);
  assertPassword(u.password);
  const departmentCode = u.role === 'department' ? u.departmentCode : null;
  const hash = await hashPassword(u.password);
  return database.transaction(async (tx) => {
    await assertDepartment(tx, departmentCode);
    const taken = await tx.query('select 1 from users where lower(username) = lower($1)', [u.username]);
    if (taken.length) throw conflict('adminUsers.errors.usernameTaken', { username: u.username });
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into users (username, display_name, password_hash, role, department_code, password_changed_at)
       values ($1, $2, $3, $4, $5, now()) returning id`,
      [u.username, u.displayName || null, hash, u.role, departmentCode],
    );
    await appendAudit(tx, { actor, action: 'user.create', target: u.username, outcome: 'success', ip, payload: { role: u.role, department: departmentCode } });
    return { id: Number(id) };
  });
}

export async function setUserActive(database: Database, actor: Principal, id: number, active: boolean, ip: string | null = null): Promise<void> {
  assertCan(actor);
  if (!active && isSelf(actor, id)) throw badRequest('adminUsers.errors.cannotDisableSelf');
  await database.transaction(async (tx) => {
    const user = await userById(tx, id);
    await tx.query('update users set active = $2 where id = $1', [id, active]);
    if (!active) await endUserSessions(tx, id, 'disabled', actorId(actor));
    await appendAudit(tx, { actor, action: active ? 'user.enable' : 'user.disable', target: user.username, outcome: 'success', ip, payload: { id } });
  });
}

export async function setUserRole(database: Database, actor: Principal, id: number, input: z.input<typeof roleAssignmentSchema>, ip: string | null = null): Promise<void> {
  assertCan(actor);
  const a = roleAssignmentSchema.parse(input);
  const departmentCode = a.role === 'department' ? a.departmentCode : null;
  if (isSelf(actor, id)) throw badRequest('adminUsers.errors.cannotChangeOwnRole');
  await database.transaction(async (tx) => {
    const user = await userById(tx, id);
    await assertDepartment(tx, departmentCode);
    await tx.query('update users set role = $2, department_code = $3 where id = $1', [id, a.role, departmentCode]);
    await endUserSessions(tx, id, 'role', actorId(actor));
    await appendAudit(tx, {
      actor, action: 'user.role', target: user.username, outcome: 'success', ip,
      payload: { id, from: { role: user.role, department: user.department_code }, to: { role: a.role, department: departmentCode } },
    });
  });
}

/** Sets a new password (policy checked), clears any lock and ends the user's sessions. */
export async function resetPassword(database: Database, actor: Principal, id: number, password: string, ip: string | null = null): Promise<void> {
  assertCan(actor);
  assertPassword(password);
  const hash = await hashPassword(password);
  await database.transaction(async (tx) => {
    const user = await userById(tx, id);
    await tx.query(
      'update users set password_hash = $2, password_changed_at = now(), locked_until = null where id = $1',
      [id, hash],
    );
    await endUserSessions(tx, id, 'password', actorId(actor));
    await appendAudit(tx, { actor, action: 'user.password_reset', target: user.username, outcome: 'success', ip, payload: { id } });
  });
}

/** Departments for the role/department pickers on the admin pages. */
export async function listDepartmentOptions(session: Session): Promise<Array<{ code: string; name: string }>> {
  return session.query<{ code: string; name: string }>('select code, name from departments where active order by code');
}
