// Computing a period's integrity flags (docs/scoring.md, "Integrity") and storing them: only
// the recompute after a write does this, with the scores, and finalization (./recompute.ts).
// Pages and the API read what is stored (lib/integrity/stored.ts): no reader waits for the
// four flag queries. Here in lib/scores, since the recompute calls it (lib/integrity reads
// lib/scores, not the other way round).
import { flagGeneration, loadPairFlags, loadSelfReportFlags, loadSpikeFlags, loadZombieFlags, sumMonthlyCalls, writeFlagSet, type FlagRow } from '../../db/queries/integrity';
import type { Session } from '../../db/types';
import { chinaDay } from '../periods/calendar';
import { requirePeriodCode } from '../periods/rows';
import { FLAG_KINDS, FLAG_SEVERITIES, integrityOf, type FlagKind, type FlagSeverity, type Scheme } from '../scoring/index';

export const severityOrder = (s: FlagSeverity) => FLAG_SEVERITIES.indexOf(s); // info 0 < warn 1 < high 2
const kindOrder = (k: string) => FLAG_KINDS.indexOf(k as FlagKind);
const partnerOf = (f: FlagRow) => String(f.evidence.partner ?? '');

/** Every flag of a period with the scheme's thresholds, on Beijing day `now` (the zombie window ends then in an open period), most severe first. */
export async function computeFlagRows(session: Session, code: string, scheme: Scheme, now = new Date()): Promise<FlagRow[]> {
  const span = requirePeriodCode(code);
  const thresholds = integrityOf(scheme);
  const today = chinaDay(now);
  const endDay = span.endsOn < today ? span.endsOn : today;
  await sumMonthlyCalls(session, span, thresholds.spike.historyMonths); // what the pair and spike queries read
  const rows: FlagRow[] = [
    ...(await loadPairFlags(session, span, thresholds)),
    ...(await loadSpikeFlags(session, span, thresholds)),
    ...(await loadZombieFlags(session, endDay, thresholds)),
    ...(await loadSelfReportFlags(session, span, endDay, thresholds)),
  ];
  return rows.sort(
    (a, b) =>
      severityOrder(b.severity) - severityOrder(a.severity) ||
      kindOrder(a.kind) - kindOrder(b.kind) ||
      a.department.localeCompare(b.department) ||
      partnerOf(a).localeCompare(partnerOf(b)),
  );
}

/**
 * Computes and stores a period's flags in the recompute's (or finalization's) transaction,
 * after its scores. Stamped with the flag generation read before the inputs: data landing
 * meanwhile leaves them stale for the next recompute, never marked fresher than they are.
 */
export async function storePeriodFlags(tx: Session, code: string, scheme: Scheme, now = new Date()): Promise<number> {
  const generation = await flagGeneration(tx, code, requirePeriodCode(code).months.at(-1)!);
  const rows = await computeFlagRows(tx, code, scheme, now);
  await writeFlagSet(tx, code, generation, rows);
  return rows.length;
}
