// Managing user accounts (the security officer's page and `cli user add`). Every change is
// checked with can(), audited in the same transaction, and ends the user's sessions in it
// when it changes who they are or what they may do (lib/auth/sessions.ts).
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { departmentChoices, departmentExists } from '../../db/queries/departments';
import { listUserRows, usernameTaken } from '../../db/queries/users';
import { users } from '../../db/schema';
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

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

function assertCan(actor: Principal) {
  if (!can(actor, 'users:manage')) throw forbidden();
}

function assertPassword(password: string) {
  const problems = passwordProblems(password);
  if (problems.length) throw badRequest('serverErrors.list', { items: problems.map((key) => ({ key })) });
}

async function assertDepartment(session: Session, code: string | null) {
  if (code === null) return;
  if (!(await departmentExists(session, code))) throw badRequest('adminUsers.errors.unknownDepartment', { code });
}

export async function listUsers(session: Session) {
  return (await listUserRows(session)).map(({ oidcSubject, ...u }) => ({ ...u, role: u.role as Role, oidcLinked: oidcSubject !== null }));
}

async function userById(session: Session, id: number) {
  const { username, role, departmentCode, active } = users;
  const [row] = await session.db.select({ id: users.id, username, role, departmentCode, active }).from(users).where(eq(users.id, id)).for('update');
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
    if (await usernameTaken(tx, u.username)) throw conflict('adminUsers.errors.usernameTaken', { username: u.username });
    const [{ id }] = await tx.db
      .insert(users)
      .values({ username: u.username, displayName: u.displayName || null, passwordHash: hash, role: u.role, departmentCode, passwordChangedAt: new Date() })
      .returning({ id: users.id });
    await appendAudit(tx, { actor, action: 'user.create', target: u.username, outcome: 'success', ip, payload: { role: u.role, department: departmentCode } });
    return { id };
  });
}

export async function setUserActive(database: Database, actor: Principal, id: number, active: boolean, ip: string | null = null): Promise<void> {
  assertCan(actor);
  if (!active && isSelf(actor, id)) throw badRequest('adminUsers.errors.cannotDisableSelf');
  await database.transaction(async (tx) => {
    const user = await userById(tx, id);
    await tx.db.update(users).set({ active }).where(eq(users.id, id));
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
    await tx.db.update(users).set({ role: a.role, departmentCode }).where(eq(users.id, id));
    await endUserSessions(tx, id, 'role', actorId(actor));
    await appendAudit(tx, {
      actor, action: 'user.role', target: user.username, outcome: 'success', ip,
      payload: { id, from: { role: user.role, department: user.departmentCode }, to: { role: a.role, department: departmentCode } },
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
    await tx.db.update(users).set({ passwordHash: hash, passwordChangedAt: new Date(), lockedUntil: null }).where(eq(users.id, id));
    await endUserSessions(tx, id, 'password', actorId(actor));
    await appendAudit(tx, { actor, action: 'user.password_reset', target: user.username, outcome: 'success', ip, payload: { id } });
  });
}

/** Departments for the role/department pickers on the admin pages. */
export const listDepartmentOptions = departmentChoices;
