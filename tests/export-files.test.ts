// The assessment export (CONTRACT.md §6): XLSX read back with exceljs (headers,
// values, number formats, frozen header, metadata sheet), CSV with BOM and
// formula-injection escapes, file names with period, status and short hash, drafts
// marked 草稿, the X-Snapshot-Hash header, who may export, and the audit of each.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: null as null | { kind: 'user'; id: number; username: string; role: string; departmentCode: string | null } }));
vi.mock('@/lib/auth/session-token', () => ({ principalFromCookieHeader: async () => auth.principal }));

import { useTestDatabase } from './support/db';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { GET as getExport } from '@/app/api/v1/export/route';
import exportCommand from '@/scripts/commands/export';
import { UsageError } from '@/scripts/commands/_shared';
import { exportAssessment } from '@/lib/export/service';
import { bearer } from '@/lib/ingest/test-support';
import { finalizePeriod, publishPeriod } from '@/lib/assessment/service';
import { ADMIN, ASSESSOR, at, seedCycleProvince } from '@/lib/periods/test-support';
import { defaultScheme, type ScoringResult } from '@/lib/scoring';

const HEADER = ['排名', '部门编码', '部门名称', '总分', '共享数量', '共享质量', '应用成效', '扣分', '等级', '排名区间', '考核得分', '激励建议', '改进建议', '缺报'];
// Department names a spreadsheet would run as formulas (or that break lines).
const HOSTILE: Array<[string, string]> = [
  ['X1', '=1+1'],
  ['X2', '+8613800000000'],
  ['X3', '-2+3'],
  ['X4', '@SUM(A1:A9)'],
  ['X5', '\t制表符开头'],
  ['X6', '\r回车开头'],
];

let database: Database;
let hash: string;
let result: ScoringResult;
let exportToken: string;
let readToken: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
  await database.query(`insert into departments (code, name) values ${HOSTILE.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ')}`, HOSTILE.flat());
  await publishPeriod(database, { principal: ADMIN, now: at('2026-10-09 10:00') }, '2026-Q3');
  hash = (await finalizePeriod(database, { principal: ADMIN, now: at('2026-10-16 09:00') }, '2026-Q3')).hash;
  [{ result }] = await database.query<{ result: ScoringResult }>(`select result from snapshots where period = '2026-Q3'`);
  exportToken = await bearer(database, ['scores:export']);
  readToken = await bearer(database, ['scores:read']);
}, 120_000);

afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function metadataOf(workbook: ExcelJS.Workbook): Map<string, string> {
  const sheet = workbook.getWorksheet('说明')!;
  const out = new Map<string, string>();
  sheet.eachRow((row, n) => {
    if (n > 1) out.set(String(row.getCell(1).value), String(row.getCell(2).value));
  });
  return out;
}

describe('XLSX of a finalized period', () => {
  it('has the Chinese headers, the snapshot’s values in rank order, formats and a frozen header', async () => {
    const file = await exportAssessment(database, { principal: ASSESSOR, now: at('2026-10-20 09:30') }, { period: '2026-Q3', format: 'xlsx' });
    expect(file.draft).toBe(false);
    expect(file.hash).toBe(hash);
    expect(file.headers['X-Snapshot-Hash']).toBe(hash);
    expect(file.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const short = hash.slice('sha256:'.length, 'sha256:'.length + 12);
    expect(file.fileName).toBe(`数据共享贡献度考核结果_2026-Q3_已定稿_${short}.xlsx`);
    expect(file.headers['Content-Disposition']).toContain(`filename="sharescore-assessment_2026-Q3_finalized_${short}.xlsx"`);
    expect(file.headers['Content-Disposition']).toContain("filename*=UTF-8''%E6%95%B0%E6%8D%AE");

    const workbook = await workbookOf(file.body);
    const sheet = workbook.getWorksheet('考核结果')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20);
    expect(sheet.rowCount).toBe(1 + result.departments.length);
    result.departments.forEach((d, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(d.rank);
      expect(row.getCell(2).value).toBe(d.department);
      expect(row.getCell(4).value).toBe(Math.round(d.total * 100) / 100);
      expect(row.getCell(9).value).toBe(d.tierName);
      expect(row.getCell(11).value).toBe(Math.round(d.total * 10) / 100); // total × 10 / 100
      expect(row.getCell(4).numFmt).toBe('0.00');
      // 激励建议 is the tier's incentives only; the advice has its own column, 改进建议.
      expect(row.getCell(12).value).toBe((defaultScheme.incentives[d.tier] ?? []).join('；'));
      expect(String(row.getCell(13).value ?? '')).not.toContain(defaultScheme.incentives[d.tier]?.[0] ?? '∅');
    });
    const names = result.departments.map((_, i) => String(sheet.getRow(i + 2).getCell(3).value));
    // XML turns a CR into LF when the file is read back; the leading ' is what matters.
    for (const [, hostile] of HOSTILE) expect(names).toContain(`'${hostile.replace('\r', '\n')}`);
  });

  it('has a metadata sheet: period, status, scheme name and version, snapshot hash, time, who', async () => {
    const file = await exportAssessment(database, { principal: ASSESSOR, now: at('2026-10-20 09:30') }, { period: '2026-Q3', format: 'xlsx' });
    const meta = metadataOf(await workbookOf(file.body));
    expect(meta.get('考核期')).toBe('2026-Q3（季度）');
    expect(meta.get('状态')).toBe('已定稿');
    expect(meta.get('评价方案')).toBe('政务数据共享贡献度评价方案（默认，台账口径）'); // the built-in default since the ledgers (docs/scoring.md)
    expect(meta.get('方案版本')).toBe('v1');
    expect(meta.get('快照哈希')).toBe(hash);
    expect(meta.get('导出时间')).toBe('2026-10-20 09:30:00（北京时间）');
    expect(meta.get('导出人')).toBe('assessor');
    expect(meta.get('定稿人')).toBe('admin');
    expect(meta.get('部门数')).toBe(String(result.departments.length));
    expect(meta.get('校验方法')).toContain('period verify --period 2026-Q3');
  });
});

describe('a period that is not finalized', () => {
  it('is exported as 草稿 in the file name, the metadata and the page header, without a snapshot hash', async () => {
    const file = await exportAssessment(database, { principal: ADMIN, now: at('2026-10-20 09:30') }, { period: '2026-10', format: 'xlsx' }).catch((e: unknown) => e);
    expect(file).toMatchObject({ status: 404 }); // no data for 2026-10 at all
    const draft = await exportAssessment(database, { principal: ADMIN, now: at('2026-10-20 09:30') }, { period: '2026-09', format: 'xlsx' });
    expect(draft.draft).toBe(true);
    expect(draft.fileName).toMatch(/^数据共享贡献度考核结果_2026-09_草稿_[0-9a-f]{12}\.xlsx$/);
    expect(draft.headers['X-Snapshot-Hash']).toBeUndefined();
    expect(draft.headers['X-Period-Status']).toBe('open');
    const workbook = await workbookOf(draft.body);
    const meta = metadataOf(workbook);
    expect(meta.get('状态')).toBe('草稿（未公示，未定稿）');
    expect(meta.get('快照哈希')).toContain('草稿');
    expect(meta.get('草稿内容哈希')).toBe(draft.hash);
    expect(workbook.getWorksheet('考核结果')!.headerFooter.oddHeader).toContain('草稿');
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, CRLF, the same rows, and neutralises =, +, -, @, tab and CR cells', async () => {
    const file = await exportAssessment(database, { principal: ASSESSOR }, { period: '2026-Q3', format: 'csv' });
    expect(file.fileName).toMatch(/_2026-Q3_已定稿_[0-9a-f]{12}\.csv$/);
    expect(file.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + HEADER.join(','));
    expect(text.startsWith('\uFEFF#')).toBe(false); // no comment lines
    const rows: string[][] = parse(text, { bom: true });
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + result.departments.length);
    const byCode = new Map(rows.slice(1).map((r) => [r[1], r]));
    for (const [code, name] of HOSTILE) expect(byCode.get(code)![2]).toBe(`'${name}`);
    expect(text).toContain(`,"'\r回车开头",`); // a CR inside a cell is quoted (RFC 4180)
    expect(text).toContain(",'=1+1,");
    const first = result.departments[0];
    expect(rows[1].slice(0, 4)).toEqual([String(first.rank), first.department, first.name, String(Math.round(first.total * 100) / 100)]);
  });
});

describe('the API and the CLI', () => {
  const get = (query: string, headers: Record<string, string>) => getExport(new Request(`http://localhost/api/v1/export?${query}`, { headers }));

  it('GET /api/v1/export: scope scores:export or roles admin, assessor, auditor; others 403', async () => {
    const ok = await get('period=2026-Q3&format=xlsx', { authorization: `Bearer ${exportToken}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-snapshot-hash')).toBe(hash);
    expect(ok.headers.get('content-disposition')).toContain('finalized');
    expect(metadataOf(await workbookOf(Buffer.from(await ok.arrayBuffer()))).get('快照哈希')).toBe(hash);

    expect((await get('period=2026-Q3&format=csv', { authorization: `Bearer ${readToken}` })).status).toBe(403);
    expect((await get('period=2026-Q3&format=csv', {})).status).toBe(401);
    expect((await get('period=2026-Q3&format=pdf', { authorization: `Bearer ${exportToken}` })).status).toBe(400);
    expect((await get('period=2026-Q9&format=csv', { authorization: `Bearer ${exportToken}` })).status).toBe(400);
    expect((await get('period=2025-Q1&format=csv', { authorization: `Bearer ${exportToken}` })).status).toBe(404);

    const cookie = { cookie: 'next-auth.session-token=test' };
    for (const role of ['assessor', 'auditor', 'admin'] as const) {
      auth.principal = { kind: 'user', id: 10, username: role, role, departmentCode: null };
      const response = await get('period=2026-Q3&format=csv', cookie);
      expect(response.status, role).toBe(200);
      expect(response.headers.get('x-snapshot-hash')).toBe(hash);
    }
    for (const [role, department] of [['department', 'GAT'], ['leader', null]] as const) {
      auth.principal = { kind: 'user', id: 11, username: role, role, departmentCode: department };
      expect((await get('period=2026-Q3&format=csv', cookie)).status, role).toBe(403);
    }
  });

  it('cli export writes the same file and prints its hash', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ss-export-')), 'q3.xlsx');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await exportCommand.run(['--period', '2026-Q3', '--format', 'xlsx', '--out', out])).toBe(0);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toContain(hash);
    } finally {
      write.mockRestore();
    }
    const meta = metadataOf(await workbookOf(readFileSync(out)));
    expect(meta.get('快照哈希')).toBe(hash);
    expect(meta.get('导出人')).toBe('cli');
    await expect(exportCommand.run(['--period', '2026-Q3', '--format', 'pdf', '--out', out])).rejects.toBeInstanceOf(UsageError);
    await expect(exportCommand.run(['--period', '2025-Q1', '--format', 'csv', '--out', out])).rejects.toBeInstanceOf(UsageError);
  });

  it('audits every export with who, what, the status and the hash', async () => {
    const rows = await database.query<{ actor: string; target: string; payload: string }>(`select actor, target, payload from audit_log where action = 'assessment.export' order by id`);
    // 2 assessor XLSX + 1 draft + 1 CSV (service) + token + 3 roles (API) + cli.
    expect(rows).toHaveLength(9);
    const last = JSON.parse(rows[rows.length - 1].payload);
    expect(rows[rows.length - 1].actor).toBe('cli');
    expect(last).toMatchObject({ period: '2026-Q3', format: 'xlsx', status: 'finalized', draft: false, hash });
    expect(rows.map((r) => r.target)).toContain('2026-09');
  });
});
