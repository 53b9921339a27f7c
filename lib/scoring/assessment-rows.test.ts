import { describe, expect, it } from 'vitest';
import { assessmentRows } from './assessment-rows';
import { toCsv } from './csv';
import { defaultScheme } from './default-scheme';
import { scoreDepartments } from './score';
import { allIndicators } from './layout';
import { workedInput, workedScheme } from './test-support';

/** The words come from the caller (lib/advice); here fixed ones show where they go. */
const cells = (d: { tier: string; missing: string[] }) => ({ incentives: [`激励:${d.tier}`], advice: ['建议一', '建议二'], missing: d.missing.join('、') });

describe('assessmentRows', () => {
  it('has the §6 columns for the default scheme', () => {
    const values = Object.fromEntries(allIndicators(defaultScheme).map((i) => [i.code, i.kind === 'count' ? 5 : i.kind === 'score' ? 90 : 0.9]));
    const result = scoreDepartments({ departments: [{ code: 'D01', name: '省公安厅' }], values: { D01: values } }, { ...defaultScheme, uncertainty: { ...defaultScheme.uncertainty, runs: 0 } });
    const [header, row] = assessmentRows(result, defaultScheme, cells);
    expect(header).toEqual(['排名', '部门编码', '部门名称', '总分', '共享数量', '共享质量', '应用成效', '扣分', '等级', '排名区间', '考核得分', '激励建议', '改进建议', '缺报']);
    expect(row.slice(0, 3)).toEqual([1, 'D01', '省公安厅']);
  });

  it('rounds to 2 decimals and computes 考核得分 = total × assessmentPoints / 100', () => {
    const scheme = workedScheme({ assessmentPoints: 20 });
    const input = { ...workedInput, values: { ...workedInput.values, B: { x1: 0.5, x2: 20 } }, incidents: [{ department: 'A', points: 1.234, exempt: false }] };
    const rows = assessmentRows(scoreDepartments(input, scheme), scheme, cells);
    expect(rows[0]).toEqual(['排名', '部门编码', '部门名称', '总分', '甲', '乙', '扣分', '等级', '排名区间', '考核得分', '激励建议', '改进建议', '缺报']);
    expect(rows[1].slice(0, 10)).toEqual([1, 'A', 'A', 79.27, 67.5, 100, 1.23, '前列', '1–1', 15.85]);
    // 激励建议 and 改进建议 are separate columns; 缺报 lists what was not reported.
    expect(rows[1].slice(10)).toEqual(['激励:top', '建议一；建议二', '']);
    expect(rows.find((r) => r[1] === 'B')!.slice(10)).toEqual(['激励:rest', '建议一；建议二', 'y1']);
  });

  it('turns into a CSV that Excel opens as text, not formulas', () => {
    const scheme = workedScheme();
    const result = scoreDepartments({ departments: [{ code: 'A', name: '=HYPERLINK("x")' }], values: { A: { x1: 1 } } }, scheme);
    const csv = toCsv(assessmentRows(result, scheme, cells));
    expect(csv.startsWith('\uFEFF排名,')).toBe(true);
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
  });
});
