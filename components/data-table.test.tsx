import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';

describe('DataTable', () => {
  it('renders real table markup: column headers, numeric ones right-aligned, the caption and the rows', () => {
    const html = renderToStaticMarkup(
      <DataTable columns={['部门', { label: '得分', numeric: true }]} rowCount={1} empty="暂无" caption="结果" testId="t">
        <tr>
          <th scope="row">公安厅</th>
          <td className="num">93.1</td>
        </tr>
      </DataTable>,
    );
    expect(html).toBe(
      '<div class="table-wrap" tabindex="0"><table class="data" data-testid="t"><caption class="muted">结果</caption>' +
        '<thead><tr><th scope="col">部门</th><th scope="col" class="num">得分</th></tr></thead>' +
        '<tbody><tr><th scope="row">公安厅</th><td class="num">93.1</td></tr></tbody></table></div>',
    );
  });

  it('says so in words when there are no rows, and is named by its heading when it has no caption', () => {
    expect(renderToStaticMarkup(<DataTable columns={['部门']} rowCount={0} empty="暂无数据">{[]}</DataTable>)).toBe('<p class="muted">暂无数据</p>');
    const labelled = renderToStaticMarkup(<DataTable columns={['部门']} rowCount={0} labelledBy="list">{[]}</DataTable>);
    expect(labelled).toContain('<table class="data" aria-labelledby="list">');
  });

  it('sits in a bordered box when framed (the dashboard’s tables)', () => {
    const framed = renderToStaticMarkup(<DataTable columns={['部门']} rowCount={0} framed>{[]}</DataTable>);
    expect(framed.startsWith('<div class="table-scroll" tabindex="0">')).toBe(true);
  });
});
