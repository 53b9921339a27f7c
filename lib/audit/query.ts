// Reading the audit log for the /audit page: filter by actor, action and time range,
// newest first, one page at a time. Read-only; the chain check is verifyAuditChain.
import { z } from 'zod';
import type { Session } from '../../db/types';
import { countAudit, searchAudit } from '../../db/queries/audit';
import type { StoredEntry } from './chain';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const auditFilterSchema = z.object({
  actor: optional(z.string().trim().max(100)),
  action: optional(z.string().trim().max(100)),
  from: optional(day), // calendar days in China time (UTC+8), inclusive
  to: optional(day),
  page: z.preprocess((v) => (v === '' || v === undefined ? 1 : v), z.coerce.number().int().min(1).max(1_000_000)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** An entry as stored, with the username behind user:<id> when it exists. */
export type AuditListEntry = StoredEntry & { actorName: string | null };

export interface AuditPage {
  entries: AuditListEntry[];
  total: number;
  page: number;
  pages: number;
}

export const AUDIT_PAGE_SIZE = 50;
const CHINA_OFFSET = '+08:00';

/** Start of `from` and end of `to` as instants, reading the days as China time. */
export function dayRange(from?: string, to?: string): { start: Date | null; end: Date | null } {
  const start = from ? new Date(`${from}T00:00:00${CHINA_OFFSET}`) : null;
  const end = to ? new Date(new Date(`${to}T00:00:00${CHINA_OFFSET}`).getTime() + 86_400_000) : null;
  return { start, end };
}

export async function queryAudit(session: Session, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const search = { actor: filter.actor, actionPrefix: filter.action, ...dayRange(filter.from, filter.to) };
  const total = await countAudit(session, search);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  return { entries: await searchAudit(session, search, pageSize, (page - 1) * pageSize), total, page, pages };
}
