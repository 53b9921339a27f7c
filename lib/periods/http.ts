// Request shapes of the assessment-cycle routes (zod), and reading a JSON body in
// the contract's error shape: malformed → 400, not JSON → 415.
import { z } from 'zod';
import { ApiError, badRequest } from '../http/errors';
import { zhCN } from '../i18n/zh-CN';
import { periodCode } from '../scores/params';

const t = zhCN.cycle.errors;

export const periodParams = z.object({ period: periodCode });
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const exportQuery = z.object({ period: periodCode, format: z.enum(['csv', 'xlsx']).default('xlsx') });

export const publishBody = z.object({ appealDays: z.number().int().min(1).max(30).optional() }).strict();
export const withdrawBody = z.object({ reason: z.string().min(1).max(1000) }).strict();

export const appealBody = z
  .object({
    period: periodCode,
    /** Defaults to the caller's own department. */
    department: z.string().trim().min(1).max(32).optional(),
    indicator: z.string().trim().max(64).nullable().optional(),
    reason: z.string().max(2000),
    evidence: z.string().max(5000).nullable().optional(),
  })
  .strict();

export const appealListQuery = z.object({
  period: periodCode.optional(),
  department: z.string().trim().min(1).max(32).optional(),
  status: z.enum(['open', 'accepted', 'rejected']).optional(),
});

export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().max(2000),
    correction: z
      .object({ month: z.string().trim(), indicator: z.string().trim().max(64).nullable().optional(), value: z.number() })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export const incidentBody = z
  .object({
    department: z.string().trim().min(1).max(32),
    occurredOn: z.string().trim(),
    kind: z.enum(['security', 'quality']),
    points: z.number(),
    description: z.string().max(2000),
  })
  .strict();

export const incidentListQuery = z.object({
  department: z.string().trim().min(1).max(32).optional(),
  period: periodCode.optional(),
  exemptionStatus: z.enum(['none', 'requested', 'granted', 'denied']).optional(),
});

export const exemptionRequestBody = z.object({ justification: z.string().max(2000) }).strict();
export const exemptionDecisionBody = z.object({ grant: z.boolean(), reason: z.string().max(2000) }).strict();

/** The JSON body of a request; an empty body reads as {}. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (!text.trim()) return {};
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', t.notJson);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(t.badJson);
  }
}
