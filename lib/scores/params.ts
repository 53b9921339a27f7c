// Query parameters of the scores and periods routes, as zod schemas: a malformed
// period is a 400 in the one error shape (handle() turns a ZodError into it).
import { z } from 'zod';
import { fill, messages } from '../i18n';
import { parsePeriod } from '../periods/codes';

/** The one period-code schema of every route (2026-10, 2026-Q4, 2026): a malformed code is a 400. */
export const periodCode = z
  .string({ error: () => fill(messages('zh-CN').scores.badPeriod, { value: '' }) })
  .trim()
  .refine((code) => parsePeriod(code) !== null, { error: (i) => fill(messages('zh-CN').scores.badPeriod, { value: String(i.input) }) });

export const periodQuery = z.object({ period: periodCode });
export const periodPathParams = z.object({ period: periodCode });
export const departmentPathParams = z.object({ department: z.string().min(1).max(64) });

/** The search parameters of a request as a plain object, for a zod schema. */
export const searchParams = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
