// Snapshots of finalized periods: the frozen inputs, scheme and result, and their hash.
import { eq } from 'drizzle-orm';
import { snapshots, type NewSnapshotRow, type SnapshotRow } from '../schema';
import type { Session } from '../types';

export type { SnapshotRow };

export async function getSnapshot(session: Session, period: string): Promise<SnapshotRow | null> {
  const [row] = await session.db.select().from(snapshots).where(eq(snapshots.period, period));
  return row ?? null;
}

export async function insertSnapshot(tx: Session, snapshot: Omit<NewSnapshotRow, 'createdAt'>): Promise<void> {
  await tx.db.insert(snapshots).values(snapshot);
}
