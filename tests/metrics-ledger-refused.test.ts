// /api/v1/metrics refuses ledger-derived indicators with 422, as it refuses events-derived
// ones (docs/ingest.md): under the ledger scheme a department cannot report its own
// punctuality, satisfaction or catalog size. Nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/db';
import { POST as postMetrics } from '@/app/api/v1/metrics/route';
import { bearer, seedBasics, uploadRequest } from '@/lib/ingest/test-support';
import { schemes } from '@/db/schema';
import { defaultScheme, schemeHash } from '@/lib/scoring';
import type { Database } from '@/db/types';

let database: Database;
let gat: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedBasics(database);
  await database.db.insert(schemes).values({ version: 2, name: defaultScheme.name, body: defaultScheme, hash: schemeHash(defaultScheme), createdBy: 'test' });
  gat = await bearer(database, ['metrics:write'], 'GAT');
});
afterAll(() => database.close());

describe('metrics and ledger indicators', () => {
  it('refuses every ledger indicator with 422 naming each row, and stores nothing', async () => {
    const body =
      'department,period,indicator,value\n' +
      'GAT,2026-09,demand_response_rate,1\n' +
      'GAT,2026-09,satisfaction_score,100\n' +
      'GAT,2026-09,resources_published,500\n' +
      'GAT,2026-09,calls_served,100\n' +
      'GAT,2026-09,accuracy_rate,0.99\n';
    const response = await postMetrics(uploadRequest('metrics', body, { token: gat }));
    expect(response.status).toBe(422);
    const json = await response.json();
    expect(json.error).toBe('validation_failed');
    const byRow = Object.fromEntries(json.errors.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ column: 'indicator', message: '指标 demand_response_rate 由目录、共享申请和数据异议台账自动计算，不能直接填报' });
    expect(byRow[3]).toMatchObject({ column: 'indicator' });
    expect(byRow[4]).toMatchObject({ column: 'indicator' });
    expect(byRow[5]).toMatchObject({ message: '指标 calls_served 由共享调用记录自动计算，不能直接填报' });
    expect(byRow[6]).toBeUndefined(); // a metric indicator is fine
    const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from indicator_values');
    expect(n).toBe(0);
  });
});
