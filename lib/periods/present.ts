// The JSON shape of a period in API responses (dates as ISO strings): the presenter
// returns its zod shape's type, and the OpenAPI document (lib/openapi) describes the
// responses with the same shape, so the two cannot drift.
import { z } from 'zod';
import type { PeriodRow } from '../../db/queries/periods';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const instant = z.iso.datetime();
export const day = z.iso.date();

export const periodShape = z
  .object({
    period: z.string().meta({ example: '2026-Q3' }),
    kind: z.enum(['month', 'quarter', 'year']),
    status: z.enum(['open', 'published', 'finalized']),
    startsOn: day,
    endsOn: day,
    publishedAt: instant.nullable(),
    appealDeadline: instant.nullable(),
    finalizedAt: instant.nullable(),
    finalizedBy: z.string().nullable(),
    snapshotHash: z.string().nullable().meta({ example: 'sha256:9f2c…' }),
  })
  .meta({ id: 'Period' });

/** A period in every API response: GET /api/v1/periods(/{P}) (CONTRACT.md §3) and the transitions. */
export const periodJson = (p: PeriodRow): z.infer<typeof periodShape> => ({
  period: p.code,
  kind: p.kind,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publishedAt: iso(p.publishedAt),
  appealDeadline: iso(p.appealDeadline),
  finalizedAt: iso(p.finalizedAt),
  finalizedBy: p.finalizedBy,
  snapshotHash: p.snapshotHash,
});
