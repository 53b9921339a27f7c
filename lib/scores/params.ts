// Query parameters of the scores and periods routes, as zod schemas: a malformed
// period is a 400 in the one error shape (handle() turns a ZodError into it).
import { z } from 'zod';
import { periodCode } from '../periods/http';

export { periodCode };

export const periodQuery = z.object({ period: periodCode });
export const periodPathParams = z.object({ period: periodCode });
export const departmentPathParams = z.object({ department: z.string().min(1).max(64) });

/** The search parameters of a request as a plain object, for a zod schema. */
export const searchParams = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
