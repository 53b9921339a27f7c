// The scheme in force: the highest version stored in `schemes` (the seed inserts
// version 1), or the built-in default when none is stored. Parsed once per hash. A
// version may take effect from a date (`effective_from`): an open period uses the highest
// version in force on its first day (docs/scoring.md, "Scheme versions and effective_from").
import { latestSchemeRow, schemeRowById, schemeRowInForce } from '../../db/queries/schemes';
import type { PeriodRow } from '../../db/queries/periods';
import type { Session } from '../../db/types';
import { defaultScheme, parseSchemeOrThrow, schemeHash, type Scheme } from '../scoring';

export interface ActiveScheme {
  /** null: the built-in default (nothing stored yet). */
  id: number | null;
  version: number;
  hash: string;
  scheme: Scheme;
}

const parsed = new Map<string, Scheme>();

function fromRow(row: { id: number; version: number; hash: string; body: unknown }): ActiveScheme {
  let scheme = parsed.get(row.hash);
  if (!scheme) {
    scheme = parseSchemeOrThrow(typeof row.body === 'string' ? JSON.parse(row.body) : row.body, `scheme version ${row.version}`);
    parsed.set(row.hash, scheme);
  }
  return { id: row.id, version: row.version, hash: row.hash, scheme };
}

export const builtInScheme = (): ActiveScheme => ({ id: null, version: 0, hash: schemeHash(defaultScheme), scheme: defaultScheme });

export async function getActiveScheme(session: Session): Promise<ActiveScheme> {
  const row = await latestSchemeRow(session);
  return row ? fromRow(row) : builtInScheme();
}

/**
 * The scheme a period is scored with: a published or finalized period keeps the one it was
 * published or finalized with; an open one uses the highest version whose effective_from
 * is null or on or before the period's first day (none in force: the latest, then the built-in default).
 */
export async function schemeForPeriod(session: Session, period: Pick<PeriodRow, 'status' | 'schemeId' | 'startsOn'>): Promise<ActiveScheme> {
  const kept = period.status !== 'open' && period.schemeId !== null ? await schemeRowById(session, period.schemeId) : null;
  if (kept) return fromRow(kept);
  const row = (await schemeRowInForce(session, period.startsOn)) ?? (await latestSchemeRow(session));
  return row ? fromRow(row) : builtInScheme();
}
