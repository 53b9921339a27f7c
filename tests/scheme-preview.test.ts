// The scheme editor's service side: the preview's rank and tier moves equal what a
// recompute gives after saving; versions with who, when, why and what changed;
// validation (AHP CR ≥ 0.10 refused); saving marks caches stale and withdraws
// published periods; a finalized period keeps its scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { loadAssessmentDocument } from '@/lib/export/service';
import { loadPeriodInput } from '@/lib/scores/recompute';
import { requirePeriod } from '@/lib/periods/rows';
import { finalizePeriod, publishPeriod } from '@/lib/assessment/service';
import { ADMIN, at, departmentUser, seedCycleProvince } from '@/lib/periods/test-support';
import { getPeriodScores } from '@/lib/scores';
import { checkMatrix, dropIndex, matrixSignature, resizeMatrix, setJudgement, swapIndex, syncAhpMatrices } from '@/lib/schemes/editing';
import { previewSchemeChange } from '@/lib/schemes/preview';
import { activeScheme, listSchemeVersions, saveScheme, schemeForPeriod } from '@/lib/schemes/service';
import { draftPreviewInput } from '@/lib/schemes/views';
import { defaultScheme, NO_DAMPENING, type Scheme } from '@/lib/scoring';
import { staleness } from './support/scores';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
  // Q3 is finalized under version 1 before any change.
  await publishPeriod(database, { principal: ADMIN, now: at('2026-10-09 10:00') }, '2026-Q3');
  await finalizePeriod(database, { principal: ADMIN, now: at('2026-10-16 09:00') }, '2026-Q3');
}, 120_000);
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

const clone = (s: Scheme): Scheme => structuredClone(s);

async function ranks(period: string): Promise<Record<string, { rank: number; tier: string }>> {
  const scores = await getPeriodScores(database, period, ADMIN);
  return Object.fromEntries(scores.departments.map((d) => [String(d.department), { rank: Number(d.rank), tier: String(d.tier) }]));
}

describe('the preview', () => {
  it('shows every department’s rank and tier move, and a recompute after saving agrees', async () => {
    const current = (await activeScheme(database)).scheme;
    const draft = clone(current);
    // Volume counts most, effect least; satisfaction weighs more inside its dimension.
    draft.dimensions[0].weight = 0.6;
    draft.dimensions[1].weight = 0.3;
    draft.dimensions[2].weight = 0.1;
    draft.dimensions[2].indicators[3].weight = 0.6;
    // The cycle province's consumers call on one day a month, so the default dampening counts
    // none of them as real consumers and its order follows the metrics; the draft switches it
    // off (the preview rolls the matrix up under the draft too) and weighs consumers heavily.
    draft.dampening = NO_DAMPENING;
    draft.dimensions[2].weight = 0.8;
    draft.dimensions[2].indicators[1].weight = 0.9;
    const input = await loadPeriodInput(database, '2026-09', current);
    const preview = previewSchemeChange(input, current, draft, await loadPeriodInput(database, '2026-09', draft));
    expect(preview.moves).toHaveLength(6);
    expect(preview.summary.movedUp + preview.summary.movedDown).toBeGreaterThan(0);
    // The tier mix before saving: every department counted once on each side.
    const mix = preview.summary.tierMix;
    expect(mix.map((m) => m.tier)).toEqual(draft.tiers.map((x) => x.code));
    expect([mix.reduce((n, m) => n + m.before, 0), mix.reduce((n, m) => n + m.after, 0)]).toEqual([6, 6]);

    const before = await ranks('2026-09');
    for (const m of preview.moves) expect(m.before).toMatchObject({ rank: before[m.department].rank, tier: before[m.department].tier });

    await saveScheme(database, { principal: ADMIN }, { body: draft, reason: '提高共享数量权重' });
    const after = await ranks('2026-09');
    for (const m of preview.moves) {
      expect(m.after, m.department).toMatchObject({ rank: after[m.department].rank, tier: after[m.department].tier });
      expect(m.rankChange).toBe(before[m.department].rank - after[m.department].rank);
    }
  });

  it('rolls the months up the draft’s way when the draft changes a roll-up rule', async () => {
    const current = (await activeScheme(database)).scheme;
    const draft = clone(current);
    const accuracy = draft.dimensions[1].indicators.find((i) => i.code === 'accuracy_rate')!;
    accuracy.aggregate = 'last';
    expect(matrixSignature(draft)).not.toBe(matrixSignature(current));
    const draftInput = await draftPreviewInput(database, { principal: ADMIN }, '2026-Q3', draft);
    expect(draftInput.values.GAT.accuracy_rate).toBe(0.72); // September's value, not the mean 0.71
    await expect(draftPreviewInput(database, { principal: departmentUser('GAT') }, '2026-Q3', draft)).rejects.toMatchObject({ status: 403 });
    await expect(draftPreviewInput(database, { principal: ADMIN }, '2026-Q3', { name: '' })).rejects.toMatchObject({ status: 422 });

    const input = await loadPeriodInput(database, '2026-08', current);
    const preview = previewSchemeChange(input, current, draft, await draftPreviewInput(database, { principal: ADMIN }, '2026-08', draft));
    await saveScheme(database, { principal: ADMIN }, { body: draft, reason: '准确率取期末值' });
    const after = await ranks('2026-08');
    for (const m of preview.moves) expect(m.after.rank).toBe(after[m.department].rank);
  });
});

describe('saving', () => {
  it('refuses invalid schemes with every problem, no reason, no change, and a stale base version', async () => {
    const ctx = { principal: ADMIN };
    const current = await activeScheme(database);
    const broken = { ...clone(current.scheme), assessmentPoints: -1, tiers: [] };
    const err = (await saveScheme(database, ctx, { body: broken, reason: '测试' }).catch((e: unknown) => e)) as { status: number; errors: unknown[] };
    expect(err.status).toBe(422);
    expect(err.errors.length).toBeGreaterThanOrEqual(2);
    await expect(saveScheme(database, ctx, { body: current.scheme, reason: ' ' })).rejects.toMatchObject({ status: 400 });
    await expect(saveScheme(database, ctx, { body: current.scheme, reason: '未修改' })).rejects.toMatchObject({ status: 409 });
    await expect(saveScheme(database, ctx, { body: { ...clone(current.scheme), penaltyCap: 8 }, reason: '基于旧版本', basedOnVersion: current.version - 1 })).rejects.toMatchObject({ status: 409 });
    await expect(saveScheme(database, { principal: departmentUser('GAT') }, { body: { ...clone(current.scheme), penaltyCap: 8 }, reason: '越权' })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses an AHP matrix with CR ≥ 0.10 and accepts a consistent one', async () => {
    const current = await activeScheme(database);
    const ahp: Scheme = syncAhpMatrices({ ...clone(current.scheme), weighting: { method: 'ahp', alpha: 0.5 } });
    // volume ≫ quality, quality ≫ effect, but effect ≫ volume: circular, CR far above 0.10.
    ahp.weighting.ahp!.dimensions = [
      [1, 5, '1/5'],
      ['1/5', 1, 5],
      [5, '1/5', 1],
    ];
    expect(checkMatrix(ahp.weighting.ahp!.dimensions)).toMatchObject({ ok: true, consistent: false });
    await expect(saveScheme(database, { principal: ADMIN }, { body: ahp, reason: '层次分析法' })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/CR = .* ≥ 0\.10/) });
    ahp.weighting.ahp!.dimensions = [
      [1, '1/2', '1/2'],
      [2, 1, 1],
      [2, 1, 1],
    ];
    const saved = await saveScheme(database, { principal: ADMIN }, { body: ahp, reason: '改用层次分析法赋权' });
    expect(saved.scheme.scheme.weighting.method).toBe('ahp');
  });

  it('marks every non-finalized period stale and withdraws published ones, which must be published again', async () => {
    await getPeriodScores(database, '2026-07', ADMIN); // fresh cache
    await publishPeriod(database, { principal: ADMIN, now: at('2026-10-20 10:00') }, '2026-07');
    const current = await activeScheme(database);
    const result = await saveScheme(database, { principal: ADMIN }, { body: { ...clone(current.scheme), penaltyCap: 6 }, reason: '扣分上限调整' });
    expect(result.withdrawn).toEqual(['2026-07']);
    expect(await requirePeriod(database, '2026-07')).toMatchObject({ status: 'open', appealDeadline: null });
    for (const row of await staleness(database)) expect(row.stale, row.period).toBe(row.period !== '2026-Q3');
    const [withdrawal] = await database.query<{ payload: string }>(`select payload from audit_log where action = 'period.withdraw'`);
    expect(JSON.parse(withdrawal.payload).reason).toContain(`v${result.scheme.version}`);
  });

  it('keeps versions with who, when, why and what changed; a finalized period keeps version 1', async () => {
    const versions = await listSchemeVersions(database);
    expect(versions.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(versions[0]).toMatchObject({ createdBy: 'admin', reason: '扣分上限调整' });
    expect(versions[0].changes.map((c) => [c.path, c.before, c.after])).toEqual([['penaltyCap', 10, 6]]);
    expect(versions[3].changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['dimensions[volume].weight', 'dimensions[effect].indicators[satisfaction_score].weight']),
    );
    expect(versions[4]).toMatchObject({ changes: [], finalizedPeriods: ['2026-Q3'] });
    const q3 = await schemeForPeriod(database, '2026-Q3');
    expect(q3.version).toBe(1);
    expect(q3.scheme.weighting.method).toBe(defaultScheme.weighting.method);
    const doc = await loadAssessmentDocument(database, { principal: ADMIN }, '2026-Q3');
    expect(doc.scheme.version).toBe(1);
    const audit = await database.query<{ target: string }>(`select target from audit_log where action = 'scheme.save' order by id`);
    expect(audit.map((a) => a.target)).toEqual(['v2', 'v3', 'v4', 'v5']);
  });
});

describe('editor helpers (pure)', () => {
  it('keep AHP matrices reciprocal and sized, and report CR', () => {
    let m = resizeMatrix(undefined, 3);
    expect(m).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    m = setJudgement(m, 0, 1, '3');
    m = setJudgement(m, 0, 2, '1/2');
    expect(m[1][0]).toBe('1/3');
    expect(m[2][0]).toBe(2);
    expect(checkMatrix(m)).toMatchObject({ ok: true });
    expect(dropIndex(m, 1)).toEqual([
      [1, '1/2'],
      [2, 1],
    ]);
    expect(swapIndex(m, 0, 2)![0]).toEqual([1, 1, 2]);
    expect(checkMatrix([[1, 2]])).toMatchObject({ ok: false });
  });
});
