// Recharts stays off the first paint: the pages reach the charts only through deferred.tsx,
// which imports them with import() (type imports aside), and a chart is its placeholder box
// until the browser has it.
import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlowsSankey, TotalsHistogram } from './deferred';

const CHART_FILES = fs.readdirSync('components/charts').filter((f) => /\.tsx$/.test(f) && !/^(deferred|client-only)\.|\.test\./.test(f));

describe('deferred charts', () => {
  it('the chart files are the ones that import Recharts', () => {
    for (const f of CHART_FILES) expect(fs.readFileSync(path.join('components/charts', f), 'utf8'), f).toMatch(/from 'recharts'/);
  });

  it('no page or component imports a chart file except for types, and deferred.tsx loads them with import()', () => {
    const sources = ['app', 'components'].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.')).map((f) => path.join(dir, f)));
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      for (const chart of CHART_FILES.map((f) => f.replace(/\.tsx$/, ''))) {
        const value = new RegExp(`^import (?!type )[^;]*from '(@/components/charts|\\.)/${chart}'`, 'm');
        if (file.endsWith(path.join('charts', `${chart}.tsx`))) continue;
        expect(text, `${file} imports ${chart}`).not.toMatch(value);
      }
    }
    const deferred = fs.readFileSync('components/charts/deferred.tsx', 'utf8');
    for (const chart of CHART_FILES) expect(deferred).toContain(`import('./${chart.replace(/\.tsx$/, '')}')`);
  });

  it('is the placeholder box of the chart’s height on the server', () => {
    expect(renderToStaticMarkup(<TotalsHistogram bands={[{ label: '0–5', count: 1 }]} countLabel="部门" />)).toBe('<div class="chart-placeholder" style="height:260px" aria-hidden="true"></div>');
    expect(renderToStaticMarkup(<FlowsSankey data={{ nodes: [], links: [] }} height={640} />)).toContain('height:640px');
  });
});
