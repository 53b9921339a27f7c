// The assessment export (CONTRACT.md §6) rendered as CSV or XLSX. The rows come
// from lib/scoring assessmentRows, so the CLI `score --format csv`, the CSV and the
// XLSX all agree; this file adds the file name, the metadata and the spreadsheet
// formatting. Pure apart from exceljs writing to a buffer.
import ExcelJS from 'exceljs';
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { neutralizeFormula, toCsv } from '../scoring/index';

export type ExportFormat = 'csv' | 'xlsx';

export interface AssessmentDocument {
  period: string;
  periodKind: 'month' | 'quarter' | 'year';
  status: 'open' | 'published' | 'finalized';
  /** Not finalized: marked 草稿 in the file name, the metadata and the sheet header. */
  draft: boolean;
  scheme: { name: string; version: number | null; hash: string; assessmentPoints: number };
  /** The finalized snapshot's hash; null for drafts. */
  snapshotHash: string | null;
  /** sha256 over the exported rows and their context: identifies a draft file. */
  contentHash: string;
  finalizedAt: Date | null;
  finalizedBy: string | null;
  appealDeadline: Date | null;
  /** When the scores were computed (drafts) or frozen (finalized). */
  computedAt: Date | null;
  generatedAt: Date;
  generatedBy: string;
  /** Header row + one row per department in rank order (assessmentRows). */
  rows: Array<Array<string | number>>;
}

const t = zhCN.exportFile;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The hash a file carries: the snapshot's when finalized, else the draft content's. */
export const documentHash = (doc: AssessmentDocument) => doc.snapshotHash ?? doc.contentHash;

/** The first 12 hex digits of a sha256:… hash. */
export const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

/**
 * 数据共享贡献度考核结果_2026-Q3_已定稿_3f2a9c1b7d4e.xlsx, or …_草稿_… for a draft;
 * and an ASCII twin for the Content-Disposition fallback.
 */
export function exportFileNames(doc: AssessmentDocument, format: ExportFormat): { utf8: string; ascii: string } {
  const hash = shortHash(documentHash(doc));
  return {
    utf8: `${t.fileStem}_${doc.period}_${doc.draft ? t.draft : t.finalized}_${hash}.${format}`,
    ascii: `sharescore-assessment_${doc.period}_${doc.draft ? 'draft' : 'finalized'}_${hash}.${format}`,
  };
}

/** attachment; filename="ascii"; filename*=UTF-8''utf8 (RFC 6266 / 5987). */
export function contentDisposition(names: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(names.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}

/** 2026-10-12 09:30:05 (Beijing time), for the metadata sheet. */
export function chinaTimestamp(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

export function statusText(doc: AssessmentDocument): string {
  if (!doc.draft) return t.statusFinalized;
  return doc.status === 'published' ? t.statusDraftPublished : t.statusDraftOpen;
}

/** The metadata sheet's rows: [label, value]. */
export function metadataRows(doc: AssessmentDocument): Array<[string, string | number]> {
  const kind = zhCN.cycle.kinds[doc.periodKind];
  const rows: Array<[string, string | number]> = [
    [t.meta.period, `${doc.period}（${kind}）`],
    [t.meta.status, statusText(doc)],
    [t.meta.schemeName, doc.scheme.name],
    [t.meta.schemeVersion, doc.scheme.version === null ? t.builtIn : `v${doc.scheme.version}`],
    [t.meta.schemeHash, doc.scheme.hash],
    [t.meta.snapshotHash, doc.snapshotHash ?? t.noSnapshot],
  ];
  if (doc.draft) rows.push([t.meta.contentHash, doc.contentHash]);
  if (doc.appealDeadline) rows.push([t.meta.appealDeadline, `${chinaTimestamp(doc.appealDeadline)}${t.beijing}`]);
  if (doc.finalizedAt) rows.push([t.meta.finalizedAt, `${chinaTimestamp(doc.finalizedAt)}${t.beijing}`]);
  if (doc.finalizedBy) rows.push([t.meta.finalizedBy, doc.finalizedBy]);
  if (doc.computedAt) rows.push([t.meta.computedAt, `${chinaTimestamp(doc.computedAt)}${t.beijing}`]);
  rows.push(
    [t.meta.generatedAt, `${chinaTimestamp(doc.generatedAt)}${t.beijing}`],
    [t.meta.generatedBy, doc.generatedBy],
    [t.meta.departments, Math.max(0, doc.rows.length - 1)],
    [t.meta.pointsRule, fill(t.pointsRuleText, { points: doc.scheme.assessmentPoints })],
    [t.meta.verify, doc.draft ? t.verifyDraft : fill(t.verifyText, { period: doc.period })],
  );
  return rows;
}

/** UTF-8 with BOM, RFC 4180, CRLF, formula-neutralised cells (lib/scoring toCsv). */
export function renderCsv(doc: AssessmentDocument): string {
  return toCsv(doc.rows);
}

const NUMBER_FORMAT = '0.00';
const INTEGER_FORMAT = '0';

/** Per column: width in characters and number format, by header. */
function columnSpec(header: string, index: number, dimensionNames: Set<string>): { width: number; numFmt?: string; wrap?: boolean } {
  switch (header) {
    case '排名':
      return { width: 7, numFmt: INTEGER_FORMAT };
    case '部门编码':
      return { width: 12 };
    case '部门名称':
      return { width: 28 };
    case '总分':
    case '扣分':
    case '考核得分':
      return { width: 10, numFmt: NUMBER_FORMAT };
    case '等级':
      return { width: 9 };
    case '排名区间':
      return { width: 10 };
    case '激励建议':
    case '改进建议':
      return { width: 70, wrap: true };
    case '缺报':
      return { width: 30, wrap: true };
    default:
      return dimensionNames.has(header) || index > 3 ? { width: 11, numFmt: NUMBER_FORMAT } : { width: 12 };
  }
}

const cellValue = (cell: string | number) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell);

export async function renderXlsx(doc: AssessmentDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sharescore';
  workbook.lastModifiedBy = doc.generatedBy;
  workbook.created = doc.generatedAt;
  workbook.modified = doc.generatedAt;
  workbook.title = `${t.fileStem} ${doc.period}${doc.draft ? `（${t.draft}）` : ''}`;
  workbook.subject = documentHash(doc);
  workbook.keywords = doc.draft ? t.draft : t.finalized;

  const [header, ...body] = doc.rows;
  const sheet = workbook.addWorksheet(t.sheetResults, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    headerFooter: {
      oddHeader: `&C${workbook.title}`,
      oddFooter: `&L${fill(t.footerHash, { hash: documentHash(doc) })}&R&P / &N`,
    },
  });
  const dimensionNames = new Set(header.slice(4, header.length - 5).map(String));
  sheet.columns = header.map((h, i) => {
    const spec = columnSpec(String(h), i, dimensionNames);
    return { header: String(h), key: `c${i}`, width: spec.width, style: spec.numFmt ? { numFmt: spec.numFmt } : {} };
  });
  for (const row of body) sheet.addRow(row.map(cellValue));

  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  headerRow.height = 22;
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
  });
  header.forEach((h, i) => {
    if (columnSpec(String(h), i, dimensionNames).wrap) {
      sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    }
  });
  if (body.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  const meta = workbook.addWorksheet(t.sheetMetadata);
  meta.columns = [
    { header: t.metaKey, key: 'key', width: 16 },
    { header: t.metaValue, key: 'value', width: 80 },
  ];
  meta.getRow(1).font = { bold: true };
  for (const [key, value] of metadataRows(doc)) meta.addRow([key, typeof value === 'string' ? neutralizeFormula(value) : value]);
  meta.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
