// The pages whose rendering is kept, each with the stamp of the data it reads. A page belongs
// here only if everything it renders follows from the signed-in user, the locale, the URL and
// this stamp: no clock, no other cookie, no table the stamp does not cover. /rankings is the
// page everybody opens and the costliest to render; its data already sits in memory under
// the same cache stamps (lib/dashboard/rankings.ts), so its HTML is exactly as fresh.
import type { Database } from '../../db/types';
import { searchParamsOf } from '../dashboard/page-path';
import { parseRankingParams } from '../dashboard/ranking-params';
import { rankingsStamp } from '../dashboard/rankings';

export type PageStamp = (database: Database, query: URLSearchParams) => Promise<string>;

export const CACHEABLE_PAGES: Readonly<Record<string, PageStamp>> = {
  '/rankings': (database, query) => rankingsStamp(database, parseRankingParams(searchParamsOf(query))),
};
