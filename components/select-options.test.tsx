import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectOptions } from './select-options';

describe('SelectOptions', () => {
  const options = [
    { value: 'GAT', label: '公安厅' },
    { value: 'CZT', label: '财政厅' },
  ];

  it('lists the options in order, values submitted and labels shown', () => {
    expect(renderToStaticMarkup(<SelectOptions options={options} />)).toBe('<option value="GAT">公安厅</option><option value="CZT">财政厅</option>');
  });

  it('starts with an empty choice when one is named', () => {
    expect(renderToStaticMarkup(<SelectOptions options={options.slice(0, 1)} none="不绑定" />)).toBe('<option value="">不绑定</option><option value="GAT">公安厅</option>');
  });
});
