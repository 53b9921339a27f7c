// The scores and periods APIs' answers (docs/api.md) as zod shapes: the OpenAPI
// document (lib/openapi) describes the responses with them, and tests/openapi-contract
// checks the live answers against the document.
import { z } from 'zod';
import { periodShape } from '../periods/present';

const score = z.number().meta({ example: 91.3 });

/** What every reader of the ranking sees of every department. */
const publicEntry = z.object({
  department: z.string().meta({ example: 'GAT' }),
  name: z.string().meta({ example: '省公安厅' }),
  rank: z.number().int().min(1),
  total: score,
  tier: z.string().meta({ example: 'excellent' }),
  tierName: z.string().meta({ example: '优秀' }),
});

/** A department's full entry in the ranking, for those who may read its detail. */
const detailedEntry = publicEntry.extend({
  dimensions: z.record(z.string(), z.number()).meta({ example: { volume: 88, quality: 93.1, effect: 92 } }),
  penalty: z.number(),
  rankInterval: z.tuple([z.number().int(), z.number().int()]),
  recommendations: z.array(z.string()),
  // Engine version 2 (docs/scoring.md): absent from results of periods finalized before it.
  group: z.string().optional().meta({ description: 'The peer group; with rankWithinGroups, rank, tier and rankInterval are within it' }),
  overallRank: z.number().int().optional().meta({ description: 'The rank among all departments, when ranked within groups' }),
  methodInterval: z.tuple([z.number().int(), z.number().int()]).optional().meta({ description: 'Best and worst rank under the documented alternative methods' }),
  totalInterval: z.tuple([z.number(), z.number()]).optional().meta({ description: '5th and 95th percentile of the total under weight uncertainty' }),
  missingCost: z.number().optional().meta({ description: 'Points the unreported indicators cost (at the reporters’ median)' }),
  weakDimension: z.string().nullable().optional(),
});

export const rankingEntryShape = z.union([detailedEntry, publicEntry]).meta({ id: 'RankingEntry' });

const periodHeader = z.object({
  period: z.string().meta({ example: '2026-Q3' }),
  status: z.enum(['open', 'published', 'finalized']),
  computedAt: z.iso.datetime(),
  scheme: z.object({ id: z.number().int().nullable(), version: z.number().int(), hash: z.string() }),
  snapshotHash: z.string().nullable().optional().meta({ description: 'Finalized periods only' }),
});

export const periodScoresShape = periodHeader.extend({ departments: z.array(rankingEntryShape) }).meta({ id: 'PeriodScores' });

const indicatorResult = z.object({
  value: z.number().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
  notApplicable: z.literal(true).optional().meta({ description: '不适用: nothing was due for this department (a ledger rate); left out and its weight re-spread in the dimension (docs/scoring.md)' }),
});

export const departmentScoreShape = periodHeader
  .extend(detailedEntry.shape)
  .extend({
    straddlesTier: z.boolean(),
    indicators: z.record(z.string(), indicatorResult),
    levers: z.array(
      z.object({
        indicator: z.string(),
        points: z.number(),
        target: z.number().optional().meta({ description: 'A reachable raw value: the next tier’s median or the peer group’s upper quartile' }),
        basis: z.enum(['nextTier', 'peerQuartile']).optional(),
      }),
    ),
    gapToAbove: z.number().nullable(),
    missing: z.array(z.string()),
  })
  .meta({ id: 'DepartmentScore' });

export const periodListShape = z.object({ periods: z.array(periodShape) }).meta({ id: 'PeriodList' });
