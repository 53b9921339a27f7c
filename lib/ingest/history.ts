// The upload history: everything for those who may read all of it (admin,
// auditor), one's own batches for a department user.
import { listBatches, type BatchListing } from '../../db/queries/ingest';
import type { Session } from '../../db/types';
import { can } from '../auth/permissions';
import { actorId, boundDepartment, type Principal } from '../auth/principal';

export async function batchHistory(session: Session, principal: Principal, limit = 50): Promise<BatchListing[] | null> {
  if (can(principal, 'ingest:history')) return listBatches(session, { limit });
  if (can(principal, 'ingest:history', { department: boundDepartment(principal) })) return listBatches(session, { actor: actorId(principal), limit });
  return null;
}

export type { BatchListing };
