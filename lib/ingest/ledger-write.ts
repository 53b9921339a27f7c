// Writes an accepted ledger batch (docs/ingest.md "Ledgers") and says which periods'
// scores it changed: those its due days and delivery days fall in, and for the catalog
// every period ending on or after its earliest change, plus the periods of requests
// whose reply clock the new share types moved.
import { requestsOfResourcesFrom, writeCatalogRows, writeObjectionRows, writeRequestRows } from '../../db/queries/ledger-ingest';
import type { Session } from '../../db/types';
import { recomputeDueDays } from '../ledgers/due-days';
import { loadWorkCalendar } from '../periods/calendar-service';
import type { CatalogRow, ObjectionRow, RequestRow } from './rows';
import type { Verdict } from './validate';

type LedgerVerdict = Extract<Verdict, { ok: true; kind: 'catalog' | 'requests' | 'objections' }>;

export async function writeLedgerBatch(tx: Session, batchId: string, verdict: LedgerVerdict): Promise<{ replaced: number; periods: string[] }> {
  if (verdict.kind === 'requests') return { replaced: await writeRequestRows(tx, batchId, verdict.rows as RequestRow[], verdict.stored), periods: verdict.periods };
  if (verdict.kind === 'objections') return { replaced: await writeObjectionRows(tx, batchId, verdict.rows as ObjectionRow[], verdict.stored), periods: verdict.periods };
  const rows = verdict.rows as CatalogRow[];
  const added = await writeCatalogRows(tx, batchId, rows);
  const earliest = rows.reduce((min, r) => (r.updated_on < min ? r.updated_on : min), rows[0].updated_on);
  const candidates = await requestsOfResourcesFrom(tx, [...new Set(rows.map((r) => r.resource))], earliest);
  const moved = await recomputeDueDays(tx, candidates, await loadWorkCalendar(tx), batchId);
  return { replaced: added, periods: [...new Set([...verdict.periods, ...moved])].sort() };
}
