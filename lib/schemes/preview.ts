// The scheme editor's preview: how every department's rank and tier would move if
// the draft replaced the current scheme, for one period's input matrix. Pure (runs
// in the browser as the admin types, and on the server in tests).
import { scoreDepartments, type DepartmentResult, type Scheme, type ScoringInput } from '../scoring/index';

export type PreviewPlace = Pick<DepartmentResult, 'rank' | 'total' | 'tier' | 'tierName'>;

export interface PreviewMove {
  department: string;
  name: string;
  before: PreviewPlace;
  after: PreviewPlace;
  /** before.rank − after.rank: positive = moves up. */
  rankChange: number;
  totalChange: number;
  tierChanged: boolean;
}

export interface PreviewSummary {
  departments: number;
  movedUp: number;
  movedDown: number;
  tierChanges: number;
  /** Largest |rank change|. */
  largestMove: number;
  /** Departments per tier under the current scheme and under the draft: the draft's tiers first, in its order. */
  tierMix: PreviewTierCount[];
}

export interface PreviewTierCount {
  tier: string;
  name: string;
  before: number;
  after: number;
}

export interface SchemePreview {
  moves: PreviewMove[];
  summary: PreviewSummary;
}

const place = (d: PreviewPlace): PreviewPlace => ({
  rank: d.rank,
  total: d.total,
  tier: d.tier,
  tierName: d.tierName,
});

/**
 * Scores `input` under the current scheme and `draftInput` (the matrix as the draft
 * rolls it up; the same unless indicators or roll-up rules changed) under the draft,
 * without Monte Carlo (ranks and tiers do not depend on it), and pairs the results
 * by department, in the draft's rank order.
 */
export function previewSchemeChange(input: ScoringInput, current: Scheme, draft: Scheme, draftInput: ScoringInput = input): SchemePreview {
  const before = scoreDepartments(input, current, { runs: 0 });
  const after = scoreDepartments(draftInput, draft, { runs: 0 });
  const old = new Map(before.departments.map((d) => [d.department, d]));
  const moves = after.departments.map((d): PreviewMove => {
    const b = old.get(d.department)!;
    return {
      department: d.department,
      name: d.name,
      before: place(b),
      after: place(d),
      rankChange: b.rank - d.rank,
      totalChange: Math.round((d.total - b.total) * 1e6) / 1e6,
      tierChanged: b.tier !== d.tier,
    };
  });
  return {
    moves,
    summary: {
      departments: moves.length,
      movedUp: moves.filter((m) => m.rankChange > 0).length,
      movedDown: moves.filter((m) => m.rankChange < 0).length,
      tierChanges: moves.filter((m) => m.tierChanged).length,
      largestMove: moves.reduce((max, m) => Math.max(max, Math.abs(m.rankChange)), 0),
      tierMix: tierMix(current, draft, moves),
    },
  };
}

function tierMix(current: Scheme, draft: Scheme, moves: PreviewMove[]): PreviewTierCount[] {
  const tiers = [...draft.tiers, ...current.tiers.filter((x) => !draft.tiers.some((y) => y.code === x.code))];
  const count = (side: 'before' | 'after', code: string) => moves.filter((m) => m[side].tier === code).length;
  return tiers.map((x) => ({ tier: x.code, name: x.name, before: count('before', x.code), after: count('after', x.code) }));
}
