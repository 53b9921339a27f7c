import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScheme, ENGINE_VERSION, schemeHash, type ScoringInput } from '../scoring';
import { buildSnapshot, SNAPSHOT_FORMAT_V1, snapshotHash, verifySnapshot } from './snapshot';

// A snapshot finalized before engine versions were recorded, as the code of commit 3e3a976
// wrote it (engine version 1: zh-CN sentences in the result, levers to the best department).
const v1 = JSON.parse(readFileSync(new URL('../../tests/fixtures/snapshot-engine-v1.json', import.meta.url), 'utf8')) as {
  period: string;
  scheme: { id: number; version: number; hash: string; body: unknown };
  inputs: ScoringInput;
  result: { departments: Array<{ recommendations?: string[] }> };
  hash: string;
};

describe('snapshots across engine versions', () => {
  it('verifies a snapshot finalized before the change with the engine version that made it', () => {
    expect(v1.result.departments[0].recommendations?.length).toBeGreaterThan(0);
    const check = verifySnapshot({ ...v1, engineVersion: 1 }, v1.hash);
    expect(check).toMatchObject({ ok: true, problem: null, engineVersion: 1, recomputedHash: v1.hash, changedDepartments: [] });
  });

  it('would not verify it with today’s engine: the output did change', () => {
    const check = verifySnapshot({ ...v1, engineVersion: ENGINE_VERSION }, v1.hash);
    expect(check.ok).toBe(false);
    expect(check.changedDepartments.length).toBeGreaterThan(0);
  });

  it('records the current engine version in a new snapshot, and verifies it', () => {
    const content = buildSnapshot('2026-Q2', { id: 1, version: 1, hash: schemeHash(defaultScheme), body: defaultScheme }, v1.inputs);
    expect([content.format, content.engine]).toEqual(['sharescore-snapshot/2', ENGINE_VERSION]);
    const hash = snapshotHash(content);
    expect(verifySnapshot({ ...content, hash, engineVersion: ENGINE_VERSION }, hash)).toMatchObject({ ok: true, engineVersion: ENGINE_VERSION });
    // Format 1 content carries no engine field, so its hash is what it always was.
    const old = buildSnapshot(v1.period, v1.scheme as never, v1.inputs, 1);
    expect([old.format, 'engine' in old]).toEqual([SNAPSHOT_FORMAT_V1, false]);
  });

  it('says which engine version made a snapshot it cannot recompute', () => {
    const check = verifySnapshot({ ...v1, engineVersion: 99 }, v1.hash);
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(/made by engine version 99; this build runs versions 1, 2/);
  });
});
