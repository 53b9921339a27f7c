// The /rankings query string: parsed defensively (anything odd falls back to the
// default) and written back for links, so sorting, filtering and paging compose.
import { RANKING_SORTS, type RankingSort } from '../../db/queries/dashboard';

export const PAGE_SIZE = 50;
export const MAX_COMPARE = 8;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export type SearchParams = Record<string, string | string[] | undefined>;

export interface RankingParams {
  period: string | null;
  page: number;
  sort: RankingSort;
  /** The dimension code when sort = 'dimension'. */
  dimension: string | null;
  descending: boolean;
  tier: string | null;
  search: string | null;
  /** A peer group (docs/scoring.md, "Peer groups"); null: all. */
  group: string | null;
  /** Departments drawn in the trend chart; empty means the top five. */
  compare: string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Sort keys as they appear in the URL: rank, change, name, total, penalty, or dim:<code>. */
function parseSort(raw: string | undefined): { sort: RankingSort; dimension: string | null } {
  if (raw?.startsWith('dim:') && /^[a-z][a-z0-9_]*$/.test(raw.slice(4))) return { sort: 'dimension', dimension: raw.slice(4) };
  const sort = RANKING_SORTS.find((s) => s === raw && s !== 'dimension');
  return { sort: sort ?? 'rank', dimension: null };
}

/** Descending by default for scores, ascending for rank and name. */
export function defaultDescending(sort: RankingSort): boolean {
  return sort === 'total' || sort === 'dimension' || sort === 'change' || sort === 'penalty';
}

export function parseRankingParams(sp: SearchParams): RankingParams {
  const { sort, dimension } = parseSort(first(sp.sort));
  const dir = first(sp.dir);
  const page = Number(first(sp.page));
  const tier = first(sp.tier);
  const search = first(sp.q)?.trim().slice(0, 64);
  const group = first(sp.group)?.trim().slice(0, 32);
  const compare = [...new Set(all(sp.compare).flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => CODE.test(c)))];
  return {
    period: first(sp.period)?.trim() || null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort,
    dimension,
    descending: dir === 'desc' ? true : dir === 'asc' ? false : defaultDescending(sort),
    tier: tier && /^[a-z][a-z0-9_]*$/.test(tier) ? tier : null,
    search: search || null,
    group: group || null,
    compare: compare.slice(0, MAX_COMPARE),
  };
}

export const sortKey = (p: Pick<RankingParams, 'sort' | 'dimension'>) => (p.sort === 'dimension' ? `dim:${p.dimension}` : p.sort);

/** The /rankings URL for these parameters, leaving defaults out. */
export function rankingHref(p: RankingParams, change: Partial<RankingParams> = {}): string {
  const next = { ...p, ...change };
  const q = new URLSearchParams();
  if (next.period) q.set('period', next.period);
  if (next.tier) q.set('tier', next.tier);
  if (next.search) q.set('q', next.search);
  if (next.group) q.set('group', next.group);
  if (next.sort !== 'rank' || next.descending) q.set('sort', sortKey(next));
  if (next.descending !== defaultDescending(next.sort)) q.set('dir', next.descending ? 'desc' : 'asc');
  if (next.compare.length) q.set('compare', next.compare.join(','));
  if (next.page > 1) q.set('page', String(next.page));
  const s = q.toString();
  return s ? `/rankings?${s}` : '/rankings';
}

/** The link a column header points to: the same column toggles direction, another starts at its default. */
export function sortHref(p: RankingParams, sort: RankingSort, dimension: string | null = null): string {
  const same = p.sort === sort && p.dimension === dimension;
  return rankingHref(p, { sort, dimension, descending: same ? !p.descending : defaultDescending(sort), page: 1 });
}
