// Everything that decides whether a batch may be stored, in the order a caller
// can act on: the body (400/413), whose rows they are (403), every bad row (422),
// finalized periods (409). Shared by the commit and the upload page's dry run.
import { centrallyWrittenRows, loadIngestFacts } from '../../db/queries/ingest';
import { lockClockInputs } from '../../db/queries/ledger-ingest';
import type { Session } from '../../db/types';
import type { Principal } from '../auth/principal';
import { boundDepartment } from '../auth/principal';
import { ApiError, type Message, type RowError } from '../http/errors';
import type { Locale } from '../i18n';
import { allIndicators } from '../scoring';
import { getActiveScheme } from '../scores/active-scheme';
import { checkEventRows, checkMetricRows, foreignRows, lockedRows, monthOfRow, type IngestContext } from './check-rows';
import { chinaDay } from '../periods/calendar';
import { isLedgerKind, type IngestKind, type LedgerKind } from './kinds';
import { checkLedgerRows, type LedgerRow, type StoredItems } from './ledger-checks';
import { ingestText, type RowProblem } from './messages';
import { parseUpload } from './parse';
import { shapeRows, type AnyRow, type EventRow, type MetricRow } from './rows';
import type { Upload } from './upload';

export type Verdict =
  | { ok: true; kind: 'metrics'; rows: MetricRow[]; months: string[] }
  | { ok: true; kind: 'events'; rows: EventRow[]; months: string[] }
  /** `periods`: the periods whose scores the batch changes (lib/ingest/ledger-checks.ts). */
  /**
   * `stored`: the items already stored (locked in the writing transaction); null when the
   * checks assumed none (`lookUp` checks the batch again against the stored items, locking them).
   */
  | { ok: true; kind: LedgerKind; rows: LedgerRow[]; months: string[]; periods: string[]; stored: ReadonlySet<string> | null; lookUp?: () => Promise<Verdict> }
  | { ok: false; error: ApiError; rows: number };

export interface ValidateOptions {
  kind: IngestKind;
  principal: Principal;
  upload: Upload;
  locale: Locale;
  /** For tests: the date "today" is, in China. */
  today?: string;
  /**
   * In the writing transaction: a ledger batch locks what its checks read until it commits
   * — the stored rows it replaces, and the catalog and calendar its due days come from
   * (shared with other request and objection batches; a catalog batch holds it alone).
   * Batches on different items run side by side (docs/ingest.md "Ledgers", Concurrent batches).
   * Requests and objections are first checked assuming none is stored, as in a bulk load: no
   * lookup; the write finds out (a unique violation) and then the verdict's lookUp runs.
   */
  forWrite?: boolean;
}

export async function validateUpload(session: Session, o: ValidateOptions): Promise<Verdict> {
  const t = ingestText(o.locale);
  let raw;
  try {
    raw = await parseUpload(o.kind, o.upload);
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err, rows: 0 };
    throw err;
  }
  const shaped = await shapeRows(o.kind, raw);
  const reject = (status: number, code: string, message: Message, problems: RowProblem[]): Verdict => ({
    ok: false,
    error: new ApiError(status, code, message, sortRows(problems.map(t.row))),
    rows: raw.length,
  });

  const foreign = foreignRows(o.kind, shaped.rows as AnyRow[], o.principal);
  if (foreign.length) return reject(403, 'forbidden', { key: 'ingest.errors.foreignRows', values: { department: boundDepartment(o.principal) ?? '', count: foreign.length } }, foreign);

  const ctx = await loadContext(session, o.today);
  if (isLedgerKind(o.kind)) {
    if (o.forWrite) await lockClockInputs(session, o.kind === 'catalog' ? 'exclusive' : 'shared');
    const rows = shaped.rows as LedgerRow[];
    const check = async (stored: StoredItems): Promise<Verdict> => {
      const checked = await checkLedgerRows(session, o.kind as LedgerKind, rows, ctx, stored);
      const problems = [...shaped.problems, ...checked.problems];
      const locked = checked.periods.filter((p) => ctx.finalized.has(p));
      // Refused assuming nothing stored: the full list of problems (or a 422 before this 409) needs the stored items.
      if (stored === 'assume none' && (problems.length || locked.length)) return check('lock');
      if (problems.length) {
        const badRows = new Set(problems.map((p) => p.row)).size + shaped.unlistedRows;
        return reject(422, 'validation_failed', { key: 'ingest.errors.rowsInvalid', values: { count: badRows } }, problems);
      }
      if (locked.length) return reject(409, 'period_locked', { key: 'ingest.errors.periodLocked', values: { periods: locked.join('、') } }, []);
      const verdict = { ok: true as const, kind: o.kind as LedgerKind, rows, months: checked.months, periods: checked.periods, stored: checked.stored };
      return stored === 'assume none' ? { ...verdict, lookUp: () => check('lock') } : verdict;
    };
    return check(!o.forWrite ? 'read' : o.kind === 'catalog' ? 'lock' : 'assume none');
  }
  const problems = [
    ...shaped.problems,
    ...(o.kind === 'metrics' ? checkMetricRows(shaped.rows as MetricRow[], ctx) : checkEventRows(shaped.rows as EventRow[], ctx)),
  ];
  if (problems.length) {
    const badRows = new Set(problems.map((p) => p.row)).size + shaped.unlistedRows;
    return reject(422, 'validation_failed', { key: 'ingest.errors.rowsInvalid', values: { count: badRows } }, problems);
  }

  const plain = shaped.rows as Array<MetricRow | EventRow>;
  const locked = lockedRows(o.kind, plain, ctx);
  if (locked.problems.length) return reject(409, 'period_locked', { key: 'ingest.errors.periodLocked', values: { periods: locked.periods.join('、') } }, locked.problems);

  // A department never replaces a value the platform wrote (docs/ingest.md "Who may write what").
  if (o.kind === 'metrics' && boundDepartment(o.principal) !== null) {
    const central = await centrallyWrittenRows(session, plain as MetricRow[]);
    if (central.length) {
      const problems = central.map((c): RowProblem => ({ row: c.row, column: 'value', key: 'centralValue', values: { actor: c.actor } }));
      return reject(409, 'central_value', { key: 'ingest.errors.centralValue', values: { count: central.length } }, problems);
    }
  }

  const months = [...new Set(plain.map((r) => monthOfRow(o.kind, r)))].sort();
  return o.kind === 'metrics'
    ? { ok: true, kind: 'metrics', rows: shaped.rows as MetricRow[], months }
    : { ok: true, kind: 'events', rows: shaped.rows as EventRow[], months };
}

async function loadContext(session: Session, today?: string): Promise<IngestContext> {
  const [facts, active] = [await loadIngestFacts(session), await getActiveScheme(session)];
  return {
    departments: new Set(facts.departments),
    indicators: new Map(allIndicators(active.scheme).map((i) => [i.code, i])),
    today: today ?? chinaDay(new Date()),
    finalized: new Set(facts.finalized),
  };
}

const sortRows = (errors: RowError[]) => errors.sort((a, b) => a.row - b.row);
