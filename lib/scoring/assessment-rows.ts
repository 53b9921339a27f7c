// The assessment export's rows (CONTRACT.md §6), shared by the CSV and XLSX
// exports and the CLI: one header row, then one row per department in rank order.
import type { Scheme } from './scheme-schema';
import type { ScoringResult } from './types';

export const ASSESSMENT_FIXED_COLUMNS = {
  before: ['排名', '部门编码', '部门名称', '总分'],
  after: ['扣分', '等级', '排名区间', '考核得分', '激励建议'],
} as const;

const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};

/**
 * Header + rows. Between 总分 and 扣分 come one column per dimension, headed by the
 * dimension's name (共享数量, 共享质量, 应用成效 in the default scheme). Numbers stay
 * numbers (2 decimals) so a spreadsheet can sum them; 排名区间 is text "lo–hi".
 */
export function assessmentRows(result: ScoringResult, scheme: Scheme): Array<Array<string | number>> {
  const header = [...ASSESSMENT_FIXED_COLUMNS.before, ...scheme.dimensions.map((d) => d.name), ...ASSESSMENT_FIXED_COLUMNS.after];
  const rows = result.departments.map((d) => [
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
    d.recommendations.join('；'),
  ]);
  return [header, ...rows];
}
