// Reading a request: the JSON body in the contract's error shape (malformed → 400, not
// JSON → 415), a numeric id or a department code in the path, and the query string.
import { z } from 'zod';
import { ApiError, badRequest } from './errors';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const departmentPathParams = z.object({ department: z.string().min(1).max(64) });

/** The search parameters of a request as a plain object, for a zod schema. */
export const searchParams = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** The JSON body of a request; an empty body reads as {}. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (!text.trim()) return {};
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', { key: 'cycle.errors.notJson' });
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('cycle.errors.badJson');
  }
}
