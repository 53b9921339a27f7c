// The assessment export's rows (CONTRACT.md §6), shared by the CSV and XLSX
// exports and the CLI: one header row, then one row per department in rank order.
import type { Scheme } from './scheme-schema';
import type { ScoringResult } from './types';

export const ASSESSMENT_FIXED_COLUMNS = {
  before: ['排名', '部门编码', '部门名称', '总分'],
  after: ['扣分', '等级', '排名区间', '考核得分', '激励建议', '改进建议', '缺报'],
} as const;

/** The words of one department's last three columns, written by the caller (lib/advice): the engine imports no catalog. */
export interface AdviceCells {
  /** 激励建议: the tier's incentives. */
  incentives: string[];
  /** 改进建议: levers, missing data, penalty, rank caution. */
  advice: string[];
  /** 缺报: the unreported indicators and what they cost, '' when none. */
  missing: string;
}

const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};

/**
 * Header + rows. Between 总分 and 扣分 come one column per dimension, headed by the
 * dimension's name (共享数量, 共享质量, 应用成效 in the default scheme). Numbers stay
 * numbers (2 decimals) so a spreadsheet can sum them; 排名区间 is text "lo–hi".
 */
export function assessmentRows(result: ScoringResult, scheme: Scheme, cellsOf: (d: ScoringResult['departments'][number]) => AdviceCells): Array<Array<string | number>> {
  const header = [...ASSESSMENT_FIXED_COLUMNS.before, ...scheme.dimensions.map((d) => d.name), ...ASSESSMENT_FIXED_COLUMNS.after];
  const rows = result.departments.map((d) => {
    const cells = cellsOf(d);
    return [
    d.rank,
    d.department,
    d.name,
    round2(d.total),
    ...scheme.dimensions.map((dim) => round2(d.dimensions[dim.code] ?? 0)),
    round2(d.penalty),
    d.tierName,
    // An en dash, not "-": Excel would turn "3-9" into a date.
    `${d.rankInterval[0]}–${d.rankInterval[1]}`,
    round2((d.total * scheme.assessmentPoints) / 100),
    cells.incentives.join('；'),
    cells.advice.join('；'),
    cells.missing,
  ];
  });
  return [header, ...rows];
}
