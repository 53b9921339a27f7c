// Departments: the one place that says whether a department exists, and the pickers' list.
import { asc, desc, eq } from 'drizzle-orm';
import { departments, type DepartmentRow, type NewDepartmentRow } from '../schema';
import type { Session } from '../types';

/** A department as the admin page lists it. */
export type DepartmentListing = Omit<DepartmentRow, 'createdAt'>;

export async function departmentExists(session: Session, code: string): Promise<boolean> {
  return (await getDepartment(session, code)) !== null;
}

export async function getDepartment(session: Session, code: string): Promise<DepartmentRow | null> {
  const [row] = await session.db.select().from(departments).where(eq(departments.code, code));
  return row ?? null;
}

/** Every department, active ones first, by code. */
export async function listDepartmentRows(session: Session): Promise<DepartmentListing[]> {
  const { code, name, parentCode, level, peerGroup, active } = departments;
  return session.db.select({ code, name, parentCode, level, peerGroup, active }).from(departments).orderBy(desc(departments.active), asc(departments.code));
}

/** Active departments for pickers, by code. */
export async function departmentChoices(session: Session): Promise<Array<{ code: string; name: string }>> {
  return session.db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.active, true)).orderBy(asc(departments.code));
}

export async function insertDepartment(tx: Session, row: NewDepartmentRow): Promise<void> {
  await tx.db.insert(departments).values(row);
}

export async function updateDepartmentRow(tx: Session, code: string, fields: Partial<Omit<NewDepartmentRow, 'code'>>): Promise<void> {
  await tx.db.update(departments).set(fields).where(eq(departments.code, code));
}
