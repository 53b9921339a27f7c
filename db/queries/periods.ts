import { parsePeriod, periodsContaining } from '../../lib/periods/codes';
import type { Session } from '../types';

/** Makes sure the months, and the quarters and years containing them, have period rows. */
export async function ensurePeriods(session: Session, months: Iterable<string>): Promise<void> {
  const codes = new Set<string>();
  for (const m of months) for (const p of periodsContaining(m)) codes.add(p);
  if (!codes.size) return;
  const infos = [...codes].map((c) => parsePeriod(c)!);
  const params = infos.flatMap((p) => [p.code, p.kind, p.startsOn, p.endsOn]);
  const values = infos.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}::date, $${i * 4 + 4}::date)`);
  await session.query(
    `insert into periods (code, kind, starts_on, ends_on) values ${values.join(', ')} on conflict (code) do nothing`,
    params,
  );
}
