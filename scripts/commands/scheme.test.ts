// `cli scheme add --effective-from`: stores the version with its date (docs/scoring.md
// "Scheme versions and effective_from"); a bad date is bad usage (exit 2).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabase } from '@/db/client';
import { listSchemeRows } from '@/db/queries/schemes';
import type { Database } from '@/db/types';
import { seedBasics } from '@/lib/ingest/test-support';
import { defaultScheme } from '@/lib/scoring';
import { createTestDatabase } from '../../tests/support/db';
import command from './scheme';
import { UsageError } from './_shared';

let database: Database;
const file = path.join(mkdtempSync(path.join(tmpdir(), 'scheme-cli-')), 'v2.json');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedBasics(database);
  setDatabase(database);
  writeFileSync(file, JSON.stringify(defaultScheme));
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

describe('cli scheme', () => {
  it('adds a version effective from a date', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await command.run(['add', '--file', file, '--reason', '台账口径', '--effective-from', '2026-10-01'])).toBe(0);
      expect(String(out.mock.calls[0][0])).toMatch(/saved v2 effective from 2026-10-01/);
    } finally {
      out.mockRestore();
    }
    expect((await listSchemeRows(database)).find((v) => v.version === 2)).toMatchObject({ effectiveFrom: '2026-10-01', reason: '台账口径' });
  });

  it('refuses a malformed date as bad usage', async () => {
    await expect(command.run(['add', '--file', file, '--reason', 'x', '--effective-from', '2026-02-30'])).rejects.toBeInstanceOf(UsageError);
  });
});
